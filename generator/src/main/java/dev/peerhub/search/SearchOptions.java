package dev.peerhub.search;

import java.util.Optional;

/**
 * Paging and filters for one search; a null or empty filter means "any".
 *
 * @param limit   results per page (at least 1)
 * @param offset  results to skip
 * @param tag     only pages with this tag
 * @param section only pages in this section
 * @param type    only pages of this resource type
 */
public record SearchOptions(int limit, int offset, String tag, String section, String type) {

    public SearchOptions {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }

    public static SearchOptions defaults() {
        return new SearchOptions(10, 0, null, null, null);
    }

    Optional<String> tagFilter() {
        return tag == null || tag.isEmpty() ? Optional.empty() : Optional.of(tag);
    }

    Optional<String> sectionFilter() {
        return section == null || section.isEmpty() ? Optional.empty() : Optional.of(section);
    }

    Optional<String> typeFilter() {
        return type == null || type.isEmpty() ? Optional.empty() : Optional.of(type);
    }
}

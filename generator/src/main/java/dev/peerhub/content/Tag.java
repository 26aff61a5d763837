package dev.peerhub.content;

import java.util.Objects;

/** A tag as the writer spelled it, and its URL slug; two tags are the same when their slugs are. */
public record Tag(String name, String slug) implements Comparable<Tag> {

    public Tag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
    }

    public static Tag of(String name) {
        String trimmed = name.trim().replaceAll("\\s+", " ");
        return new Tag(trimmed, Slug.of(trimmed));
    }

    @Override
    public int compareTo(Tag o) {
        return slug.compareTo(o.slug);
    }
}

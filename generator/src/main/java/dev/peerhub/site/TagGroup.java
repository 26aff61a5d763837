package dev.peerhub.site;

import dev.peerhub.content.Tag;
import java.util.List;
import java.util.Objects;

/** A tag with its page and the pages that carry it, newest first. */
public record TagGroup(Tag tag, String path, String url, List<Page> pages) {
    public TagGroup {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        pages = List.copyOf(pages);
    }
}

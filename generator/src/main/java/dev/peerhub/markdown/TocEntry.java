package dev.peerhub.markdown;

import java.util.List;
import java.util.Objects;

/** A heading in the table of contents, with the headings nested under it. */
public record TocEntry(int level, String id, String text, List<TocEntry> children) {
    public TocEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        children = List.copyOf(children);
    }
}

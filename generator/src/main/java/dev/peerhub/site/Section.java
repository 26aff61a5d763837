package dev.peerhub.site;

import java.util.List;
import java.util.Objects;

/**
 * A folder of {@code content/} with its list page.
 *
 * @param key   the folder path under {@code content/}, e.g. {@code guides}
 * @param title from the folder's {@code _index.md}, else the folder name in words
 * @param index the {@code _index.md} page, or null
 * @param path  output folder of the list page, e.g. {@code guides/}
 * @param url   its URL with the base path
 * @param pages the section's articles: by weight, then newest first, then title
 */
public record Section(String key, String title, Page index, String path, String url, List<Page> pages) {
    public Section {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        pages = List.copyOf(pages);
    }

    /** The introduction's summary, or empty. */
    public String summary() {
        return index == null ? "" : index.article().summary();
    }
}

package dev.peerhub.site;

import dev.peerhub.content.Article;
import java.util.Objects;

/**
 * An article placed in the site.
 *
 * @param article   the article
 * @param path      the output folder relative to the site root: {@code guides/first-circle/}, or empty for the home page
 * @param url       the site-relative URL with the base path: {@code /guides/first-circle/}
 * @param permalink the absolute URL
 */
public record Page(Article article, String path, String url, String permalink) {
    public Page {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(permalink, "permalink");
    }

    /** The URL's hash: consistent with the record's equality, and cheap (pages are map keys in the build). */
    @Override
    public int hashCode() {
        return url.hashCode();
    }
}

package dev.peerhub.markdown;

import java.util.Optional;

/** What the renderer needs to know about the rest of the site to rewrite links. */
public interface LinkTargets {

    /** The URL (with the base path) of the page built from a content file, e.g. {@code content/guides/x.md}. */
    Optional<String> pageUrl(String contentPath);

    /** The URL of a non-Markdown file under {@code content/} that is copied to the output, e.g. an image. */
    Optional<String> fileUrl(String contentPath);

    /** The site's base path, {@code /} or {@code /hub/}. */
    String basePath();
}

package dev.peerhub.content;

import java.util.Objects;

/**
 * A content file's text as the pipeline sees it: decoded as UTF-8, byte-order mark removed,
 * line ends normalised to {@code \n}.
 *
 * @param path relative to the site folder, with {@code /}
 * @param text the normalised text
 */
public record SourceText(String path, String text) {

    public SourceText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}

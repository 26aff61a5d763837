package dev.peerhub.markdown;

import dev.peerhub.diagnostic.SourcePosition;
import java.util.Objects;

/**
 * A link or image found in a page's Markdown, kept so the link checker can verify it after every
 * page has been rendered.
 *
 * @param at       where it is written
 * @param raw      the destination as written
 * @param path     for internal links, the site path it resolves to (with base path, no fragment); empty otherwise
 * @param fragment the {@code #fragment} without {@code #}, empty when none
 * @param kind     what sort of destination it is
 */
public record FoundLink(SourcePosition at, String raw, String path, String fragment, Kind kind) {

    public FoundLink {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fragment, "fragment");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        /** To a page or file of this site (resolved). */
        INTERNAL,
        /** To a Markdown or other file of {@code content/} that does not exist. */
        MISSING_FILE,
        /** To another site. */
        EXTERNAL,
        /** An image with a remote source: a request to another origin, which the hub avoids. */
        REMOTE_IMAGE,
        /** An image with no alternative text. */
        IMAGE_WITHOUT_ALT
    }
}

package dev.peerhub.site;

import java.util.Objects;

/** A non-Markdown file under {@code content/} (an image, a PDF) copied to {@code outputPath}. */
public record StaticFile(String sourcePath, String outputPath) {
    public StaticFile {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(outputPath, "outputPath");
    }
}

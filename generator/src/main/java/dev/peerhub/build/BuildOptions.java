package dev.peerhub.build;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to build and how.
 *
 * @param siteDir   the site folder (holds site.yml, content/, templates/)
 * @param outDir    the output folder, or null for {@code check} (nothing written) and {@code serve} (in memory)
 * @param drafts    include drafts
 * @param baseUrl   overrides {@code base_url}, or null
 * @param today     the date events are upcoming or past relative to
 * @param serveMode true under {@code peerhub serve} (draft banners, live reload)
 * @param threads   worker threads for per-file stages
 */
public record BuildOptions(Path siteDir, Path outDir, boolean drafts, String baseUrl, LocalDate today, boolean serveMode,
                           int threads) {
    public BuildOptions {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(today, "today");
        if (threads < 1) throw new IllegalArgumentException("threads < 1");
    }

    /** True for {@code peerhub check}: no output folder, and not {@code serve} (which builds into memory). */
    public boolean isCheck() {
        return outDir == null && !serveMode;
    }
}

package dev.peerhub.build;

import dev.peerhub.diagnostic.Diagnostics;
import java.util.List;

/**
 * What a build did.
 *
 * @param diagnostics every problem found
 * @param pages       HTML pages written
 * @param files       files written in all
 * @param stages      time of each stage, in order
 * @param brokenLinks internal links or anchors that lead nowhere
 */
public record BuildResult(Diagnostics diagnostics, int pages, int files, List<StageTime> stages, int brokenLinks) {
    public BuildResult {
        stages = List.copyOf(stages);
    }

    /** One stage's name and wall time in milliseconds. */
    public record StageTime(String name, long millis) {}
}

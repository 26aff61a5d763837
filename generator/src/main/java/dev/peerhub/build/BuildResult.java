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
    /**
     * A stage's wall time, and the CPU time the whole process spent meanwhile (all threads: a stage on both
     * cores of a 2-core machine shows about twice its wall time), or -1 when not measured.
     */
    public record StageTime(String name, long millis, long cpuMillis) {
        public StageTime(String name, long millis) {
            this(name, millis, -1);
        }
    }
}

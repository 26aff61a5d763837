package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.SiteInMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A small corpus from the benchmark's generator ({@code bench/CorpusGenerator.java}), loaded in memory. */
final class GeneratedCorpus {
    private GeneratedCorpus() {}

    /** {@code articles} articles of seed {@code seed} generated into {@code dir}; skips the test without the generator. */
    static SiteInMemory of(Path dir, int articles, long seed) throws Exception {
        Path generator = Path.of("../bench/CorpusGenerator.java");
        Assumptions.assumeTrue(Files.isRegularFile(generator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), generator.toString(), "--articles", String.valueOf(articles),
                "--seed", String.valueOf(seed), "--out", dir.toString(), "--templates", "../templates")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "corpus generator timed out");
        assertEquals(0, p.exitValue());
        return SiteInMemory.load(dir);
    }
}

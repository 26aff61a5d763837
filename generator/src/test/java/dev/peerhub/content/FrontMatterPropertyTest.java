package dev.peerhub.content;

import static org.junit.jupiter.api.Assertions.fail;

import dev.peerhub.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The same property as {@link FrontMatterFuzzTest}, over a fixed, seeded set of generated files, so it runs
 * the same way everywhere in a few seconds: 4,000 files made from YAML and Markdown fragments, and 1,000 of
 * random bytes.
 */
class FrontMatterPropertyTest {

    private final SingleFilePipeline pipeline = new SingleFilePipeline();

    @Test
    void generatedFilesNeverThrowOnlyReportDiagnostics() {
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int i = 0; i < 4000; i++) {
            String text = SingleFilePipeline.assemble(random::nextInt);
            runOrFail(text.getBytes(StandardCharsets.UTF_8), i);
        }
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            for (int k = 0; k < bytes.length; k++) bytes[k] = (byte) random.nextInt(256);
            runOrFail(bytes, i);
        }
    }

    private void runOrFail(byte[] bytes, int i) {
        try {
            pipeline.run("content/guides/fuzz.md", bytes, new Diagnostics());
        } catch (RuntimeException | StackOverflowError e) {
            fail("input " + i + " threw " + e + ":\n" + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}

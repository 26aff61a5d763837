package dev.peerhub.content;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.peerhub.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of front matter and the single-file pipeline (decode, parse, render). Any
 * exception fails it: bad input must become a diagnostic. Under {@code ./peerhub test} (JAZZER_FUZZ=1, set
 * in the pom) it fuzzes for {@code maxDuration}; in a plain IDE run it replays the saved inputs in
 * {@code src/test/resources/dev/peerhub/content/FrontMatterFuzzTestInputs/}.
 */
class FrontMatterFuzzTest {

    private final SingleFilePipeline pipeline = new SingleFilePipeline();

    // Jazzer reads JUnit's timeout as libFuzzer's limit for one input: an input that takes longer (say, a
    // pattern that backtracks through every reading of it, as Flexmark's link labels did) fails the test at
    // once with the input saved, instead of keeping the run busy for libFuzzer's default of 20 minutes
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "30s")
    void neverThrowsOnAnyFile(FuzzedDataProvider data) {
        byte[] bytes;
        if (data.consumeBoolean()) {
            String text = SingleFilePipeline.assemble(bound -> data.consumeInt(0, bound - 1));
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = data.consumeRemainingAsBytes();
        }
        pipeline.run("content/guides/fuzz.md", bytes, new Diagnostics());
    }
}

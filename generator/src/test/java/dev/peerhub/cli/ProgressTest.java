package dev.peerhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

    @Test
    void printsNothingWhenNotATerminal() throws InterruptedException {
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), false);
        p.stage("pages");
        Thread.sleep(50);
        p.done();
        assertEquals("", s.toString());
    }

    @Test
    void staysHiddenForBuildsShorterThanTwoSeconds() {
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), true);
        p.stage("content");
        p.stage("pages");
        p.done();
        assertEquals("", s.toString());
    }

    @Test
    void showsTheStageAfterTwoSecondsAndErasesItselfAtTheEnd() throws InterruptedException {
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), true);
        p.stage("pages");
        Thread.sleep(Progress.DELAY_MILLIS + 400);
        p.done();
        String shown = s.toString();
        assertTrue(shown.contains("building: pages ... 2."), shown);
        assertTrue(shown.endsWith("\r\u001b[2K"), shown);
    }

    @Test
    void buildOutputHasNoEscapeCodesWhenNotATerminal(@TempDir Path dir) {
        TestSite.Run run = TestSite.create(dir, "content/guides/a.md", "---\ntitle: A\nsummary: S\n---\n\nText.\n").build("--verbose");
        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("\u001b"), run.err());
        for (String stage : new String[] {"config", "content", "site", "templates", "pages", "search", "links"}) {
            assertTrue(run.err().lines().anyMatch(l -> l.matches("  " + stage + " +\\d+ ms(  cpu +\\d+ ms)?")), run.err());
        }
        if (java.nio.file.Files.isDirectory(Path.of("/proc/self/task"))) { // where CPU time is read
            assertTrue(run.err().lines().anyMatch(l -> l.matches("  pages +\\d+ ms  cpu +\\d+ ms")), run.err());
            assertTrue(run.err().lines().anyMatch(l -> l.matches(
                    "  search index [0-9.]+ s of CPU \\(adding pages [0-9.]+ s, commit and client export [0-9.]+ s\\): \\d+\\.\\d % of the build's")),
                    run.err());
        }
    }
}

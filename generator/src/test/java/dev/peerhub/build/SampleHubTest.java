package dev.peerhub.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.cli.PeerhubCommand;
import dev.peerhub.testing.LinkCrawler;
import dev.peerhub.testing.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's own sample hub builds cleanly and hangs together. */
class SampleHubTest {

    @TempDir
    Path out;

    @Test
    void sampleHubBuildsWithoutProblemsAndEveryLinkResolves() {
        StringWriter err = new StringWriter();
        int code = PeerhubCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "build", "-s",
                TestSite.repo().toString(), "-o", out.resolve("public").toString(), "--today", "2026-11-23");
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("with 0 warnings"), err.toString());
        assertEquals(List.of(), LinkCrawler.brokenLinks(out.resolve("public"), "/"));
    }
}

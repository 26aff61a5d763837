package dev.peerhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path dir;

    private static final String GOOD = "---\ntitle: A\nsummary: S\ndate: 2024-05-01\n---\n\nText.\n";

    @Test
    void exitsZeroAndSaysSoWhenTheSiteIsClean() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", GOOD);
        TestSite.Run run = site.run("check", "-s", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(), run.diagnostics());
        assertTrue(run.err().lines().anyMatch(l -> l.matches("Checked \\d+ pages: no problems found \\(\\d+\\.\\d\\d s\\)")), run.err());
    }

    @Test
    void writesNothing() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", GOOD);
        site.run("check", "-s", dir.toString());
        assertFalse(Files.exists(dir.resolve("public")));
        assertFalse(Files.exists(dir.resolve(".public.peerhub-staging")));
    }

    @Test
    void exitsOneOnErrorsWithASummaryLine() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", GOOD + "[x](nowhere.md)\n");
        TestSite.Run run = site.run("check", "-s", dir.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals("content/guides/a.md:8:1: error: link to 'nowhere.md' leads nowhere: no such file in content/",
                run.diagnostics().get(0));
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("Check failed: 1 error, 0 warnings")), run.err());
    }

    /** A misspelt link target gets the nearest page's file, written as the link was. */
    @Test
    void suggestsTheNearestPageForAMisspeltLink() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", GOOD + "[x](starting-a-cricle.md#agreements)\n"
                        + "[y](../about/teem.md)\n[z](completely-different.md)\n",
                "content/guides/starting-a-circle.md", GOOD, "content/about/team.md", GOOD);
        TestSite.Run run = site.run("check", "-s", dir.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                "content/guides/a.md:8:1: error: link to 'starting-a-cricle.md#agreements' leads nowhere: no such file in"
                        + " content/ (did you mean 'starting-a-circle.md#agreements'?)",
                "content/guides/a.md:9:1: error: link to '../about/teem.md' leads nowhere: no such file in content/"
                        + " (did you mean '../about/team.md'?)",
                "content/guides/a.md:10:1: error: link to 'completely-different.md' leads nowhere: no such file in content/"),
                run.diagnostics().stream().filter(d -> d.contains("leads nowhere")).toList());
    }

    @Test
    void passesWarningsUnlessStrict() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", "---\ntitle: A\n---\n\nText.\n");
        assertEquals(0, site.run("check", "-s", dir.toString()).code());
        TestSite.Run strict = site.run("check", "-s", dir.toString(), "--strict");
        assertEquals(1, strict.code(), strict.err());
        assertTrue(strict.err().contains("Check failed: 0 errors, 1 warning (--strict fails on warnings)"), strict.err());
    }

    @Test
    void exitsTwoOnAUsageError() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", GOOD);
        TestSite.Run run = site.run("check", "-s", dir.toString(), "--strcit");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("Unknown option: '--strcit'"), run.err());
    }

    @Test
    void listsProblemsOfEveryFileAtOnce() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", "---\ntitle: [x]\n---\n",
                "content/guides/b.md", "---\ndate: 2023-02-30\n---\n");
        TestSite.Run run = site.run("check", "-s", dir.toString());
        assertEquals(List.of("content/guides/a.md:2:8: error: 'title' must be text, got a list",
                "content/guides/b.md:2:7: error: 'date' is not a real date: \"2023-02-30\" (February 2023 has 28 days)"),
                run.diagnostics().stream().filter(l -> l.contains(": error: ")).toList());
        assertEquals(1, run.code());
    }

    @Test
    void internalErrorsPrintOneLineAndExitThree() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", GOOD);
        TestSite.Run run = site.run("check", "-s", dir.toString(), "--today", "2026-13-01");
        // a bad option value is a usage error, not an internal one
        assertEquals(2, run.code(), run.err());
        assertFalse(run.err().contains("\tat "));
    }
}

package dev.peerhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

    @TempDir
    Path dir;

    private TestSite site() {
        return TestSite.create(dir, "content/guides/existing.md", "---\ntitle: E\nsummary: S\n---\n\nText.\n");
    }

    @Test
    void createsADraftFromTheDefaultArchetypeAndPrintsItsPath() throws IOException {
        TestSite site = site();
        TestSite.Run run = site.run("new", "-s", dir.toString(), "--today", "2026-11-23", "guides", "Finding a \"safe\" circle");
        assertEquals(0, run.code(), run.err());
        assertEquals("content/guides/finding-a-safe-circle.md", run.out().strip());
        String text = Files.readString(dir.resolve("content/guides/finding-a-safe-circle.md"));
        assertTrue(text.startsWith("---\ntitle: \"Finding a \\\"safe\\\" circle\"\ndate: 2026-11-23\ndraft: true\ntags: []\nsummary: \"\"\n---\n"), text);
    }

    @Test
    void theNewFileChecksCleanExceptForItsEmptySummary() {
        TestSite site = site();
        site.run("new", "-s", dir.toString(), "guides", "Finding a circle");
        TestSite.Run check = site.run("check", "-s", dir.toString(), "--drafts");
        assertEquals(0, check.code(), check.err());
        assertEquals(1, check.diagnostics().size(), check.err());
        assertTrue(check.diagnostics().get(0).contains("guide without a 'summary'"), check.err());
    }

    @Test
    void prefersTheSectionsOwnArchetype() throws IOException {
        TestSite site = site();
        site.write("templates/archetypes/events.md", "---\ntitle: \"{{title}}\"\ndate: {{date}}\ndraft: true\nstarts: {{date}}T19:00\n---\n");
        TestSite.Run run = site.run("new", "-s", dir.toString(), "--today", "2026-11-23", "events", "Winter circle");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(dir.resolve("content/events/winter-circle.md")).contains("starts: 2026-11-23T19:00"));
    }

    @Test
    void neverOverwritesAFile() throws IOException {
        TestSite site = site();
        TestSite.Run run = site.run("new", "-s", dir.toString(), "guides", "Existing");
        assertEquals(1, run.code());
        assertEquals("peerhub new: content/guides/existing.md already exists; it was left as it is (choose another title,"
                + " or edit that file)", run.err().strip());
        assertTrue(Files.readString(dir.resolve("content/guides/existing.md")).contains("title: E"));
    }

    @Test
    void refusesASectionThatClimbsOutOfContent() {
        TestSite site = site();
        TestSite.Run run = site.run("new", "-s", dir.toString(), "../templates", "Oops");
        assertEquals(2, run.code());
        assertEquals("peerhub new: SECTION must stay inside content/: '..' and '.' are not allowed, got \"../templates\"",
                run.err().strip());
        assertFalse(Files.exists(dir.resolve("templates/oops.md")));
    }

    @Test
    void refusesAnAbsoluteSection() {
        TestSite site = site();
        TestSite.Run run = site.run("new", "-s", dir.toString(), "/tmp", "Oops");
        assertEquals(2, run.code());
        assertEquals("peerhub new: SECTION must be a folder inside content/ such as guides, not an absolute path, got \"/tmp\"",
                run.err().strip());
    }

    @Test
    void createsANestedSectionFolder() {
        TestSite site = site();
        TestSite.Run run = site.run("new", "-s", dir.toString(), "guides/hosting", "Co-hosting");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(dir.resolve("content/guides/hosting/co-hosting.md")));
    }
}

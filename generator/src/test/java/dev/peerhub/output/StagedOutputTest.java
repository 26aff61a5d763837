package dev.peerhub.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {

    @TempDir
    Path dir;

    private static OutputFile file(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void swapsTheNewSiteInOnlyOnCommit() throws Exception {
        Path out = dir.resolve("public");
        try (StagedOutput s = StagedOutput.open(out)) {
            s.write(file("index.html", "one"));
            s.commit();
        }
        try (StagedOutput s = StagedOutput.open(out)) {
            s.write(file("index.html", "two"));
            assertEquals("one", Files.readString(out.resolve("index.html")), "unchanged until commit");
        }
        assertEquals("one", Files.readString(out.resolve("index.html")), "a build that did not commit changes nothing");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the staging folder is gone");
        }
    }

    @Test
    void refusesToReplaceAFolderItDidNotWrite() throws Exception {
        Path out = dir.resolve("documents");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.txt"), "precious");
        StagedOutput.OutputException e = assertThrows(StagedOutput.OutputException.class, () -> StagedOutput.open(out));
        assertTrue(e.getMessage().contains("was not written by peerhub"), e.getMessage());
        assertTrue(Files.exists(out.resolve("thesis.txt")));
    }

    @Test
    void neverWritesOutsideTheOutputFolder() {
        assertFalse(OutputFile.isSafePath("../escape.html"));
        assertFalse(OutputFile.isSafePath("/etc/passwd"));
        assertFalse(OutputFile.isSafePath("a/../../b"));
        assertFalse(OutputFile.isSafePath("a\\b"));
        assertTrue(OutputFile.isSafePath("guides/x/index.html"));
        assertThrows(IllegalArgumentException.class, () -> file("../x", ""));
    }

    @Test
    void removesAStaleStagingFolderLeftByAKilledBuild() throws Exception {
        Path stale = dir.resolve(".public.peerhub-staging");
        Files.createDirectories(stale.resolve("half"));
        Files.writeString(stale.resolve("half/index.html"), "half-written");
        try (StagedOutput s = StagedOutput.open(dir.resolve("public"))) {
            s.write(file("index.html", "new"));
            s.commit();
        }
        assertFalse(Files.exists(dir.resolve("public/half")));
        assertFalse(Files.exists(stale));
    }

    @Test
    void refusesASecondBuildIntoTheSameFolderWhileOneIsRunning() {
        Path out = dir.resolve("public");
        try (StagedOutput first = StagedOutput.open(out)) {
            StagedOutput.OutputException e = assertThrows(StagedOutput.OutputException.class, () -> StagedOutput.open(out));
            assertTrue(e.getMessage().contains("another peerhub build is writing to"), e.getMessage());
        }
        try (StagedOutput again = StagedOutput.open(out)) {
            again.commit();
        }
    }
}

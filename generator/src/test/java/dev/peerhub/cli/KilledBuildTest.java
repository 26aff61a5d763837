package dev.peerhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build killed half-way leaves the previous site whole; the next build succeeds. */
class KilledBuildTest {

    @TempDir
    Path dir;

    @Test
    void aBuildKilledHalfWayLeavesThePreviousSiteWholeAndTheNextBuildSucceeds() throws Exception {
        String[] files = new String[2 * 1500];
        for (int i = 0; i < 1500; i++) {
            files[2 * i] = "content/guides/g" + i + ".md";
            files[2 * i + 1] = "---\ntitle: Guide " + i + "\nsummary: About " + i + "\ntags: [t" + (i % 40) + "]\ndate: 2024-01-"
                    + String.format("%02d", 1 + i % 28) + "\n---\n\n" + "Some words about peer support. ".repeat(60)
                    + "\n\n## Part two\n\nMore words.\n";
        }
        TestSite site = TestSite.create(dir, files);
        TestSite.Run first = site.build();
        assertEquals(0, first.code(), first.err());
        Map<String, String> before = hashes(site.out());
        assertTrue(before.size() > 1500);

        site.write("content/guides/g0.md", "---\ntitle: Changed\nsummary: S\n---\n\nChanged.\n");
        Path staging = dir.resolve(".public.peerhub-staging");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.peerhub.cli.Main",
                "build", "-s", dir.toString(), "--today", "2026-11-23")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // wait until the child is writing pages into its staging folder, then kill it
        while (System.nanoTime() < deadline && child.isAlive() && count(staging) < 200) Thread.sleep(5);
        assertTrue(child.isAlive(), "the build ended before it could be killed; log:\n"
                + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertEquals(before, hashes(site.out()), "public/ changed although the build was killed");
        TestSite.Run again = site.build();
        assertEquals(0, again.code(), again.err());
        assertEquals("Changed", site.html("guides/g0/").select("h1").first().text());
        assertTrue(!Files.exists(staging), "the next build removes the stale staging folder");
    }

    private static long count(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // the folder changes while we count
        }
    }

    private static Map<String, String> hashes(Path root) throws IOException, NoSuchAlgorithmException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}

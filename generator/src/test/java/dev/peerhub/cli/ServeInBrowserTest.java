package dev.peerhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.peerhub.testing.ServeSession;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reload and the error overlay in real headless Chromium: serve runs in this JVM, a Node script
 * with playwright-core drives the browser and edits the file (see live-reload.mjs). Needs chromium and
 * the packages in .ci/node ({@code ./peerhub test} installs both); fails with a clear message without them.
 */
class ServeInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void anOpenTabReloadsAfterAnEditShowsTheErrorOverlayAndRecovers() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        Path modules = TestSite.repo().resolve(".ci/node/node_modules");
        if (!Files.isExecutable(chromium)) fail("Chromium is needed for this test and is not at " + chromium
                + ": run ./peerhub test (it installs it), or set CHROMIUM to its path");
        if (!Files.isDirectory(modules.resolve("playwright-core"))) fail("playwright-core is missing from " + modules
                + ": run 'cd .ci/node && npm ci' (./peerhub test does it)");
        TestSite site = TestSite.create(dir, "content/guides/first.md",
                "---\ntitle: First guide\nsummary: S\ndate: 2024-05-01\n---\n\nHello.\n");
        try (ServeSession serve = ServeSession.start(site.dir())) {
            Path script = Path.of(getClass().getResource("/dev/peerhub/serve/live-reload.mjs").toURI());
            Process node;
            try {
                node = new ProcessBuilder("node", script.toString(), modules.toString(), serve.url(), site.dir().toString())
                        .redirectErrorStream(false).start();
            } catch (IOException e) {
                throw new AssertionError("cannot run 'node' (Node.js 18+ is needed for the browser tests): " + e.getMessage(), e);
            }
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("the browser script timed out; serve said:\n" + serve.log());
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, node.exitValue(), "browser script failed:\n" + out + err + "\nserve said:\n" + serve.log());
            Map<String, String> steps = new LinkedHashMap<>();
            out.lines().filter(l -> l.contains(": ")).forEach(l -> steps.put(l.substring(0, l.indexOf(": ")), l.substring(l.indexOf(": ") + 2)));

            assertTrue(steps.get("before").contains("Hello."), out);
            assertTrue(steps.get("afterEdit").contains("Hello from the browser test."), out);
            assertTrue(steps.get("overlay").contains("Build failed: 1 problem"), out);
            assertTrue(steps.get("overlay").contains("content/guides/first.md:2:8: error: unclosed quote: the value that starts"
                    + " here with a quote never ends with one (add the closing quote)"), out);
            assertEquals("0", steps.get("overlayImages"), "the diagnostic is shown as text, never as markup: " + out);
            assertEquals("0", steps.get("overlayAfterFix"), out);
            assertTrue(steps.get("afterFix").contains("Fixed again."), out);
            assertEquals("[]", steps.get("consoleErrors"), "no CSP or script errors: " + out);
            assertEquals("[]", steps.get("failedRequests"), "every resource loads: " + out);
        }
    }
}

package dev.peerhub.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsCommentsTest {

    @Test
    void commentLinesGoEverythingElseStays() {
        String js = """
                // a line comment
                /**
                 * a block
                 */
                const a = 1; // after code: kept
                  /* indented, one line */
                const b = /* inside */ 2;
                /* ends */ const c = 3;
                """;
        assertEquals("""
                const a = 1; // after code: kept
                const b = /* inside */ 2;
                /* ends */ const c = 3;
                """, JsComments.strip(js));
    }

    @Test
    void commentLikeTextInStringsTemplatesAndRegularExpressionsStays() {
        String js = String.join("\n",
                "const s = '// not a comment';",
                "const d = \"/* nor this */\";",
                "const t = `first line",
                "// inside a template: text",
                "/* also text */",
                "${x + `nested ${y}`}",
                "// still text`;",
                "const r = /\\/\\/[/*]/g.test(s);",
                "const q = a / b / c; // division",
                "if (ok) return /[`'\"]/.exec(s);",
                "// gone",
                "const u = `${'`'}`;",
                "// gone too",
                "");
        String stripped = JsComments.strip(js);
        assertEquals(js.replace("// gone\n", "").replace("// gone too\n", ""), stripped);
    }

    @Test
    void textItCannotFollowIsLeftAsItIs() {
        for (String js : List.of("const s = 'open\n// x\n", "const t = `open\n// x\n", "/* never closed\nconst a = 1;\n",
                "const r = /open\n// x\n")) {
            assertEquals(js, JsComments.strip(js), js);
        }
    }

    /** The theme's scripts as published: every comment line gone, and still valid JavaScript (Node checks). */
    @Test
    void theThemesScriptsStayValid(@TempDir Path tmp) throws Exception {
        Path assets = repo().resolve("templates/assets");
        List<Path> scripts;
        try (var files = Files.walk(assets)) {
            scripts = files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
        assertTrue(scripts.size() >= 3, scripts.toString());
        boolean node = hasNode();
        for (Path p : scripts) {
            String source = Files.readString(p);
            String out = JsComments.strip(source);
            for (String line : out.lines().toList()) {
                String t = line.strip();
                assertFalse(t.startsWith("//") || (t.startsWith("/*") && t.endsWith("*/")), p + ": " + line);
            }
            if (node) {
                Path copy = tmp.resolve(p.getFileName().toString().replace(".js", ".mjs"));
                Files.writeString(copy, out);
                Process check = new ProcessBuilder("node", "--check", copy.toString()).redirectErrorStream(true).start();
                String said = new String(check.getInputStream().readAllBytes());
                assertTrue(check.waitFor(60, TimeUnit.SECONDS), "node --check timed out");
                assertEquals(0, check.exitValue(), p + ": " + said);
            }
        }
        assumeTrue(node, "node is not installed: the scripts' syntax was not checked");
    }

    private static boolean hasNode() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("templates/assets"))) here = here.getParent();
        if (here == null) throw new IllegalStateException("no templates/assets above " + Path.of("").toAbsolutePath());
        return here;
    }
}

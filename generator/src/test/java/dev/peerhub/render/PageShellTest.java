package dev.peerhub.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article page's shell (the HTML around the writer's text, plus the CSS and JavaScript it loads)
 * stays under 30 KB over the wire (gzip). Measured on the sample hub's article with a content note
 * (the most furniture: crisis block, content note, tags, TOC and related list).
 */
class PageShellTest {

    static final int BUDGET = 30 * 1024;

    static int gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(bytes);
        }
        return b.size();
    }

    @Test
    void articleShellIsAtMost30KbGzipped(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("public");
        TestSite.Run run = TestSite.create(tmp.resolve("unused")).run("build", "-s", TestSite.repo().toString(), "-o",
                out.toString(), "--today", "2026-11-23");
        assertEquals(0, run.code(), run.err());
        Path page = out.resolve("harm-reduction/after-a-hard-experience/index.html");
        Document d = org.jsoup.Jsoup.parse(page.toFile(), "UTF-8");
        for (Element prose : d.select(".prose")) prose.empty(); // the article's own words
        int html = gzip(d.outerHtml().getBytes(StandardCharsets.UTF_8));
        int assets = 0;
        StringBuilder detail = new StringBuilder();
        for (Element e : d.select("link[rel=stylesheet][href], script[src]")) {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (e.parent() != null && e.parent().tagName().equals("noscript")) continue;
            int size = gzip(Files.readAllBytes(out.resolve(url.substring(1))));
            assets += size;
            detail.append(", ").append(url).append(' ').append(size);
        }
        int total = html + assets;
        System.out.println("[shell] article page shell: " + total + " bytes gzip (HTML " + html + detail + ")");
        assertTrue(total <= BUDGET, "shell is " + total + " bytes gzip (HTML " + html + detail + "), budget " + BUDGET);
    }
}

package dev.peerhub.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.ServeSession;
import dev.peerhub.testing.TestSite;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path dir;

    private static final String GUIDE = "---\ntitle: First guide\nsummary: S\ndate: 2024-05-01\ntags: [circles]\n---\n\nHello.\n";

    private TestSite site() {
        TestSite site = TestSite.create(dir.resolve("site"), "content/guides/first.md", GUIDE,
                "content/guides/second.md", "---\ntitle: Second guide\nsummary: S\ndate: 2024-05-02\ntags: [other]\n---\n\nMore.\n",
                "content/guides/draft.md", "---\ntitle: Unfinished\nsummary: S\ndraft: true\n---\n\nSoon.\n",
                "content/files/data.json", "{\"a\": 1}\n", "content/files/pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
                "content/files/module.mjs", "export const a = 1;\n", "content/files/calendar.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        for (String name : new String[] {"pic.png", "photo.jpg", "photo.webp", "index.bin", "font.woff2"}) {
            site.writeBytes("content/files/" + name, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        }
        return site;
    }

    @Test
    void servesTheSiteWithTheReloadScriptWhichBuiltSitesNeverContain() throws Exception {
        TestSite site = site();
        try (ServeSession serve = ServeSession.start(site.dir())) {
            ServeSession.Response home = serve.get("/");
            assertEquals(200, home.status());
            assertTrue(home.text().contains("<script type=\"module\" src=\"/__peerhub/live.js\"></script>"));
            ServeSession.Response script = serve.get("/__peerhub/live.js");
            assertEquals("text/javascript; charset=utf-8", script.header("content-type"));
            assertTrue(script.text().contains("new EventSource(\"/__peerhub/events\")"));
        }
        assertEquals(0, site.build().code());
        try (Stream<Path> files = Files.walk(site.out())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains("__peerhub"), p.toString());
            }
        }
    }

    @Test
    void neverServesAnythingOutsideTheBuiltSite() throws Exception {
        TestSite site = site();
        Files.writeString(dir.resolve("secret.txt"), "secret");
        try (ServeSession serve = ServeSession.start(site.dir())) {
            for (String target : new String[] {"/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
                    "/files/..%2f..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/..%5csecret.txt", "/files%5c..%5c..%5csecret.txt",
                    "/" + dir.resolve("secret.txt"), "//" + dir.resolve("secret.txt"), "/site.yml", "/content/guides/first.md",
                    "/templates/home.ftlh", "/C:/Windows/win.ini", "/files/%00data.json", "/./index.html"}) {
                ServeSession.Response r = serve.get(target);
                assertEquals(404, r.status(), target);
                assertFalse(r.text().contains("secret") && !r.text().contains("<html"), target);
            }
            // a raw backslash is not valid in a request target: the JDK's server refuses it before peerhub sees it
            for (String target : new String[] {"/..\\secret.txt", "/files\\..\\..\\secret.txt"}) {
                ServeSession.Response r = serve.get(target);
                assertTrue(r.status() == 400 || r.status() == 404, target + " gave " + r.status());
                assertFalse(r.text().contains("secret"), target);
            }
        }
    }

    @Test
    void doesNotPublishASymbolicLinkThatLeadsOut() throws Exception {
        TestSite site = site();
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(site.dir().resolve("templates/assets/leak.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(site.dir().resolve("content/files/leak.txt"), dir.resolve("secret.txt"));
        try (ServeSession serve = ServeSession.start(site.dir())) {
            assertTrue(serve.log().contains("content/files/leak.txt: error: symbolic link leads outside the site folder"), serve.log());
            assertEquals(404, serve.get("/files/leak.txt").status());
            assertEquals(404, serve.get("/assets/leak.txt").status());
        }
    }

    @Test
    void sendsTheRightContentTypes() throws Exception {
        try (ServeSession serve = ServeSession.start(site().dir())) {
            Map<String, String> expected = Map.ofEntries(Map.entry("/", "text/html; charset=utf-8"),
                    Map.entry("/feed.xml", "application/xml"), Map.entry("/files/data.json", "application/json"),
                    Map.entry("/files/pic.svg", "image/svg+xml"), Map.entry("/files/pic.png", "image/png"),
                    Map.entry("/files/photo.jpg", "image/jpeg"), Map.entry("/files/photo.webp", "image/webp"),
                    Map.entry("/files/calendar.ics", "text/calendar; charset=utf-8"),
                    Map.entry("/files/index.bin", "application/octet-stream"), Map.entry("/files/font.woff2", "font/woff2"),
                    Map.entry("/files/module.mjs", "text/javascript; charset=utf-8"));
            expected.forEach((path, type) -> {
                try {
                    ServeSession.Response r = serve.get(path);
                    assertEquals(200, r.status(), path);
                    assertEquals(type, r.header("content-type"), path);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            String css = serve.get("/").text().replaceAll("(?s).*href=\"(/assets/site\\.[0-9a-f]+\\.css)\".*", "$1");
            assertEquals("text/css; charset=utf-8", serve.get(css).header("content-type"));
            assertEquals("max-age=31536000, immutable", serve.get(css).header("cache-control"), "named by content");
            assertEquals("no-store", serve.get("/").header("cache-control"), "pages are always fetched again");
        }
    }

    @Test
    void redirectsAFolderWithoutSlashAndServesItsIndex() throws Exception {
        try (ServeSession serve = ServeSession.start(site().dir())) {
            ServeSession.Response r = serve.get("/guides/first");
            assertEquals(301, r.status());
            assertEquals("/guides/first/", r.header("location"));
            ServeSession.Response page = serve.get("/guides/first/");
            assertEquals(200, page.status());
            assertTrue(page.text().contains("First guide"));
        }
    }

    @Test
    void answersUnknownPathsWithTheSitesOwn404Page() throws Exception {
        try (ServeSession serve = ServeSession.start(site().dir())) {
            ServeSession.Response r = serve.get("/no/such/page/");
            assertEquals(404, r.status());
            assertTrue(r.text().contains("Page not found"), r.text());
        }
    }

    @Test
    void servesSingleAndMultipleByteRanges() throws Exception {
        try (ServeSession serve = ServeSession.start(site().dir())) {
            ServeSession.Response one = serve.request("GET", "/files/index.bin", Map.of("Range", "bytes=2-4"));
            assertEquals(206, one.status());
            assertEquals("bytes 2-4/10", one.header("content-range"));
            assertArrayEquals(new byte[] {3, 4, 5}, one.body());
            ServeSession.Response suffix = serve.request("GET", "/files/index.bin", Map.of("Range", "bytes=-2"));
            assertArrayEquals(new byte[] {9, 10}, suffix.body());
            ServeSession.Response open = serve.request("GET", "/files/index.bin", Map.of("Range", "bytes=8-"));
            assertEquals("bytes 8-9/10", open.header("content-range"));
            ServeSession.Response multi = serve.request("GET", "/files/index.bin", Map.of("Range", "bytes=0-1, 5-6"));
            assertEquals(206, multi.status());
            String type = multi.header("content-type");
            assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
            String boundary = type.substring(type.indexOf('=') + 1);
            String body = new String(multi.body(), StandardCharsets.ISO_8859_1);
            assertEquals("--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-1/10\r\n\r\n\u0001\u0002\r\n"
                    + "--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 5-6/10\r\n\r\n\u0006\u0007\r\n"
                    + "--" + boundary + "--\r\n", body);
            ServeSession.Response bad = serve.request("GET", "/files/index.bin", Map.of("Range", "bytes=50-60"));
            assertEquals(416, bad.status());
            assertEquals("bytes */10", bad.header("content-range"));
            assertEquals("bytes", serve.get("/files/index.bin").header("accept-ranges"));
        }
    }

    @Test
    void showsDraftsWithTheDraftBannerWhenAskedTo() throws Exception {
        TestSite site = site();
        try (ServeSession serve = ServeSession.start(site.dir(), "--drafts")) {
            String page = serve.get("/guides/draft/").text();
            assertTrue(page.contains("class=\"draft-banner"), page);
        }
        try (ServeSession serve = ServeSession.start(site.dir())) {
            assertEquals(404, serve.get("/guides/draft/").status());
        }
    }

    @Test
    void reloadsAfterAnEditShowsProblemsAndRecoversWithoutARestart() throws Exception {
        TestSite site = site();
        try (ServeSession serve = ServeSession.start(site.dir()); Socket events = new Socket("127.0.0.1", serve.port())) {
            events.getOutputStream().write("GET /__peerhub/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) lines.add(l);
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            awaitLine(lines, "event: hello");

            site.write("content/guides/first.md", GUIDE.replace("Hello.", "Hello again."));
            awaitLine(lines, "event: reload");
            assertTrue(serve.get("/guides/first/").text().contains("Hello again."));

            site.write("content/guides/first.md", GUIDE.replace("title: First guide", "title: \"First <b>guide"));
            awaitLine(lines, "event: problems");
            String data = awaitLine(lines, "data: ");
            assertEquals("data: [\"content/guides/first.md:2:8: error: unclosed quote: the value that starts here with a quote"
                    + " never ends with one (add the closing quote)\"]", data);
            assertTrue(serve.log().contains("content/guides/first.md:2:8: error: unclosed quote"), serve.log());
            assertTrue(serve.get("/guides/first/").text().contains("Hello again."), "the last good build is still served");

            site.write("content/guides/first.md", GUIDE.replace("Hello.", "Fixed."));
            awaitLine(lines, "event: reload");
            assertTrue(serve.get("/guides/first/").text().contains("Fixed."));
            reader.interrupt();
        }
    }

    @Test
    void aTemplateEditReRendersOnlyThePagesThatUseIt() throws Exception {
        TestSite site = site();
        try (ServeSession serve = ServeSession.start(site.dir(), "--verbose")) {
            site.write("templates/tag.ftlh", Files.readString(site.dir().resolve("templates/tag.ftlh")) + "<#-- edited -->\n");
            serve.awaitLog("Rebuilt (templates/tag.ftlh)", 1, 20_000);
            // two tags (circles, other): one page each
            assertTrue(serve.log().contains("Rebuilt (templates/tag.ftlh): 2 pages re-rendered"), serve.log());

            site.write("content/guides/first.md", GUIDE.replace("Hello.", "Edited."));
            serve.awaitLog("Rebuilt (content/guides/first.md)", 1, 20_000);
            // the page, its neighbour, the home page, the guides list, the 'circles' tag list
            assertTrue(serve.log().contains("Rebuilt (content/guides/first.md): 5 pages re-rendered"), serve.log());
            assertTrue(serve.get("/guides/first/").text().contains("Edited."));
            assertTrue(serve.get("/").text().contains("First guide"));

            site.write("site.yml", TestSite.MINIMAL_CONFIG.replace("Test hub", "Renamed hub"));
            serve.awaitLog("Built (site.yml)", 1, 20_000);
            assertTrue(serve.get("/guides/second/").text().contains("Renamed hub"));
        }
    }

    @Test
    void changesSavedWhileTheBuildWasBrokenShowOnceItIsFixed() throws Exception {
        TestSite site = site();
        String tag = Files.readString(site.dir().resolve("templates/tag.ftlh"));
        try (ServeSession serve = ServeSession.start(site.dir())) {
            site.write("templates/tag.ftlh", tag + "<#if>\n");
            serve.awaitLog("Build failed (templates/tag.ftlh)", 1, 20_000);
            site.write("content/guides/first.md", GUIDE.replace("Hello.", "Written while broken."));
            serve.awaitLog("Build failed (content/guides/first.md)", 1, 20_000);
            site.write("templates/tag.ftlh", tag);
            serve.awaitLog("Rebuilt (templates/tag.ftlh)", 1, 20_000);
            assertTrue(serve.get("/guides/first/").text().contains("Written while broken."), serve.log());
        }
    }

    @Test
    void aBrokenLinkIsAWarningUnderServeNotAFailure() throws Exception {
        TestSite site = site();
        site.write("content/guides/first.md", GUIDE + "\n[gone](gone.md)\n");
        try (ServeSession serve = ServeSession.start(site.dir())) {
            assertTrue(serve.log().contains("content: warning: 1 broken internal link"), serve.log());
            assertEquals(200, serve.get("/guides/first/").status());
        }
    }

    @Test
    void whenTheFirstBuildFailsPagesShowTheEscapedProblemsUntilItIsFixed() throws Exception {
        TestSite site = site();
        site.write("content/guides/first.md", GUIDE.replace("tags: [circles]", "tags: <b>circles</b>"));
        try (ServeSession serve = ServeSession.start(site.dir())) {
            ServeSession.Response page = serve.get("/guides/first/");
            assertEquals(500, page.status());
            assertTrue(page.text().contains("<li>content/guides/first.md:5:7: error: &#39;tags&#39; must be a list like"
                    + " [&lt;b&gt;circles&lt;/b&gt;, ...], got the text &quot;&lt;b&gt;circles&lt;/b&gt;&quot;</li>"), page.text());
            assertFalse(page.text().contains("<b>circles"), page.text());
            assertTrue(page.text().contains("<script type=\"module\" src=\"/__peerhub/live.js\"></script>"));
            assertEquals(404, serve.get("/files/data.json").status());
            site.write("content/guides/first.md", GUIDE);
            serve.awaitLog("Built (content/guides/first.md)", 1, 20_000);
            assertEquals(200, serve.get("/guides/first/").status());
        }
    }

    private static String guide(String title, String date) {
        return "---\ntitle: " + title + "\nsummary: S\ndate: " + date + "\ntags: [circles]\n---\n\nListening circles and peer"
                + " support groups meet weekly to share experiences.\n";
    }

    /** Each HTML page being served, as the served text without the live-reload script. */
    private static String served(ServeSession serve, String url) throws java.io.IOException {
        ServeSession.Response r = serve.get(url);
        assertEquals(200, r.status(), url);
        return r.text().replace("<script type=\"module\" src=\"/__peerhub/live.js\"></script>", "");
    }

    /** The pages a full build writes, compared with what serve serves after its partial rebuild (related lists aside). */
    private static void assertServesWhatAFullBuildWrites(TestSite site, ServeSession serve, java.util.List<String> urls)
            throws java.io.IOException {
        assertEquals(0, site.build("--base-url", serve.url()).code());
        for (String url : urls) {
            String built = site.read(url.substring(1) + (url.endsWith("/") ? "index.html" : ""));
            String related = "(?s)<section class=\"related\".*?</section>";
            assertEquals(built.replaceAll(related, ""), served(serve, url).replaceAll(related, ""), url);
        }
    }

    @Test
    void aNewTitleShowsOnThePageItsNeighboursItsListsAndTheRelatedCardsShowingIt() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"), "content/guides/a.md", guide("Alpha guide", "2024-05-01"),
                "content/guides/b.md", guide("Beta guide", "2024-05-02"), "content/guides/c.md", guide("Gamma guide", "2024-05-03"),
                "content/notes/d.md", guide("Delta note", "2024-04-01").replace("tags: [circles]", "tags: [circles, notes]"));
        java.util.List<String> urls = java.util.List.of("/", "/guides/", "/guides/a/", "/guides/b/", "/guides/c/", "/notes/",
                "/notes/d/", "/tags/circles/", "/tags/", "/404.html");
        try (ServeSession serve = ServeSession.start(site.dir(), "--verbose")) {
            // the note is in another section: it shows the beta guide only among its related pages
            assertTrue(served(serve, "/notes/d/").contains(">Beta guide</a>"), "related before the edit");
            site.write("content/guides/b.md", guide("Renamed beta", "2024-05-02"));
            serve.awaitLog("Rebuilt (content/guides/b.md)", 1, 20_000);
            for (String url : urls) assertFalse(served(serve, url).contains("Beta guide"), url);
            for (String url : new String[] {"/", "/guides/", "/guides/a/", "/guides/b/", "/guides/c/", "/tags/circles/", "/notes/d/"}) {
                assertTrue(served(serve, url).contains("Renamed beta"), url);
            }
            assertServesWhatAFullBuildWrites(site, serve, urls);
        }
    }

    @Test
    void aNewTitleThatMovesAPageAmongPagesOfOneDateUpdatesItsOldAndNewNeighbours() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"), "content/guides/a.md", guide("Alpha guide", "2024-05-01"),
                "content/guides/b.md", guide("Beta guide", "2024-05-01"), "content/guides/c.md", guide("Gamma guide", "2024-05-01"),
                "content/guides/d.md", guide("Kappa guide", "2024-05-01"));
        java.util.List<String> urls = java.util.List.of("/", "/guides/", "/guides/a/", "/guides/b/", "/guides/c/", "/guides/d/",
                "/tags/circles/", "/feed.xml");
        try (ServeSession serve = ServeSession.start(site.dir())) {
            // same date: pages are ordered by title, so Beta (second) becomes last
            site.write("content/guides/b.md", guide("Zeta guide", "2024-05-01"));
            serve.awaitLog("Rebuilt (content/guides/b.md)", 1, 20_000);
            String list = served(serve, "/guides/");
            assertTrue(list.indexOf("Kappa guide") < list.indexOf("Zeta guide"), list);
            assertServesWhatAFullBuildWrites(site, serve, urls.stream().filter(u -> u.endsWith("/")).toList());
            String feed = serve.get("/feed.xml").text();
            assertTrue(feed.indexOf("Kappa guide") < feed.indexOf("Zeta guide"), feed);
        }
    }

    @Test
    void theHomePageIsReRenderedOnlyWhenItShowsAChangedPage() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"), "content/guides/a.md", guide("Alpha guide", "2024-05-01"),
                "content/guides/b.md", guide("Beta guide", "2024-05-02"), "content/guides/c.md", guide("Gamma guide", "2024-05-03"));
        site.write("site.yml", TestSite.MINIMAL_CONFIG + "paginate: 2\n"); // the home page lists the newest two
        try (ServeSession serve = ServeSession.start(site.dir(), "--verbose")) {
            site.write("content/guides/a.md", guide("Alpha guide", "2024-05-01").replace("weekly", "monthly"));
            serve.awaitLog("Rebuilt (content/guides/a.md)", 1, 20_000);
            String rendered = serve.log().lines().filter(l -> l.startsWith("  re-rendered:")).reduce((x, y) -> y).orElseThrow();
            assertFalse(rendered.contains(" index.html"), rendered);
            assertTrue(rendered.contains("guides/a/index.html"), rendered);
            site.write("content/guides/b.md", guide("Renamed beta", "2024-05-02"));
            serve.awaitLog("Rebuilt (content/guides/b.md)", 1, 20_000);
            assertTrue(serve.get("/").text().contains("Renamed beta"));
            assertServesWhatAFullBuildWrites(site, serve, java.util.List.of("/", "/guides/", "/guides/page/2/", "/guides/a/"));
        }
    }

    @Test
    void aTemplateErrorIsReportedAgainByEachRebuildThatMeetsIt() throws Exception {
        TestSite site = site();
        String article = Files.readString(site.dir().resolve("templates/article.ftlh"));
        try (ServeSession serve = ServeSession.start(site.dir())) {
            // an error only some content meets: the rebuilds after the template edit reuse its engine
            site.write("templates/article.ftlh", article.replace("${article.title}",
                    "${article.title}<#if article.summary == \"boom\">${article.nosuch}</#if>"));
            serve.awaitLog("Rebuilt (templates/article.ftlh)", 1, 20_000);
            site.write("content/guides/first.md", GUIDE.replace("summary: S", "summary: boom"));
            serve.awaitLog("Build failed (content/guides/first.md)", 1, 20_000);
            assertTrue(serve.log().contains("'article.nosuch' is not defined"), serve.log());
            site.write("content/guides/second.md", "---\ntitle: Second guide\nsummary: S\ndate: 2024-05-02\ntags: [other]\n---\n\nAgain.\n");
            serve.awaitLog("Build failed (content/guides/second.md)", 1, 20_000);
            assertEquals(2, serve.log().split("'article.nosuch' is not defined", -1).length - 1, serve.log());
            assertFalse(serve.get("/guides/second/").text().contains("Again."), "a failed build publishes nothing");
            site.write("content/guides/first.md", GUIDE);
            serve.awaitLog("Rebuilt (content/guides/first.md)", 1, 20_000);
            assertTrue(serve.get("/guides/second/").text().contains("Again."), serve.log());
        }
    }

    @Test
    void brokenLinksAreCountedAgainAfterEachEdit() throws Exception {
        TestSite site = site();
        String second = "---\ntitle: Second guide\nsummary: S\ndate: 2024-05-02\ntags: [other]\n---\n\n[see](first.md#hello)\n";
        site.write("content/guides/second.md", second);
        site.write("content/guides/first.md", GUIDE + "\n## Hello\n\nText.\n");
        try (ServeSession serve = ServeSession.start(site.dir())) {
            assertFalse(serve.log().contains("broken internal link"), serve.log());
            site.write("content/guides/first.md", GUIDE + "\n## Goodbye\n\nText.\n[gone](gone.md)\n");
            serve.awaitLog("Rebuilt (content/guides/first.md)", 1, 20_000);
            // its own broken link, and the link of the unchanged second guide to the heading it no longer has
            assertTrue(serve.log().contains("content: warning: 2 broken internal links (first at content/guides/first.md:"),
                    serve.log());
            site.write("content/guides/first.md", GUIDE + "\n## Hello\n\nText.\n");
            serve.awaitLog("Rebuilt (content/guides/first.md)", 2, 20_000);
            assertEquals(1, serve.log().split("broken internal link", -1).length - 1, serve.log());
            site.write("content/guides/second.md", second.replace("#hello", "#nowhere"));
            serve.awaitLog("Rebuilt (content/guides/second.md)", 1, 20_000);
            assertTrue(serve.log().contains("content: warning: 1 broken internal link (first at content/guides/second.md:"),
                    serve.log());
        }
    }

    /** A page that is added or removed: the unchanged pages' bodies are reused only where their links resolve as before. */
    @Test
    void anAddedOrRemovedPageChangesTheLinksToItInUnchangedPages() throws Exception {
        TestSite site = site();
        site.write("content/guides/second.md", "---\ntitle: Second guide\nsummary: S\ndate: 2024-05-02\n---\n\n"
                + "[next](third.md#part) and [first](first.md)\n");
        try (ServeSession serve = ServeSession.start(site.dir())) {
            assertTrue(serve.get("/guides/second/").text().contains("href=\"third.md#part\""), serve.log());
            site.write("content/guides/third.md", "---\ntitle: Third guide\nsummary: T\ndate: 2024-05-03\n---\n\n## Part\n\nNew.\n");
            serve.awaitLog("(content/guides/third.md): ", 1, 20_000); // "Built": the site's shape changed
            String second = serve.get("/guides/second/").text();
            assertTrue(second.contains("href=\"/guides/third/#part\""), second);
            assertTrue(second.contains("href=\"/guides/first/\""), second);
            assertTrue(serve.get("/guides/first/").text().contains("First guide"), serve.log());
            // the first build's warning, and none since
            assertEquals(1, serve.log().split("broken internal link", -1).length - 1, serve.log());
            site.delete("content/guides/third.md");
            serve.awaitLog("(content/guides/third.md): ", 2, 20_000);
            assertTrue(serve.get("/guides/second/").text().contains("href=\"third.md#part\""), serve.log());
            assertEquals(2, serve.log().split("broken internal link", -1).length - 1, serve.log());
            assertEquals(404, serve.get("/guides/third/").status());
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && l.startsWith(prefix)) return l;
        }
        throw new AssertionError("no line starting with " + prefix);
    }
}

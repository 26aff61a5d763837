package dev.peerhub.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.LinkCrawler;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildEndToEndTest {

    @TempDir
    Path dir;

    private static String guide(String title, String date, String tags, String body) {
        return "---\ntitle: \"" + title + "\"\ndate: " + date + "\ntags: " + tags + "\nsummary: \"About " + title + "\"\n---\n" + body;
    }

    private TestSite smallSite() {
        return TestSite.create(dir,
                "content/index.md", "---\ntitle: Welcome\n---\nHello, **reader**.\n",
                "content/guides/_index.md", "---\ntitle: Guides\nsummary: How-tos\n---\nGuides for circles.\n",
                "content/guides/starting-a-circle.md", guide("Starting a circle", "2024-03-01", "[circles, facilitation]",
                        "## Agreements\n\nAgree first. See [support](../support/peer-support.md#what-it-is).\n"),
                "content/support/peer-support.md", guide("Peer support", "2024-02-01", "[circles]",
                        "## What it is\n\nPeers. Back to [agreements](../guides/starting-a-circle.md#agreements).\n"),
                "content/support/draft-note.md", "---\ntitle: Secret draft\ndraft: true\n---\nNot yet.\n",
                "content/about.md", "---\ntitle: About\n---\nWho we are.\n");
    }

    @Test
    void buildsEveryExpectedPage() {
        TestSite site = smallSite();
        TestSite.Run run = site.build();
        assertEquals(0, run.code(), run.err());
        for (String page : List.of("", "guides/", "guides/starting-a-circle/", "support/", "support/peer-support/", "about/",
                "tags/", "tags/circles/", "tags/facilitation/")) {
            assertTrue(site.exists(page + "index.html"), "missing " + page);
        }
        for (String file : List.of("404.html", "feed.xml", "tags/circles/feed.xml", "sitemap.xml", "robots.txt")) {
            assertTrue(site.exists(file), "missing " + file);
        }
        Document article = site.html("guides/starting-a-circle/");
        assertEquals("Starting a circle", article.select("h1").text());
        assertEquals("2024-03-01", article.select("time").attr("datetime"));
        assertEquals("https://hub.example.org/guides/starting-a-circle/", article.select("link[rel=canonical]").attr("href"));
        assertEquals("About Starting a circle", article.select("meta[name=description]").attr("content"));
        assertEquals("Starting a circle", article.select("meta[property=og:title]").attr("content"));
        assertEquals("Agreements", article.select("nav.toc a[href=#agreements]").text());
        assertTrue(run.err().matches("(?s).*Built \\d+ pages \\(\\d+ files in all\\) into .* with 0 warnings in [0-9.]+ s\\s*"), run.err());
    }

    @Test
    void leavesDraftsOutUnlessAsked() {
        TestSite site = smallSite();
        site.build();
        assertFalse(site.exists("support/draft-note/index.html"));
        assertFalse(site.read("sitemap.xml").contains("draft-note"));
        assertFalse(site.html("support/").text().contains("Secret draft"));
        site.build("--drafts");
        assertTrue(site.exists("support/draft-note/index.html"));
        assertTrue(site.html("support/draft-note/").select(".draft-banner").text().startsWith("Draft"));
    }

    @Test
    void everyInternalLinkAndAnchorResolves() {
        TestSite site = smallSite();
        site.build();
        assertEquals(List.of(), LinkCrawler.brokenLinks(site.out(), "/"));
        assertEquals("/support/peer-support/#what-it-is",
                site.html("guides/starting-a-circle/").select(".prose p a").attr("href"));
    }

    @Test
    void showsHtmlInTitlesTagsAndSummariesAsTextEverywhere() {
        String evil = "<script>alert('x')</script> \\\"quoted\\\" & more";
        TestSite site = TestSite.create(dir, "content/g/evil.md",
                "---\ntitle: \"" + evil + "\"\ndate: 2024-01-01\ntags: [\"<b>bold</b>\"]\nsummary: \"" + evil + "\"\n---\nBody <script>bad()</script>\n");
        assertEquals(0, site.build().code());
        String shown = "<script>alert('x')</script> \"quoted\" & more";
        for (String page : List.of("g/evil/", "g/", "", "tags/", "tags/b-bold-b/")) {
            Document doc = site.html(page);
            assertTrue(doc.select("script:not([src])").isEmpty(), "inline script injected in " + page);
            assertTrue(doc.select("b:containsOwn(bold)").isEmpty(), "tag markup injected in " + page);
        }
        assertEquals(shown, site.html("g/evil/").select("h1").text());
        assertEquals(shown, site.html("g/evil/").select("meta[name=description]").attr("content"));
        Document feed = Jsoup.parse(site.read("feed.xml"), "", Parser.xmlParser());
        assertEquals(shown, feed.select("entry > title").text());
        assertEquals("<b>bold</b>", feed.select("entry > category").attr("label"));
        Document tagFeed = Jsoup.parse(site.read("tags/b-bold-b/feed.xml"), "", Parser.xmlParser());
        assertEquals(shown, tagFeed.select("entry > title").text());
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() throws IOException {
        TestSite site = smallSite();
        site.build("-o", dir.resolve("one").toString());
        site.build("-o", dir.resolve("two").toString());
        Map<String, String> one = tree(dir.resolve("one"));
        Map<String, String> two = tree(dir.resolve("two"));
        assertEquals(one.keySet(), two.keySet());
        assertEquals(one, two);
    }

    /**
     * Bodies kept as rendered, kept LZ4-compressed, or rendered again in the page pass (the memory budgets
     * of a huge site, forced here on the sample hub): the same site, byte for byte.
     */
    @Test
    void keptCompressedOrRenderedTwiceTheBodiesMakeTheSameSite() throws IOException {
        Map<String, String> plain = buildHub("plain", Long.MAX_VALUE, 0);
        assertEquals(plain, buildHub("packed", 0, Long.MAX_VALUE));
        assertEquals(plain, buildHub("again", 0, 0));
        assertTrue(plain.keySet().stream().filter(f -> f.endsWith("index.html")).count() > 40, plain.keySet().toString());
    }

    private Map<String, String> buildHub(String name, long plainBytes, long packedBytes) throws IOException {
        Path out = dir.resolve(name);
        BuildOptions options = new BuildOptions(TestSite.repo(), out, false, null, java.time.LocalDate.of(2026, 11, 23), false, 2);
        try (dev.peerhub.output.StagedOutput staged = dev.peerhub.output.StagedOutput.open(out)) {
            new Builder(options, site -> SearchIndexing.none(), stage -> {}).keepingBodies(plainBytes, packedBytes).build(staged);
            staged.commit();
        }
        return tree(out);
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Builder.sha256(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteWhole() throws IOException {
        TestSite site = smallSite();
        site.build();
        Map<String, String> before = tree(site.out());
        site.write("content/guides/broken.md", "---\ntitle: [oops\n---\n");
        TestSite.Run run = site.build();
        assertEquals(1, run.code());
        assertTrue(run.err().contains("Build failed: 1 error"), run.err());
        assertTrue(run.err().contains("nothing was written"), run.err());
        assertEquals(before, tree(site.out()));
    }

    @Test
    void reportsEveryBrokenFileInOneRunWithoutAStackTrace() {
        TestSite site = smallSite();
        site.write("content/a.md", "---\ntitle: A\ndate: 2023-02-30\n---\n");
        site.write("content/b.md", "---\ntitle: B\ntags: one, two\n---\n");
        TestSite.Run run = site.build();
        assertEquals(1, run.code());
        assertEquals(List.of(
                "content/a.md:3:7: error: 'date' is not a real date: \"2023-02-30\" (February 2023 has 28 days)",
                "content/b.md:3:7: error: 'tags' must be a list like [one, ...], got the text \"one, two\""), run.diagnostics());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        TestSite site = smallSite();
        assertEquals(2, site.run("build", "--no-such-option").code());
    }

    @Test
    void buildsTheTwoSeedDocuments() throws IOException {
        Path seeds = TestSite.repo().resolve("generator/src/test/resources/seeds");
        String article = Files.readString(seeds.resolve("000_e806d14994300646.txt"));
        String plain = Files.readString(seeds.resolve("002_f1515885b7a09071.txt"));
        TestSite site = TestSite.create(dir, "content/guides/peer-support-groups.md", article,
                "content/guides/community-integration.md", plain);
        TestSite.Run run = site.build();
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("content/guides/community-integration.md:1:1: warning: no front matter: the title is taken"
                + " from the first line (\"Building Community Around Integration: A Guide for Commun...\"); add front matter with title, date, tags and summary"), run.diagnostics());
        Document a = site.html("guides/peer-support-groups/");
        assertEquals(1, a.select("h1").size(), "the body's repeated title is not a second h1");
        assertTrue(a.select("a.tag").eachText().containsAll(List.of("Psychedelics", "Peer Support", "Mental Health")));
        Document b = site.html("guides/community-integration/");
        assertEquals("Building Community Around Integration: A Guide for Community-Led Peer Integration", b.select("h1").text());
        assertTrue(b.select(".prose h2").stream().map(h -> h.ownText()).toList().containsAll(List.of("The Need for Community-based Integration",
                "Absence of Cultural Context", "Building Community Support")), b.select(".prose h2").eachText().toString());
        assertTrue(site.exists("tags/peer-support/index.html"));
        assertEquals(List.of(), LinkCrawler.brokenLinks(site.out(), "/"));
    }

    @Test
    void paginatesSectionAndTagLists() {
        TestSite site = TestSite.create(dir, "site.yml", TestSite.MINIMAL_CONFIG + "paginate: 2\n");
        for (int i = 1; i <= 5; i++) {
            site.write("content/g/p" + i + ".md", guide("Page " + i, "2024-01-0" + i, "[t]", "x"));
        }
        site.build();
        assertEquals(List.of("Page 5", "Page 4"), site.html("g/").select(".card-title").eachText());
        assertEquals(List.of("Page 1"), site.html("g/page/3/").select(".card-title").eachText());
        assertEquals("/g/page/2/", site.html("g/").select("a[rel=next]").attr("href"));
        assertTrue(site.exists("tags/t/page/3/index.html"));
        assertEquals(List.of(), LinkCrawler.brokenLinks(site.out(), "/"));
    }

    @Test
    void publishesAssetsUnderContentHashedNames() {
        TestSite site = smallSite();
        site.build();
        String css = site.html("").select("link[rel=stylesheet]").attr("href");
        assertTrue(css.matches("/assets/site\\.[0-9a-f]{10}\\.css"), css);
        assertTrue(site.exists(css.substring(1)));
    }

    @Test
    void writesRedirectPagesForAliases() {
        TestSite site = TestSite.create(dir, "content/g/new.md", "---\ntitle: New\naliases: [/old/path/]\n---\nx");
        site.build();
        Document r = site.html("old/path/");
        assertEquals("0; url=/g/new/", r.select("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://hub.example.org/g/new/", r.select("link[rel=canonical]").attr("href"));
    }

    @Test
    void respectsABasePathInEveryLink() {
        TestSite site = TestSite.create(dir, "site.yml", "title: T\nbase_url: https://x.example.org/hub/\n",
                "content/g/a.md", guide("A", "2024-01-01", "[t]", "See [b](b.md)."),
                "content/g/b.md", guide("B", "2024-01-02", "[t]", "x"));
        site.build();
        assertEquals("/hub/g/b/", site.html("g/a/").select(".prose p a").attr("href"));
        assertEquals(List.of(), LinkCrawler.brokenLinks(site.out(), "/hub/"));
    }

    @Test
    void reportsABrokenLinkAsOneWarningPointingToCheck() {
        TestSite site = TestSite.create(dir, "content/g/a.md", guide("A", "2024-01-01", "[t]", "See [gone](gone.md)."));
        TestSite.Run run = site.build();
        assertEquals(0, run.code());
        assertEquals(List.of("content: warning: 1 broken internal link (first at content/g/a.md:7:5); run 'peerhub check'"
                + " to list them all"), run.diagnostics());
    }

    @Test
    void refusesAnOutputFolderInsideContent() {
        TestSite site = smallSite();
        TestSite.Run run = site.build("-o", dir.resolve("content/out").toString());
        assertEquals(1, run.code());
        assertEquals(List.of("content/out: error: the output folder must not be inside content/ or templates/, nor contain"
                + " the site: choose another folder with -o"), run.diagnostics());
    }

    @Test
    void baseUrlOptionOverridesSiteYml() {
        TestSite site = smallSite();
        assertEquals(0, site.build("--base-url", "https://preview.example.org/pr-7/").code());
        Document a = site.html("guides/starting-a-circle/");
        assertEquals("https://preview.example.org/pr-7/guides/starting-a-circle/", a.select("link[rel=canonical]").attr("href"));
        assertEquals("/pr-7/support/peer-support/#what-it-is", a.select(".prose p a").attr("href"));
        assertEquals(List.of(), LinkCrawler.brokenLinks(site.out(), "/pr-7/"));
    }

    @Test
    void aMissingSiteFolderIsAUsageErrorAndCreatesNothing() {
        Path missing = dir.resolve("no-such-site");
        TestSite.Run run = TestSite.create(dir.resolve("other")).run("build", "-s", missing.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("the site folder " + missing + " does not exist"), run.err());
        assertFalse(Files.exists(missing));
    }
}

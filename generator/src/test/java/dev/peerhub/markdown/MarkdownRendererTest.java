package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.content.Article;
import dev.peerhub.content.Details;
import dev.peerhub.content.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private static final LinkTargets TARGETS = new LinkTargets() {
        private final Map<String, String> pages = Map.of(
                "content/guides/starting-a-circle.md", "/guides/starting-a-circle/",
                "content/guides/glossary.md", "/guides/glossary/");

        @Override
        public Optional<String> pageUrl(String contentPath) {
            return Optional.ofNullable(pages.get(contentPath));
        }

        @Override
        public Optional<String> fileUrl(String contentPath) {
            return contentPath.equals("content/guides/circle.png") ? Optional.of("/guides/circle.png") : Optional.empty();
        }

        @Override
        public String basePath() {
            return "/";
        }
    };

    private static Article article() {
        return new Article("content/guides/agreements.md", "guides", "agreements", Article.Kind.ARTICLE, "Agreements", null,
                null, List.of(), false, "", "agreements", List.of(), ResourceType.GUIDE, "", List.of(), 0, 5, 0, 0, 0, true,
                Details.NONE);
    }

    private RenderedArticle render(String md) {
        return renderer.render(article(), md, TARGETS);
    }

    @Test
    void rewritesLinksToMarkdownFilesAsPageUrls() {
        RenderedArticle r = render("See [starting](starting-a-circle.md#agreements) and [glossary](../guides/glossary.md).");
        Document doc = Jsoup.parse(r.html());
        assertEquals("/guides/starting-a-circle/#agreements", doc.select("a").get(0).attr("href"));
        assertEquals("/guides/glossary/", doc.select("a").get(1).attr("href"));
        assertTrue(r.links().stream().allMatch(l -> l.kind() == FoundLink.Kind.INTERNAL), r.links().toString());
    }

    @Test
    void reportsLinksToMissingFilesWithTheirPosition() {
        RenderedArticle r = render("Intro\n\nSee [gone](missing.md).");
        FoundLink l = r.links().get(0);
        assertEquals(FoundLink.Kind.MISSING_FILE, l.kind());
        assertEquals("content/guides/agreements.md:7:5", l.at().toString());
    }

    @Test
    void givesHeadingsIdsAnchorLinksAndATableOfContents() {
        RenderedArticle r = render("## What to Expect\n\ntext\n\n### First, check safety\n\nmore\n\n## Power & You\n");
        Document doc = Jsoup.parse(r.html());
        assertEquals("what-to-expect", doc.select("h2").get(0).id());
        assertEquals("#what-to-expect", doc.select("h2 a.heading-anchor").get(0).attr("href"));
        assertEquals("first-check-safety", doc.select("h3").get(0).id());
        assertEquals("power-you", doc.select("h2").get(1).id());
        assertEquals(2, r.toc().size());
        assertEquals("First, check safety", r.toc().get(0).children().get(0).text());
        assertTrue(r.anchors().containsAll(List.of("what-to-expect", "first-check-safety", "power-you")));
    }

    @Test
    void rendersTablesFootnotesStrikethroughDefinitionsAndAutolinks() {
        String md = """
                | A | B |
                |---|---|
                | 1 | 2 |

                Claim.[^1] ~~gone~~ and https://example.org

                Term
                : Its definition

                [^1]: The source.
                """;
        Document doc = Jsoup.parse(render(md).html());
        assertEquals(1, doc.select("table td").stream().filter(td -> td.text().equals("2")).count());
        assertEquals(1, doc.select("sup a[href=#fn-1]").size());
        assertEquals("gone", doc.select("del").text());
        assertEquals("https://example.org", doc.select("a[href=https://example.org]").text());
        assertEquals("Term", doc.select("dl dt").text());
        assertEquals("Its definition", doc.select("dl dd").text());
    }

    @Test
    void linksBareAddressesButNotInsideCodeOrLinks() {
        Document doc = Jsoup.parse(render("Visit https://example.org/a_(b). Or `https://code.example.org` or"
                + " [named](https://named.example.org) and (see https://x.example.org/path?q=1).").html());
        assertEquals(List.of("https://example.org/a_(b)", "https://named.example.org", "https://x.example.org/path?q=1"),
                doc.select("a").eachAttr("href"));
        assertEquals("https://code.example.org", doc.select("code").text());
    }

    @Test
    void makesQuotesTypographic() {
        assertTrue(render("\"Quoted\" and it's").html().contains("\u201cQuoted\u201d") || render("\"Quoted\" and it's").html().contains("&ldquo;Quoted&rdquo;"));
    }

    @Test
    void escapesRawHtmlInMarkdown() {
        String html = render("Hello <script>alert(1)</script> <b>x</b>").html();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void cutsThePlainTextIntoPassagesAtHeadings() {
        RenderedArticle r = render("Intro text.\n\n## Agreements\n\nBe kind.\n\n- listen\n- share\n");
        assertEquals(2, r.passages().size());
        assertEquals("", r.passages().get(0).anchor());
        assertEquals("Intro text.", r.passages().get(0).text());
        assertEquals("agreements", r.passages().get(1).anchor());
        assertEquals("Agreements", r.passages().get(1).heading());
        assertTrue(r.passages().get(1).text().contains("listen"), r.passages().get(1).text());
    }

    @Test
    void flagsImagesWithoutAltTextAndRemoteImages() {
        RenderedArticle r = render("![](circle.png) ![A circle](https://cdn.example.org/x.png)");
        assertTrue(r.links().stream().anyMatch(l -> l.kind() == FoundLink.Kind.IMAGE_WITHOUT_ALT));
        assertTrue(r.links().stream().anyMatch(l -> l.kind() == FoundLink.Kind.REMOTE_IMAGE));
        assertTrue(r.html().contains("src=\"/guides/circle.png\""), r.html());
    }
}

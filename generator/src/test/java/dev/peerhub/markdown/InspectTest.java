package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.site.Page;
import dev.peerhub.site.Site;
import dev.peerhub.testing.SiteInMemory;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MarkdownRenderer#inspect}, the page stage of {@code peerhub check}, finds exactly the links, images,
 * anchors and table of contents that {@link MarkdownRenderer#render} finds, on real content and on edge
 * cases: everything the link checker and the template sampling read.
 */
class InspectTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Inspects and renders every page of {@code s}; returns how many links the pages have in all. */
    private int assertInspectFindsWhatRenderFinds(SiteInMemory s) {
        int links = 0;
        for (Page p : s.site().allPages()) {
            String body = s.bodies().get(p.article().sourcePath());
            RenderedArticle full = renderer.render(p.article(), body, s.site());
            RenderedArticle inspected = renderer.inspect(p.article(), body, s.site());
            String where = p.article().sourcePath();
            assertEquals(full.links(), inspected.links(), where);
            assertEquals(full.anchors(), inspected.anchors(), where);
            assertEquals(full.toc(), inspected.toc(), where);
            assertEquals("", inspected.html(), where);
            links += full.links().size();
        }
        return links;
    }

    private SiteInMemory site(String... files) {
        return SiteInMemory.of(TestSite.MINIMAL_CONFIG, files);
    }

    @Test
    void findsWhatRenderFindsOnTheSampleHub() {
        SiteInMemory hub = SiteInMemory.load(TestSite.repo());
        assertTrue(hub.site().allPages().size() > 40, "pages: " + hub.site().allPages().size());
        assertTrue(assertInspectFindsWhatRenderFinds(hub) > 100);
    }

    /** {@code -Dpeerhub.compare.site=DIR} compares the two on another site too, such as a generated 10k corpus. */
    @Test
    void findsWhatRenderFindsOnTheSiteGivenBySystemProperty() {
        String dir = System.getProperty("peerhub.compare.site");
        Assumptions.assumeTrue(dir != null, "no -Dpeerhub.compare.site");
        int links = assertInspectFindsWhatRenderFinds(SiteInMemory.load(Path.of(dir)));
        System.out.println("[inspect] " + dir + ": same links (" + links + "), anchors and toc on every page");
    }

    @Test
    void findsWhatRenderFindsOnTheSeedDocuments() throws IOException {
        String[] files = TestSite.seedGuides();
        assertEquals(4, files.length);
        SiteInMemory s = site(files);
        assertEquals(2, s.site().pages().size());
        assertInspectFindsWhatRenderFinds(s);
    }

    /** How many of the pages of {@code s} {@link QuickScan} reads without Flexmark. */
    private static int scanned(SiteInMemory s) {
        int n = 0;
        for (Page p : s.site().allPages()) {
            if (QuickScan.scan(s.bodies().get(p.article().sourcePath())).isPresent()) n++;
        }
        return n;
    }

    /** The quick scan is taken for most pages of the sample hub, so the comparison above covers it. */
    @Test
    void quickScanReadsMostOfTheSampleHub() {
        SiteInMemory hub = SiteInMemory.load(TestSite.repo());
        int pages = hub.site().allPages().size();
        assertTrue(scanned(hub) * 10 >= pages * 6, scanned(hub) + " of " + pages);
    }

    @Test
    void findsWhatRenderFindsOnAGeneratedCorpus(@TempDir Path dir) throws Exception {
        SiteInMemory corpus = GeneratedCorpus.of(dir, 300, 11);
        int pages = corpus.site().allPages().size();
        assertTrue(pages >= 280, "pages: " + pages);
        assertTrue(assertInspectFindsWhatRenderFinds(corpus) > 300);
        assertTrue(scanned(corpus) * 10 >= pages * 9, scanned(corpus) + " of " + pages);
    }

    /** Lines an author might write, many of them at the edges of what {@link QuickScan} takes. */
    private static final String[] LINES = {
            "Plain words, a comma; a colon: and a question?", "## Setting up", "## Setting up", "### Self-care (daily)",
            "# Top", "#### Four", "## Closing ##", "## Closing #s#", "##No space", "####### Seven", "## ", "##",
            "## Wait...", "## Wait. . . no", "## It's", "## A -- B", "## *Em*", "## 100% sure/unsure +1!",
            "## Caf\u00e9 na\u00efve", "  ## Indented two", "   ### Indented three", "    ## Indented four",
            "See [B](b.md) and [the part](b.md#first-part).", "[B](b.md#missing)", "[gone](nope.md)",
            "[up](../../out.md)", "[home](/)", "[self](#setting-up-1)", "[](b.md)", "[x]()", "![A circle](circle.png)",
            "![](circle.png)", "![remote](https://example.org/i.png)", "[ext](https://example.org/x?a=b#c)",
            "a [bracket] alone", "a ![bracket] alone", "[ref][other]", "[other]: b.md", "[x](b.md \"T\")",
            "[x]( b.md )", "[x](b(1).md)", "[a [nested] b](b.md)", "two [a](b.md)[c](b.md#first-part)",
            "**[bold](b.md)** and *[em](b.md)*", "text ] stray", "text [ open", "[multi", "line](b.md)",
            "bare https://example.org/x here", "HTTP://EXAMPLE.ORG", "[https://e.org](https://e.org)",
            "- item [B](b.md)", "* item", "+ item", "1. first", "2) second", "- - nested", "- ## In a list",
            "> quoted [B](b.md)", "> ## Quoted heading", ">> deeper", "> - quoted item", "-", "- - -", "***",
            "---", "===", "Title", "___", "  -   spaced item", "-     five spaces", "      six spaces",
            "Term", ": definition", "| a | [B](b.md) |", "|---|---|", "[a|b](b.md)", "x * y * z", "_under_",
            "! not an image", "!![double](circle.png)", "price: 5 [USD]", "[[wiki]]", "", "", "", "   ",
            "#hashtag", "1.5 million", "- [ ] task", "[x]: <b.md>", "<b>html</b>", "a & b", "a \\ b",
            "`code [x](b.md)`", "~~gone~~", "note[^1]", "[^1]: note", "Setext one\n---", "Setext two\n===",
            "Setext three\n- - -", "[a [b](b.md)", "![a [b](circle.png)", "[a](b.md) ]", "[a] [b](b.md#first-part)",
    };

    /** Random bodies of those lines: inspect (quick scan or Flexmark) equals render on every one. */
    @Test
    void randomBodies() {
        java.util.Random random = new java.util.Random(20261123L);
        List<String> files = new ArrayList<>();
        int bodies = 1000;
        for (int n = 0; n < bodies; n++) {
            StringBuilder md = new StringBuilder("---\ntitle: R").append(n).append("\n---\n");
            int lines = 1 + random.nextInt(12);
            for (int i = 0; i < lines; i++) {
                String line = LINES[random.nextInt(LINES.length)];
                if (random.nextInt(8) == 0) line = "> " + line;
                else if (random.nextInt(8) == 0) line = "- " + line;
                else if (random.nextInt(12) == 0) line = "  " + line;
                md.append(line).append(random.nextInt(3) == 0 ? "\n\n" : "\n");
            }
            files.add("content/random/r" + n + ".md");
            files.add(md.toString());
        }
        files.addAll(List.of("content/random/b.md", "---\ntitle: B\n---\n## First part\n",
                "content/random/circle.png", ""));
        SiteInMemory s = site(files.toArray(String[]::new));
        assertInspectFindsWhatRenderFinds(s);
        int quick = scanned(s);
        assertTrue(quick > bodies / 10 && quick < bodies * 9 / 10, "quick scans: " + quick + " of " + bodies);
    }

    @Test
    void findsFootnotesReferenceLinksImagesAndDuplicateHeadingIds() {
        SiteInMemory s = site(
                "content/guides/a.md", """
                        ---
                        title: A
                        ---
                        Intro with a note[^1] and another[^long], and the first again[^1].

                        ## Setting up
                        ## Setting up
                        ## Setting up!
                        Setting up
                        ----------
                        ### It's "quoted" -- and http://example.org/x in a heading
                        #### Deep `code` *heading* [link](b.md)

                        See [the other guide][other], [the anchor][anchored], [missing][gone] and [this one](#setting-up-1).
                        ![A circle](circle.png) ![](circle.png) ![remote](https://example.org/i.png)
                        ![referenced][pic] ![][pic] [broken ref][nowhere]

                        [other]: b.md
                        [anchored]: b.md#second-part "Title"
                        [gone]: missing.md
                        [pic]: circle.png

                        [^1]: The note, with [a link](b.md#nope).
                        [^long]: A longer note.

                            Indented, with ![no alt](circle.png).
                        """,
                "content/guides/b.md", "---\ntitle: B\n---\n## First part\n\n## Second part\n",
                "content/guides/circle.png", "");
        assertInspectFindsWhatRenderFinds(s);
        RenderedArticle r = renderer.inspect(s.site().page("content/guides/a.md").orElseThrow().article(),
                s.bodies().get("content/guides/a.md"), s.site());
        assertTrue(r.anchors().containsAll(Set.of("setting-up", "setting-up-1", "setting-up-2")), r.anchors().toString());
        assertTrue(r.links().stream().anyMatch(l -> l.kind() == FoundLink.Kind.IMAGE_WITHOUT_ALT), r.links().toString());
        assertTrue(r.links().stream().anyMatch(l -> l.kind() == FoundLink.Kind.REMOTE_IMAGE), r.links().toString());
        assertTrue(r.links().stream().anyMatch(l -> l.kind() == FoundLink.Kind.MISSING_FILE), r.links().toString());
        assertFalse(r.toc().isEmpty());
    }

    @Test
    void findsLinksInsideTablesListsQuotesAndDefinitionLists() {
        SiteInMemory s = site(
                "content/guides/a.md", """
                        ---
                        title: A
                        ---
                        | Guide | Where |
                        |-------|-------|
                        | [B](b.md) | [anchor](b.md#first-part) |
                        | ![](x.png) | [gone](nope.md#x) |

                        - item with [B](b.md#missing-heading)
                          1. nested [home](/)
                             > quoted [folder](../guides/)

                        Term
                        : definition with [B](../guides/b.md#first-part) and [up](../../out.md)

                        > ## A heading in a quote
                        > [self](#a-heading-in-a-quote)

                        - ## A heading in a list

                        ```
                        [not a link](b.md) ## not a heading
                        ```

                        <a href="b.md">raw html is escaped</a> <https://example.org/auto> and https://example.org/bare
                        """,
                "content/guides/b.md", "---\ntitle: B\n---\n## First part\n",
                "content/guides/_index.md", "---\ntitle: Guides\n---\nSee [A](a.md#a-heading-in-a-list) and [B](b.md).\n");
        assertInspectFindsWhatRenderFinds(s);
    }

    @Test
    void findsWhatRenderFindsInBodiesWithoutPipesThatLookLikeTables() {
        // inspect parses a body with no '|' without the tables extension: these must come out the same
        SiteInMemory s = site(
                "content/guides/a.md", """
                        ---
                        title: A
                        ---
                        Column [one](b.md)  Column two
                        ---  ---

                        Left | right in [a table](b.md#first-part)
                        :---: | ---
                        cell | [gone](nope.md)

                        Name [x](#name)
                        :--:

                        ## Name
                        """,
                "content/guides/b.md", """
                        ---
                        title: B
                        ---
                        Header without pipes
                        ---------------------
                        Text and [a link](a.md#name).

                        Option A
                        :---
                        ~~strike~~ [here](a.md#header-without-pipes)
                        """);
        assertInspectFindsWhatRenderFinds(s);
    }

    @Test
    void findsWhatRenderFindsInPlainTextGuidesWithPromotedHeadings() {
        SiteInMemory s = site("content/guides/plain.md", """
                Plain Guide

                An opening paragraph that is long enough to follow a heading.

                Why It Matters

                A paragraph after the short line, which becomes a heading, with [a link](other.md).

                Why It Matters

                The same heading again, so its id gets a number.
                """);
        Site site = s.site();
        assertEquals(1, site.pages().size());
        assertInspectFindsWhatRenderFinds(s);
    }
}

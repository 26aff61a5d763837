package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.site.Page;
import dev.peerhub.site.Site;
import dev.peerhub.testing.SiteInMemory;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

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
        Path seeds = TestSite.repo().resolve("generator/src/test/resources/seeds");
        List<String> files = new ArrayList<>();
        try (var list = Files.list(seeds)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                files.add("content/guides/" + p.getFileName().toString().replace(".txt", ".md"));
                files.add(Files.readString(p));
            }
        }
        assertEquals(4, files.size());
        SiteInMemory s = site(files.toArray(String[]::new));
        assertEquals(2, s.site().pages().size());
        assertInspectFindsWhatRenderFinds(s);
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

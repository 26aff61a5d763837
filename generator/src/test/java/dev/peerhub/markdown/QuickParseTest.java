package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.peerhub.content.Article;
import dev.peerhub.content.Details;
import dev.peerhub.content.ResourceType;
import dev.peerhub.site.Page;
import dev.peerhub.testing.SiteInMemory;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link QuickParse} builds exactly Flexmark's tree for every body it takes, node by node (class, offsets,
 * every segment, content lines, flags), and {@link MarkdownRenderer#render} gives the same article (HTML,
 * table of contents, passages, links, anchors) through it as through Flexmark's parser: on the sample hub,
 * the seed documents, a generated corpus, FastHtml's edge cases and thousands of random bodies.
 */
class QuickParseTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    /** A textual dump of a tree: everything about each node that anything after parsing may read. */
    static String dump(Node root) {
        StringBuilder sb = new StringBuilder();
        dump(root, 0, sb);
        return sb.toString();
    }

    private static void dump(Node n, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(n.getClass().getName());
        span(sb, n.getChars());
        for (BasedSequence seg : n.getSegments()) span(sb, seg);
        sb.append(" |");
        n.getAstExtra(sb);
        if (n instanceof Block b) {
            sb.append(" lines=");
            for (BasedSequence line : b.getContentLines()) span(sb, line);
        }
        switch (n) {
            case Document d -> sb.append(" lineCount=").append(d.getLineCount());
            case Paragraph p -> sb.append(" trailingBlank=").append(p.isTrailingBlankLine())
                    .append(" indents=").append(Arrays.toString(p.getLineIndents()))
                    .append(" tableSeparator=").append(p.hasTableSeparator());
            case ListItem i -> {
                sb.append(" ownTight=").append(i.isOwnTight()).append(" tight=").append(i.isTight())
                        .append(" loose=").append(i.isLoose()).append(" inTightList=").append(i.isInTightList())
                        .append(" blankAfterPara=").append(i.isHadBlankAfterItemParagraph())
                        .append(" containsBlank=").append(i.isContainsBlankLine())
                        .append(" priority=").append(i.getPriority());
                span(sb, i.getOpeningMarker());
                span(sb, i.getMarkerSuffix());
                for (Node c = i.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof Paragraph p) {
                        sb.append(" itemParagraph=").append(i.isItemParagraph(p))
                                .append(" inTightItem=").append(i.isParagraphInTightListItem(p));
                    }
                }
            }
            case OrderedList l -> sb.append(" tight=").append(l.isTight()).append(" start=").append(l.getStartNumber())
                    .append(" delimiter=").append(l.getDelimiter());
            case BulletList l -> sb.append(" tight=").append(l.isTight()).append(" marker=").append(l.getOpeningMarker());
            case Heading h -> sb.append(" level=").append(h.getLevel()).append(" id=").append(h.getAnchorRefId())
                    .append(" explicit=").append(h.isExplicitAnchorRefId());
            case TypographicQuotes q -> sb.append(" open=").append(q.getTypographicOpening())
                    .append(" close=").append(q.getTypographicClosing());
            case TypographicSmarts t -> sb.append(" smart=").append(t.getTypographicText());
            default -> { }
        }
        if (n instanceof ListBlock l) sb.append(" loose=").append(l.isLoose());
        sb.append('\n');
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) dump(c, depth + 1, sb);
    }

    private static void span(StringBuilder sb, BasedSequence s) {
        if (s == null) {
            sb.append(" null");
            return;
        }
        sb.append(" [").append(s.getStartOffset()).append(',').append(s.getEndOffset()).append(",\"")
                .append(s.toString().replace("\n", "\\n")).append("\"]");
    }

    /** QuickParse's tree of {@code body}, or null when the body is outside its subset. */
    static Document quick(String body) {
        return QuickParse.parse(body, RENDERER.quickParseOptionsForTest(body));
    }

    /** Asserts QuickParse's tree is Flexmark's when it takes the body; returns whether it did. */
    static boolean sameTree(String label, String body) {
        Document fast = quick(body);
        if (fast == null) return false;
        Document flexmark = RENDERER.flexmarkParseForTest(body);
        assertEquals(dump(flexmark), dump(fast), () -> "tree differs on " + label + ":\n" + body);
        return true;
    }

    private static void sameArticle(String label, RenderedArticle expected, RenderedArticle actual) {
        assertEquals(expected.html(), actual.html(), () -> "html differs on " + label);
        assertEquals(expected.toc(), actual.toc(), () -> "toc differs on " + label);
        assertEquals(expected.passages(), actual.passages(), () -> "passages differ on " + label);
        assertEquals(expected.links(), actual.links(), () -> "links differ on " + label);
        assertEquals(expected.anchors(), actual.anchors(), () -> "anchors differ on " + label);
    }

    /** Compares trees and rendered articles on every page of {@code s}; returns how many pages QuickParse took. */
    private static int assertSameOnSite(SiteInMemory s) {
        int quick = 0;
        for (Page p : s.site().allPages()) {
            String where = p.article().sourcePath();
            String body = s.bodies().get(where);
            if (sameTree(where, body)) quick++;
            sameArticle(where, RENDERER.renderWithFlexmark(p.article(), body, s.site()),
                    RENDERER.render(p.article(), body, s.site()));
        }
        return quick;
    }

    @Test
    void sampleHub() {
        SiteInMemory hub = SiteInMemory.load(TestSite.repo());
        int pages = hub.site().allPages().size();
        assertTrue(pages > 40, "pages: " + pages);
        int quick = assertSameOnSite(hub);
        System.out.println("[quickparse] sample hub: " + quick + " of " + pages + " pages take the fast path");
        // a stated share: well over half of the hub's pages (apostrophes, quotes, lists, emphasis, links)
        assertTrue(quick * 10 >= pages * 6, quick + " of " + pages);
    }

    @Test
    void seedDocuments() throws IOException {
        String[] files = TestSite.seedGuides();
        for (int i = 0; i < files.length; i += 2) sameTree(files[i], files[i + 1]);
        assertSameOnSite(SiteInMemory.of(TestSite.MINIMAL_CONFIG, files));
    }

    /** {@code -Dpeerhub.compare.site=DIR} compares the two on another site too, such as a generated 10k corpus. */
    @Test
    void siteGivenBySystemProperty() {
        String dir = System.getProperty("peerhub.compare.site");
        Assumptions.assumeTrue(dir != null, "no -Dpeerhub.compare.site");
        SiteInMemory site = SiteInMemory.load(Path.of(dir));
        int quick = assertSameOnSite(site);
        System.out.println("[quickparse] " + dir + ": " + quick + " of " + site.site().allPages().size()
                + " pages take the fast path, all the same");
    }

    @Test
    void generatedCorpus(@TempDir Path dir) throws Exception {
        SiteInMemory corpus = GeneratedCorpus.of(dir, 300, 13);
        int pages = corpus.site().allPages().size();
        assertTrue(pages >= 280, "pages: " + pages);
        int quick = assertSameOnSite(corpus);
        System.out.println("[quickparse] generated corpus: " + quick + " of " + pages + " pages take the fast path");
        assertTrue(quick * 10 >= pages * 9, quick + " of " + pages);
    }

    @Test
    void fastHtmlEdgeCases() {
        int quick = 0;
        for (String md : FastHtmlTest.EDGE_CASES) {
            if (sameTree(md, md)) quick++;
            sameArticle(md, RENDERER.renderWithFlexmark(article(), md, TARGETS), RENDERER.render(article(), md, TARGETS));
        }
        assertTrue(quick >= 3, "quick: " + quick);
    }

    /** Small bodies at the edges of the subset, each taken by QuickParse (checked against Flexmark). */
    private static final String[] TAKEN = {
            "", "\n", "plain", "plain\n", "plain\n\n", "\n\npara\n\n\n", "## Heading\ntext right after\n## Next",
            "one\n  two indented\n   three\nfour", "- a\n- b\n\n- c\n\n\nafter", "1. a\n2. b\n\n3. c\n", "7) seven\n8) eight",
            "- a\nlazy\n  indented\n- b", "Items:\n- a\n- b", "Nums:\n1. a\n2. b", "Text\n2. not a list",
            "- a\n\n* b", "> q1\n> q2\n>\n> q3\n\nafter", ">tight quote\n\n> two", "- a\n## H\n- b",
            "It's \"quoted\" -- and 'single' --- and others' and 'tis... . . .", "**bold**: *em*, \"*em in q*\"",
            "[a link](b.md#frag) and [*em* it's](../x/y.md) and [\"q\"](http://e.org/a_b?x=1)",
            "bare https://example.org/x-y and http://e.org.", "'a *b* c' and *'x' y*", "*'open* and 'x",
            "a 'b \"c\" d' e", "x\n\n| H one | H two |\n|---|----|\n| a, b | c (d) |\n| e | f |\n\nafter",
            "| only | table |\n|---|---|\n| x | y |", "> a\nlazy\n> more\n## H", "> a\n- b", "- a\n> q",
            "- a\n1. b\n* c", "| h | i |\n|---|---|\n| *x* b | don't |\n| \"q\" | x -- y... |", "## It's a \"heading\" -- really...", "10. ten\n11. eleven", "0. zero",
            "1. a\n\n   indented second line is lazy? no", "x\n\n- a\n\n  - no",
    };

    @Test
    void bodiesAtTheEdgesOfTheSubset() {
        List<String> notTaken = new ArrayList<>();
        for (String md : TAKEN) {
            if (!sameTree(md, md)) notTaken.add(md);
            sameArticle(md, RENDERER.renderWithFlexmark(article(), md, TARGETS), RENDERER.render(article(), md, TARGETS));
        }
        assertEquals(List.of("one\n  two indented\n   three\nfour", "1. a\n\n   indented second line is lazy? no",
                "x\n\n- a\n\n  - no"), notTaken);
    }

    /** Bodies QuickParse must leave to Flexmark. */
    @Test
    void leavesEverythingElseToFlexmark() {
        for (String md : List.of("a <b> c", "a & b", "a \\* b", "`code`", "~~x~~", "a | b", "x[^1]", "a\tb", "a\r\nb",
                "hard  \nbreak", "trailing \n", "Setext\n---", "Setext\n===", "***", "Term\n: def", "    code",
                "  indented start", "a_b", "![img](i.png)", "[ref]", "[x][y]", "[x](b.md \"t\")", "[x](<b>)",
                "[ x](b.md)", "[x]()", "x * y", "a*b*c", "***x***", "*unclosed", "\"unclosed", "**a *b** c*",
                "'a \"b' c\"", "- a\n  - nested", "- a\n\n  second paragraph", "-   spaced", "- ", "1.", "> - q",
                "> a\n> - b", "> ## h", "# ", "## Closing ##", "a\u00a0*b*", "caf\u00e9*x*", "\u00e9*\u00e9*", "007. x",
                "a > b", "a ]", "a [b c")) {
            assertNull(quick(md), () -> "takes " + md);
            sameArticle(md, RENDERER.renderWithFlexmark(article(), md, TARGETS), RENDERER.render(article(), md, TARGETS));
        }
        assertNotNull(quick("a plain paragraph"));
    }

    /** Lines an author might write, many at the edges of the subset. */
    private static final String[] LINES = {
            "Plain words, a comma; a colon: and a question?", "## Setting up", "### Self-care (daily)", "# Top",
            "#### Four", "## Closing ##", "##No space", "####### Seven", "## ", "  ## Indented", "- item", "* star",
            "+ plus", "1. first", "2. second", "1) paren", "10. ten", "007. bond", "- - nested", "-", "1.", "> quoted",
            ">no space", ">", ">  two spaces", "> - listed", "> ## heading", "---", "***", "* * *", "===", "Title",
            "   three spaces", "    four spaces", "  - indented item", ": definition", "[ref]: b.md",
            "| a | b |", "|---|---|", "| c d | e |", "| x |", "|:--|--:|", "| a | b", "a | b", "|---|", "| *e* | f |",
            "  continued two", "a trailing space ", "hard break  ", "tab\there", "1.5 million", "+1 vote", "#hashtag",
            "2021. A year", "-- dash start", "... ellipsis", "\"quote start\" here", "'single start' here", "it's",
            "others' things", "'tis the season", "", "", "", "", "  ", "-x", "*not a list*", "**bold start** here",
    };

    /** Inline fragments to build lines from. */
    private static final String[] FRAGMENTS = {
            "word", "words and more", "*em*", "**strong**", "*", "**", "***x***", "_u_", "snake_case", "don't",
            "'quoted'", "\"double\"", "\"", "'", "others'", "'tis", "--", "---", "...", ". . .", "....", "a-b",
            "[link](b.md)", "[frag](b.md#first-part)", "[x](b.md \"title\")", "[x](<a b>)", "[x](b(1).md)",
            "[ sp](b.md)", "[x]", "[x][y]", "![img](i.png)", "!", "(paren)", "a*b*c", "**bold**:", "*em*.", "x * y",
            "http://example.org/x_y", "https://example.org/a", "caf\u00e9", "na\u00efve", "\ud83d\ude00", "\u2014",
            "\u00a0", ":", "#", ">", "<b>", "&amp;", "`code`", "~~del~~", "\\*", "a|b", "[^1]", "1)", "+", "10.",
            "*\"nested quotes\"*", "\"*em in quotes*\"", "'*x*'", "*'x'*", "[*em link*](c.md)", "[\"q\"](c.md)",
            "[it's](c.md)", "**[bold link](d.md)**", "2.", "- ", "]", "[", "(", ")", "? !", "'a' 'b'", "\"a\" \"b\"",
            "*a* **b**", "**a *b* c**", "*a **b** c*", "'a *b* c'", "*a 'b' c*", "\"a 'b' c\"", "x'", "'x",
    };

    /** Fragments within the subset, so that whole bodies often are. */
    private static final String[] PLAIN = {
            "word", "some words", "*em*", "**strong**", "don't", "it's", "\"quoted\"", "'single'", "others'", "--",
            "---", "...", "[link](b.md)", "[frag](b.md#first-part)", "**[b](c.md)**", "(aside)", "a, b; c: d? e!",
            "1.5", "#1", "+1", "'tis", "*a \"b\" c*", "\"a *b* c\"", "https://example.org/a-b", "caf\u00e9",
    };

    private static String randomLine(Random random) {
        String line = random.nextInt(4) == 0 ? LINES[random.nextInt(LINES.length)] : "";
        if (line.isEmpty() || random.nextInt(3) > 0) {
            StringBuilder sb = new StringBuilder(line);
            int parts = 1 + random.nextInt(5);
            for (int i = 0; i < parts; i++) {
                if (!sb.isEmpty() && random.nextInt(4) > 0) sb.append(' ');
                sb.append(random.nextInt(4) == 0 ? FRAGMENTS[random.nextInt(FRAGMENTS.length)]
                        : PLAIN[random.nextInt(PLAIN.length)]);
            }
            line = sb.toString();
        }
        return switch (random.nextInt(14)) {
            case 0, 1 -> "- " + line;
            case 2 -> "1. " + line;
            case 3 -> "2. " + line;
            case 4 -> "> " + line;
            case 5 -> "  " + line;
            case 6 -> "## " + line;
            default -> line;
        };
    }

    /** A random body: lines at the edges, joined by single or double line feeds. */
    static String randomBody(Random random) {
        StringBuilder md = new StringBuilder();
        int lines = 1 + random.nextInt(10);
        for (int i = 0; i < lines; i++) {
            md.append(randomLine(random));
            int gap = random.nextInt(6);
            md.append(gap < 3 ? "\n" : gap < 5 ? "\n\n" : gap == 5 && random.nextInt(10) == 0 ? "\r\n" : "\n\n\n");
        }
        if (random.nextInt(4) == 0) md.setLength(md.length() - 1); // no final line feed
        return md.toString();
    }

    /**
     * Random bodies: QuickParse's tree is Flexmark's and the rendered article the same on every one it takes,
     * and it takes a fair share of them (so the comparison covers it) while leaving many to Flexmark.
     */
    @Test
    void randomBodies() {
        Random random = new Random(20261123L);
        int bodies = 6000;
        int quick = 0;
        for (int n = 0; n < bodies; n++) {
            String md = randomBody(random);
            if (sameTree("random #" + n, md)) quick++;
            sameArticle("random #" + n + ":\n" + md, RENDERER.renderWithFlexmark(article(), md, TARGETS),
                    RENDERER.render(article(), md, TARGETS));
        }
        System.out.println("[quickparse] random bodies: " + quick + " of " + bodies + " take the fast path");
        assertTrue(quick > bodies / 10 && quick < bodies * 9 / 10, "quick: " + quick + " of " + bodies);
    }

    /** Random bodies from plain fragments only: QuickParse takes most of them, and agrees. */
    @Test
    void randomPlainBodies() {
        String[] plain = {"word", "some words", "*em*", "**strong**", "don't", "it's", "\"quoted\"", "'single'",
                "others'", "--", "---", "...", "[link](b.md)", "[frag](b.md#first-part)", "**[b](c.md)**", "(aside)",
                "a, b; c: d? e!", "1.5", "#1", "+1", "'tis", "*a \"b\" c*", "\"a *b* c\""};
        String[] starts = {"", "", "", "- ", "* ", "1. ", "2. ", "> ", "## ", "### "};
        Random random = new Random(7L);
        int bodies = 3000;
        int quick = 0;
        for (int n = 0; n < bodies; n++) {
            StringBuilder md = new StringBuilder();
            int lines = 1 + random.nextInt(12);
            for (int i = 0; i < lines; i++) {
                md.append(starts[random.nextInt(starts.length)]);
                int parts = 1 + random.nextInt(6);
                for (int k = 0; k < parts; k++) {
                    if (k > 0) md.append(' ');
                    md.append(plain[random.nextInt(plain.length)]);
                }
                md.append(random.nextInt(3) == 0 ? "\n\n" : "\n");
            }
            String body = md.toString();
            if (sameTree("plain #" + n, body)) quick++;
            sameArticle("plain #" + n + ":\n" + body, RENDERER.renderWithFlexmark(article(), body, TARGETS),
                    RENDERER.render(article(), body, TARGETS));
        }
        System.out.println("[quickparse] random plain bodies: " + quick + " of " + bodies + " take the fast path");
        assertTrue(quick * 10 >= bodies * 5, "quick: " + quick + " of " + bodies);
    }

    private static final LinkTargets TARGETS = TestTargets.of(Map.of("content/guides/b.md", "/guides/b/",
            "content/x/y.md", "/x/y/", "content/guides/c.md", "/guides/c/"));

    private static Article article() {
        return new Article("content/guides/a.md", "guides", "a", Article.Kind.ARTICLE, "A", null, null, List.of(),
                false, "", "a", List.of(), ResourceType.GUIDE, "", List.of(), 0, 5, 0, 0, 0, true, Details.NONE);
    }
}

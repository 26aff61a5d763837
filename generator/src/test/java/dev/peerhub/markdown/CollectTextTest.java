package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.peerhub.site.Page;
import dev.peerhub.testing.SiteInMemory;
import dev.peerhub.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MarkdownRenderer#collectText} (the passages' and table of contents' text) equals what Flexmark's
 * deprecated {@link TextCollectingVisitor} collects, stripped, once every typographic node is replaced by the
 * source characters it stands for (which the visitor would drop), on every node it is used on: every block at the top level and every
 * heading, of trees from both parsers (QuickParse's and Flexmark's), over the sample hub, the seeds, a
 * generated corpus and random bodies. The plain-text shortcut must also be taken, or the test proves nothing.
 */
class CollectTextTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    /** [nodes compared, nodes the shortcut took] */
    private final int[] counts = new int[2];

    private void compare(String label, String body) {
        compareTree(label, RENDERER.flexmarkParseForTest(body));
        Document quick = QuickParseTest.quick(body);
        if (quick != null) compareTree(label + " (QuickParse)", quick);
    }

    @SuppressWarnings("deprecation")
    private void compareTree(String label, Document doc) {
        List<Node> nodes = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n.getParent() != doc && !(n instanceof Heading)) continue;
            nodes.add(n);
            actual.add(MarkdownRenderer.collectText(n));
            counts[0]++;
            if ((n instanceof Paragraph || n instanceof Heading) && n.getParent() == doc && isPlain(n)) counts[1]++;
        }
        typographyAsSource(doc);
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String expected = new TextCollectingVisitor().collectAndGetText(n).strip();
            assertEquals(expected, actual.get(i), () -> "text of " + n + " in " + label);
        }
    }

    /** Replaces each typographic node by text nodes of its source characters (quotes keep their children). */
    static void typographyAsSource(Document doc) {
        List<Node> typographic = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof TypographicSmarts || n instanceof TypographicQuotes) typographic.add(n);
        }
        for (Node n : typographic) {
            if (n instanceof TypographicSmarts s) {
                s.insertBefore(new Text(s.getChars()));
            } else {
                TypographicQuotes q = (TypographicQuotes) n;
                q.insertBefore(new Text(q.getOpeningMarker()));
                for (Node k = q.getFirstChild(); k != null; ) {
                    Node next = k.getNext();
                    k.unlink();
                    q.insertBefore(k);
                    k = next;
                }
                q.insertBefore(new Text(q.getClosingMarker()));
            }
            n.unlink();
        }
    }

    private static boolean isPlain(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c.getClass() != com.vladsch.flexmark.ast.Text.class && c.getClass() != com.vladsch.flexmark.ast.SoftLineBreak.class) return false;
        }
        return n.getFirstChild() != null;
    }

    private void compareSite(SiteInMemory s) {
        for (Page p : s.site().allPages()) {
            String where = p.article().sourcePath();
            compare(where, s.bodies().get(where));
        }
    }

    @Test
    void sampleHubAndSeeds() throws Exception {
        compareSite(SiteInMemory.load(TestSite.repo()));
        compareSite(SiteInMemory.of(TestSite.MINIMAL_CONFIG, TestSite.seedGuides()));
        assertTrue(counts[1] * 4 >= counts[0], counts[1] + " of " + counts[0] + " nodes plain");
    }

    @Test
    void generatedCorpus(@TempDir Path dir) throws Exception {
        compareSite(GeneratedCorpus.of(dir, 200, 21));
        System.out.println("[collecttext] generated corpus: " + counts[1] + " of " + counts[0] + " nodes plain");
        assertTrue(counts[1] * 2 >= counts[0], counts[1] + " of " + counts[0] + " nodes plain");
    }

    @Test
    void randomBodiesAndEdgeCases() {
        Random random = new Random(20261123);
        for (int i = 0; i < 6000; i++) {
            String body = QuickParseTest.randomBody(random);
            compare("random body " + i, body);
        }
        for (String md : FastHtmlTest.EDGE_CASES) compare(md, md);
        String[] more = {"a\\*b\nc", "a &amp; b", "line  \nhard break", "line\\\nhard", "  indented\n   continuation",
            "# Title #", "## \"Quoted\" -- heading", "a\r\nb\r\n", "text `code` text", "x\n\n\n\ny", "é ü 😀\nnext"};
        for (String md : more) compare(md, md);
        assertTrue(counts[1] > 1000, counts[1] + " of " + counts[0]);
    }

    /** What the writer typed survives in the text: apostrophes, dashes, ellipses (the search index reads it). */
    @Test
    void typographyKeepsTheWritersCharacters() {
        Document doc = RENDERER.flexmarkParseForTest("We don't *need* rules -- it's 2--3 days... or \"so\" they say.\n\n## Don't panic\n");
        assertEquals("We don't need rules -- it's 2--3 days... or \"so\" they say.", MarkdownRenderer.collectText(doc.getFirstChild()));
        assertEquals("Don't panic", MarkdownRenderer.collectText(doc.getLastChild()));
        Document quick = QuickParseTest.quick("It's here -- isn't it...\n");
        org.junit.jupiter.api.Assertions.assertNotNull(quick);
        assertEquals("It's here -- isn't it...", MarkdownRenderer.collectText(quick.getFirstChild()));
    }
}

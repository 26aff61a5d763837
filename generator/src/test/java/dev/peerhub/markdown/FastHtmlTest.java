package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Differential tests: {@link FastHtml} must render exactly what Flexmark's renderer renders. */
class FastHtmlTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    /** Asserts both renderers agree on the document and that the fast one handled it. */
    static void same(String markdown) {
        same(markdown, markdown);
    }

    static void same(String label, String markdown) {
        String expected = RENDERER.flexmarkForTest().render(RENDERER.parseForTest(markdown));
        Document doc = RENDERER.parseForTest(markdown);
        assertTrue(RENDERER.fastHtmlForTest().handles(doc), () -> "falls back on " + label);
        String actual = RENDERER.fastHtmlForTest().renderFast(doc);
        assertEquals(expected, actual, () -> "differs on " + label);
        // render() parses a body with no '|' without the tables extension: the same tree, so the same HTML
        assertEquals(expected, RENDERER.flexmarkForTest().render(RENDERER.parsePickedForTest(markdown)),
                () -> "the parser picked for the body changes " + label);
    }

    private static List<Path> markdownFiles(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void sampleHub() throws IOException {
        Path content = Path.of("../content");
        assumeTrue(Files.isDirectory(content));
        List<Path> files = markdownFiles(content, ".md");
        assertFalse(files.isEmpty());
        for (Path p : files) same(p.toString(), Files.readString(p));
    }

    @Test
    void seeds() throws IOException {
        List<Path> files = markdownFiles(Path.of("src/test/resources/seeds"), "");
        files = files.stream().filter(Files::isRegularFile).toList();
        assertFalse(files.isEmpty());
        for (Path p : files) same(p.toString(), Files.readString(p));
    }

    @Test
    void generatedCorpus(@TempDir Path dir) throws Exception {
        Path generator = Path.of("../bench/CorpusGenerator.java");
        assumeTrue(Files.isRegularFile(generator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), generator.toString(), "--articles", "300", "--seed", "7",
                "--out", dir.toString(), "--templates", "../templates")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "corpus generator timed out");
        assertEquals(0, p.exitValue(), () -> readQuietly(dir.resolve("log.txt")));
        List<Path> files = markdownFiles(dir, ".md");
        assertTrue(files.size() >= 300, "articles: " + files.size());
        for (Path f : files) same(f.toString(), Files.readString(f));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static final String[] EDGE_CASES = {
            "",
            "\n\n\n",
            "plain",
            "# One\n\n## Two\n\n### Two\n\n## Two\n\n#### Four *em* `code`\n\n###### Six\n",
            "Setext\n======\n\nOther\n------\n",
            "## Duplicate\n\ntext\n\n## Duplicate\n\n## Duplicate!\n\n##   \n",
            "*em* **strong** ***both*** _u_ __uu__ ~~del~~ ~single~",
            "`code` `` a ` b `` `  spaced  ` `multi\nline`",
            "```java\nclass A {}\n\n\n  indented\n```\n\n```\nno info\n```\n\n~~~ python extra words\nx = 1 < 2 && \"q\"\n~~~\n\n```\n```\n",
            "    indented code\n      more\n\n\n    after blanks\n\ntext\n",
            "> quote\n> more\n>\n> > nested\n>\n> - list in quote\n> - two\n",
            "- a\n- b\n  - nested\n    - deeper\n- c\n\n1. one\n2. two\n\n3. three loose\n\n7) seven\n8) eight\n",
            "- loose\n\n- items\n\n  second paragraph\n\n* star\n+ plus\n",
            "1. item\n\n   ```\n   code in item\n   ```\n\n2. > quote in item\n",
            "- [ ] task\n- [x] done\n",
            "[link](http://example.com) [rel](page.md) [title](/a \"The title\") [single](/b 'it''s') [paren](/c (paren))",
            "[empty]() [angle](<a b>) [amp](/x?a=1&b=2) [ent](/x?a=1&amp;b=2) [esc](/x\\_y)",
            "[ref] [text][ref] [Ref][] [undefined] [undefined][nope] ![img][ref]\n\n[ref]: http://example.com/ref \"Ref title\"\n",
            "![alt](img.png) ![alt *em*](img.png \"Title & more\") ![](empty.png) ![remote](https://x.org/a.png)",
            "<http://auto.example.com> <https://x.org/a?b=c&d=e> <mail@example.com> www.example.com",
            "bare https://example.com/path?x=1. and (https://example.com/paren) and http://a.b/c_(d)_e, done",
            "[javascript](javascript:alert(1)) <javascript:alert(2)>",
            "<div>\n  <p>raw</p>\n</div>\n\ntext <span class=\"x\">inline</span> <script>alert(1)</script>\n",
            "<script>\nvar a = 1;\n\n\n\nvar b = 2;\n</script>\n\n<!-- comment -->\n\ntext <!-- inline comment --> more\n",
            "<!--\nmulti\n\nline\n-->\n",
            "<pre>\n  pre   text\n</pre>\n",
            "&amp; &#169; &nbsp; &#x27; &bogus; &copy &lt;tag&gt; AT&T 5 < 6 > 4 \"quoted\"",
            "\\* \\_ \\` \\\\ \\# \\[ \\] \\( \\) \\! \\& \\< \\a",
            "\"double\" 'single' it's -- --- ... <<angle>> \"nested 'quotes' here\"",
            "hard  \nbreak\\\nbackslash\nsoft",
            "***\n\n---\n\n___\n",
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | `3` |\n| x \\| y | [l](u) | |\n",
            "| h |\n|---|\n| only |\n| extra | col |\n\ntext\n",
            "h1 | h2\n--- | ---\nc1 | c2\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n[The *caption*]\n",
            "Text[^1] and again[^1] and other[^note].\n\n[^1]: First *note*.\n[^note]: Second\n\n    with paragraph\n\n[^unused]: never\n",
            "missing[^nope] footnote",
            "Term\n: Definition\n\nTerm 2\n: Def a\n\n: Def b loose\n\n## After\n",
            "Apple\n:   Pomaceous fruit\n\nOrange\n:   Citrus\n",
            "line one\nline two\n\n\n\nafter many blanks\n",
            "  leading spaces\n\ttab start\n",
            "trailing spaces   \nnext",
            "# Heading with `code` and [link](x) and \"quotes\"\n",
            "Héllo wörld — ünïcode 😀 and &mdash;\n\n## Überschrift ñ\n",
            "<https://example.com/a b> <not a link>",
            "a\r\nb\r\n\r\n```\r\ncode\r\n```\r\n",
            "* a\n\n      indented in list\n* b\n",
            "> ```\n> code in quote\n> ```\n",
            "para\n<div>\nhtml after para\n</div>\n",
            "1. a\n1. b\n\n5. c\n",
            "|a|\n|-|\n|<b>html</b>|\n|&amp;|\n",
            "- # Heading in item\n- ## Second `x`\n",
            "Term\n: def\n## Heading right after\n\nTerm\n: def\n\n> quote after\n",
            "- item\n\n  <div>\n    html in item\n  </div>\n",
            "Note[^a].\n\n[^a]: - list in footnote\n    - two\n\n    ```\n    code in footnote\n    ```\n",
            "> | t | u |\n> |---|---|\n> | 1 | 2 |\n",
            "[multi](/url \"title\nover lines\") and [q](/u 'say \"hi\"')",
            "[![img in link](i.png)](http://x.com) ![alt [link](u) text](i.png)",
            "# !!!\n\n#\n\n## ???\n\n## a & b\n\n## a & b\n",
            "0. zero\n1. one\n\n010. ten\n",
            "-\n  after empty marker\n- \n-   spaced\n",
            "[a&amp;b](/x?q=a&amp;r=&copy;&#169; \"T &amp; &lt;\")",
            "http://a.com/?x=<b> and https://y.com/\"quote\" and HTTP://UPPER.COM",
            "www.example.com is not linked but <www.example.com> maybe",
            "<DIV>\nupper\n</DIV>\n\n<?php echo 1; ?>\n\n<![CDATA[\nx\n]]>\n\n<!DOCTYPE html>\n",
            "    \ttab indented code\n\n\tcode with tab\n",
            "> quote\nlazy continuation\n\n> - a\n>\n>   b\n",
            "* * *\n- - -\n",
            "```\n\n\n```\n\n````\n```\nnested fence\n```\n````\n",
            "text\n\n    \n    code after blank indented line\n",
            "Footnotes[^1] [^2] [^1] [^3]\n\n[^2]: two\n[^1]: one\n[^3]: three *em* [link](http://e.com)\n",
            "| left | right |\n|:-----|------:|\n| `a|b` | c |\n\n| x |\n| --- |\n",
            "Line with trailing backslash\\\nand `code\\` and \\`not code`\n",
            "<a href=\"x\">raw anchor</a> <img src=x onerror=alert(1)>",
            "  - two-space list\n\n     1. nested ordered\n",
            "\"Smart 'nested' quotes\" and don't and 'tis and 90's and \"unclosed",
            "<<double angle>> << spaced >>",
            "[ref link][Ref Def]\n\n[ref def]: </with spaces> 'T'\n",
            "trailing text with no newline",
            "[x](/a\\&amp;b \"t \\&copy; & \\&#169;\") ![\\&amp; alt](i.png) `\\&amp;`",
    };

    @Test
    void edgeCases() {
        for (String md : EDGE_CASES) same(md);
    }

    /** As {@code renderInline} renders: heading ids not generated before rendering. */
    @Test
    void edgeCasesWithoutPregeneratedHeadingIds() {
        for (String md : EDGE_CASES) {
            Document expectedDoc = withoutHeadingIds(RENDERER.parseForTest(md));
            Document doc = withoutHeadingIds(RENDERER.parseForTest(md));
            assertTrue(RENDERER.fastHtmlForTest().handles(doc));
            assertEquals(RENDERER.flexmarkForTest().render(expectedDoc), RENDERER.fastHtmlForTest().renderFast(doc), md);
        }
        assertEquals("<em>x</em> <a href=\"https://e.com\" rel=\"noreferrer noopener\">https://e.com</a>",
                RENDERER.renderInline("*x* https://e.com"));
    }

    private static Document withoutHeadingIds(Document doc) {
        for (Node n : doc.getDescendants()) if (n instanceof Heading h) h.setAnchorRefId("");
        return doc;
    }

    @Test
    void edgeCasesHaveEveryNodeTypeTheFastRendererHandles() {
        Set<Class<?>> seen = new HashSet<>();
        for (String md : EDGE_CASES) {
            Document doc = RENDERER.parseForTest(md);
            seen.add(doc.getClass());
            for (Node n : doc.getDescendants()) seen.add(n.getClass());
        }
        Set<Class<?>> missing = new HashSet<>(FastHtml.SUPPORTED);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing);
    }

    private static final String[] BLOCKS = {
            "# Title", "## Section %s", "### Sub `code`", "Setext\n---", "plain paragraph %s", "> quote %s",
            "> > nested quote", "- item %s\n- item two", "1. first\n2. second", "3. start three\n4. four",
            "- loose\n\n- list", "```\ncode %s\n```", "```js\nlet a = '<b>';\n```", "    indented %s",
            "***", "---", "<div>\n  block %s\n</div>", "<script>x</script>", "<!-- c -->",
            "| a | b |\n|---|:-:|\n| %s | 2 |", "Term\n: def %s", "[^1]: foot %s", "[r]: http://r.example.com \"T\"",
            "Term\n: one\n\n: two", "- a\n  - b\n    - c", "> - q\n> - r", "",
    };

    private static final String[] INLINES = {
            "word", "*em*", "**strong**", "_em_", "__strong__", "~~del~~", "`code`", "[link](http://x.com)",
            "[rel](a.md)", "![img](i.png \"t\")", "[r]", "[text][r]", "<http://auto.com>", "https://bare.com/x.",
            "&amp;", "&copy;", "&#169;", "\\*", "\\\\", "<span>", "</span>", "<b>x</b>", "\"quoted\"", "'single'",
            "it's", "--", "---", "...", "  \n", "\\\n", "\n", "[^1]", "[^x]", "&", "<", ">", "a&b", "*", "_",
            "[", "]", "(", ")", "|", "  ", "\t", "é", "—", "**bold *nested em* bold**", "[*em link*](u \"t\")",
            "`a  b`", "<!-- c -->", "<x@y.com>", "[javascript](javascript:void(0))",
    };

    @Test
    void randomSnippets() {
        Random random = new Random(20261123L);
        int handled = 0;
        for (int n = 0; n < 2000; n++) {
            StringBuilder md = new StringBuilder();
            int blocks = 1 + random.nextInt(5);
            for (int b = 0; b < blocks; b++) {
                String block = BLOCKS[random.nextInt(BLOCKS.length)];
                StringBuilder inline = new StringBuilder();
                int parts = 1 + random.nextInt(6);
                for (int i = 0; i < parts; i++) {
                    if (i > 0 && random.nextBoolean()) inline.append(' ');
                    inline.append(INLINES[random.nextInt(INLINES.length)]);
                }
                md.append(block.contains("%s") ? block.replace("%s", inline) : block + (block.isEmpty() ? inline : ""));
                md.append(random.nextInt(4) == 0 ? "\n" : "\n\n");
            }
            String s = md.toString();
            if (random.nextInt(4) == 0) s = nest(s, random);
            same("random #" + n + ":\n" + s, s);
            handled++;
        }
        assertEquals(2000, handled);
    }

    /** Puts a snippet inside a block quote, list item or footnote. */
    private static String nest(String s, Random random) {
        String first;
        String rest;
        switch (random.nextInt(4)) {
            case 0 -> { first = "> "; rest = "> "; }
            case 1 -> { first = "- "; rest = "  "; }
            case 2 -> { first = "1. "; rest = "   "; }
            default -> { first = "x[^n]\n\n[^n]: "; rest = "    "; }
        }
        StringBuilder out = new StringBuilder(first);
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n').append(lines[i].isEmpty() && random.nextBoolean() ? "" : rest);
            out.append(lines[i]);
        }
        return out.toString();
    }

    /** A node class the fast renderer does not know. */
    static final class Unknown extends Node {
        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /** A subclass of a known node: only exact classes are handled. */
    static final class SpecialEmphasis extends Emphasis {
        SpecialEmphasis(String text) {
            appendChild(new Text(BasedSequence.of(text)));
        }
    }

    @Test
    void unknownNodeTypesFallBackToFlexmark() {
        String md = "Some *text* here.\n\nMore.\n";
        Document plain = RENDERER.parseForTest(md);
        assertTrue(RENDERER.fastHtmlForTest().handles(plain));

        Document withUnknown = RENDERER.parseForTest(md);
        withUnknown.getFirstChild().appendChild(new Unknown());
        assertFalse(RENDERER.fastHtmlForTest().handles(withUnknown));
        Document reference = RENDERER.parseForTest(md);
        reference.getFirstChild().appendChild(new Unknown());
        assertEquals(RENDERER.flexmarkForTest().render(reference), RENDERER.fastHtmlForTest().render(withUnknown));

        Document withSubclass = RENDERER.parseForTest(md);
        withSubclass.getLastChild().appendChild(new SpecialEmphasis(" extra"));
        assertFalse(RENDERER.fastHtmlForTest().handles(withSubclass));
        Document reference2 = RENDERER.parseForTest(md);
        reference2.getLastChild().appendChild(new SpecialEmphasis(" extra"));
        assertEquals(RENDERER.flexmarkForTest().render(reference2), RENDERER.fastHtmlForTest().render(withSubclass));
    }

    @Test
    void entityLengthFollowsFlexmarksPattern() {
        assertEquals(5, FastHtml.entityLength("&amp;", 0));
        assertEquals(6, FastHtml.entityLength("&#169;", 0));
        assertEquals(6, FastHtml.entityLength("&#X27;", 0));
        assertEquals(0, FastHtml.entityLength("&a;", 0));
        assertEquals(0, FastHtml.entityLength("& b", 0));
        assertEquals(0, FastHtml.entityLength("&#;", 0));
        assertEquals(0, FastHtml.entityLength("&#x;", 0));
        assertEquals(0, FastHtml.entityLength("&amp", 0));
    }

    /** Rendering time of a generated corpus, Flexmark's renderer against the fast one (prints figures). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "/tmp/fh-corpus");
        List<String> bodies = new ArrayList<>();
        for (Path p : markdownFiles(root, ".md")) bodies.add(Files.readString(p, StandardCharsets.UTF_8));
        List<Document> docs = new ArrayList<>();
        for (String b : bodies) docs.add(RENDERER.parseForTest(b));
        var flexmark = RENDERER.flexmarkForTest();
        var fast = RENDERER.fastHtmlForTest();
        long sink = 0;
        for (int warm = 0; warm < 5; warm++) {
            for (Document d : docs) sink += flexmark.render(d).length() + fast.render(d).length();
        }
        int rounds = 15;
        long flexNs = Long.MAX_VALUE;
        long fastNs = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (Document d : docs) sink += flexmark.render(d).length();
            long t1 = System.nanoTime();
            for (Document d : docs) sink += fast.render(d).length();
            long t2 = System.nanoTime();
            for (Document d : docs) sink += flexmark.render(d).length();
            long t3 = System.nanoTime();
            flexNs = Math.min(flexNs, Math.min(t1 - t0, t3 - t2));
            fastNs = Math.min(fastNs, t2 - t1);
        }
        int fallbacks = 0;
        for (Document d : docs) if (!fast.handles(d)) fallbacks++;
        System.out.printf("%d documents (%d fall back), best of %d rounds: Flexmark %.1f ms, fast %.1f ms, ratio %.1fx (sink %d)%n",
                docs.size(), fallbacks, rounds, flexNs / 1e6, fastNs / 1e6, (double) flexNs / fastNs, sink);
    }
}

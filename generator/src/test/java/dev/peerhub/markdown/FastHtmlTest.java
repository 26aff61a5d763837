package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    };

    @Test
    void edgeCases() {
        for (String md : EDGE_CASES) same(md);
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
            same("random #" + n + ":\n" + s, s);
            handled++;
        }
        assertEquals(2000, handled);
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
        int rounds = 5;
        long flexNs = Long.MAX_VALUE;
        long fastNs = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (Document d : docs) sink += flexmark.render(d).length();
            long t1 = System.nanoTime();
            for (Document d : docs) sink += fast.render(d).length();
            long t2 = System.nanoTime();
            flexNs = Math.min(flexNs, t1 - t0);
            fastNs = Math.min(fastNs, t2 - t1);
        }
        int fallbacks = 0;
        for (Document d : docs) if (!fast.handles(d)) fallbacks++;
        System.out.printf("%d documents (%d fall back), best of %d rounds: Flexmark %.1f ms, fast %.1f ms, ratio %.1fx (sink %d)%n",
                docs.size(), fallbacks, rounds, flexNs / 1e6, fastNs / 1e6, (double) flexNs / fastNs, sink);
    }
}

package dev.peerhub.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.peerhub.content.FrontMatter;
import dev.peerhub.content.SourceText;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@link QuickYaml} against SnakeYAML: wherever the fast reader answers, SnakeYAML must compose the same tree
 * (node kinds, keys in order, values, tags, styles, start marks of every node and end marks of scalars) without
 * any problem reported by {@link YamlText}; and the fast reader must answer for the common cases.
 */
class QuickYamlTest {

    /**
     * Compares both readers on {@code text}; true when the fast reader answered (and agreed), false when it
     * fell back.
     */
    static boolean check(String text) {
        MappingNode quick = QuickYaml.parse(text);
        if (quick == null) return false;
        Diagnostics d = new Diagnostics();
        Optional<YamlMap> viaSnake = YamlText.parseWithSnakeYaml(text, "content/a.md", 1, d);
        if (viaSnake.isEmpty() || d.errorCount() + d.warningCount() > 0) {
            fail("the fast reader accepted a text SnakeYAML refuses: " + d.sorted() + "\n---\n" + text);
        }
        Node snake = YamlText.compose(text);
        compare(snake, quick, "", text);
        return true;
    }

    private static void compare(Node expected, Node actual, String path, String text) {
        String where = " at " + (path.isEmpty() ? "the root" : path) + " in\n---\n" + text + "\n---";
        assertEquals(expected.getClass(), actual.getClass(), "node kind" + where);
        assertEquals(expected.getTag(), actual.getTag(), "tag" + where);
        assertMark(expected.getStartMark(), actual.getStartMark(), "start" + where);
        if (expected instanceof ScalarNode e && actual instanceof ScalarNode a) {
            assertEquals(e.getValue(), a.getValue(), "value" + where);
            assertEquals(e.getScalarStyle(), a.getScalarStyle(), "style" + where);
            assertMark(expected.getEndMark(), actual.getEndMark(), "end" + where);
        } else if (expected instanceof SequenceNode e && actual instanceof SequenceNode a) {
            assertEquals(e.getFlowStyle(), a.getFlowStyle(), "flow style" + where);
            assertEquals(e.getValue().size(), a.getValue().size(), "items" + where);
            for (int i = 0; i < e.getValue().size(); i++) {
                compare(e.getValue().get(i), a.getValue().get(i), path + "[" + i + "]", text);
            }
        } else if (expected instanceof MappingNode e && actual instanceof MappingNode a) {
            assertEquals(e.getFlowStyle(), a.getFlowStyle(), "flow style" + where);
            assertEquals(e.getValue().size(), a.getValue().size(), "entries" + where);
            for (int i = 0; i < e.getValue().size(); i++) {
                NodeTuple et = e.getValue().get(i);
                NodeTuple at = a.getValue().get(i);
                compare(et.getKeyNode(), at.getKeyNode(), path + "{key " + i + "}", text);
                String key = ((ScalarNode) et.getKeyNode()).getValue();
                compare(et.getValueNode(), at.getValueNode(), path + "." + key, text);
            }
        } else {
            fail("unexpected node " + expected + where);
        }
    }

    private static void assertMark(Mark expected, Mark actual, String what) {
        assertEquals(expected.getLine() + ":" + expected.getColumn() + "@" + expected.getIndex(),
                actual.getLine() + ":" + actual.getColumn() + "@" + actual.getIndex(), what);
    }

    /** The front matter of every Markdown file under {@code dir} (and site.yml files as they are). */
    private static List<String> yamlTexts(Path dir, String suffix) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> Files.isRegularFile(f)).sorted().toList()) {
                String name = p.getFileName().toString();
                String text = Files.readString(p);
                if (name.equals("site.yml")) {
                    texts.add(text);
                } else if (name.endsWith(suffix)) {
                    Optional<FrontMatter> fm = FrontMatter.split(new SourceText("content/x.md", text), new Diagnostics());
                    if (fm.isPresent() && fm.get().present()) texts.add(fm.get().yaml());
                }
            }
        }
        return texts;
    }

    private static int checkAll(List<String> texts) {
        int fast = 0;
        for (String t : texts) {
            if (check(t)) fast++;
        }
        return fast;
    }

    @Test
    void sampleHub() throws IOException {
        Path repo = TestSite.repo();
        List<String> texts = yamlTexts(repo.resolve("content"), ".md");
        texts.add(Files.readString(repo.resolve("site.yml")));
        int fast = checkAll(texts);
        System.out.println("sample hub: fast reader took " + fast + " of " + texts.size());
        assertTrue(texts.size() > 40, "hub files: " + texts.size());
        assertTrue(fast * 10 >= texts.size() * 8, "fast reader took " + fast + " of " + texts.size() + " hub texts");
    }

    @Test
    void seeds() throws IOException {
        List<String> texts = new ArrayList<>(yamlTexts(TestSite.repo().resolve("generator/src/test/resources/seeds"), ".txt"));
        Path shared = TestSite.repo().resolve("../shared/seeds").normalize();
        if (Files.isDirectory(shared)) texts.addAll(yamlTexts(shared, ".txt"));
        assertTrue(!texts.isEmpty());
        assertEquals(texts.size(), checkAll(texts), "every seed front matter takes the fast reader");
    }

    @Test
    void generatedCorpus(@TempDir Path dir) throws Exception {
        Path repo = TestSite.repo();
        Path generator = repo.resolve("bench/CorpusGenerator.java");
        Assumptions.assumeTrue(Files.isRegularFile(generator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), generator.toString(), "--articles", "300", "--seed", "7",
                "--out", dir.resolve("site").toString(), "--templates", repo.resolve("templates").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "corpus generator timed out");
        assertEquals(0, p.exitValue());
        List<String> texts = yamlTexts(dir.resolve("site"), ".md");
        int fast = checkAll(texts);
        System.out.println("generated corpus: fast reader took " + fast + " of " + texts.size());
        assertTrue(texts.size() >= 300, "generated texts: " + texts.size());
        assertTrue(fast * 10 >= texts.size() * 9, "fast reader took " + fast + " of " + texts.size() + " generated texts");
    }

    // ---- random texts from edge cases ----

    private static final String[] KEYS = {"title", "date", "tags", "draft", "summary", "slug", "weight", "yes", "on",
        "null", "a-b", "_x", "x1", "Title", "key with space", "'quoted'", "\"dq\"", "k.e.y", "2024", "-k", "é", "y", "~"};

    private static final String[] VALUES = {"plain words", "Plain: words", "a:b", "https://example.org/x?y=1",
        "#tag", "a #b", "a#b", "a # b", "2024-01-02", "2024-1-2", "2024-01-02T10:00:00Z", "2024-01-02 10:00",
        "2024-13-45", "yes", "no", "on", "off", "Yes", "TRUE", "True", "y", "n", "Y", "N", "true", "false",
        "1_000", "0x1F", "0o17", "017", "0", "00", "12", "-1", "+1", "1:30", "190:20:30", "1.5", ".5", "1e3",
        "1.0e+3", ".inf", "-.inf", ".NaN", "~", "null", "Null", "NULL", "", " ", "  trailing  ", "Círculo",
        "日本語", "emoji \uD83D\uDE00", "line\u2028sep", "nb\u00a0sp", "tab\there", "a, b", "a [b]", "a {b}",
        "'single'", "'it''s'", "''", "'  spaced  '", "'a: b'", "'# not a comment'", "'unclosed",
        "\"double\"", "\"\"", "\"a \\\" b\"", "\"a \\\\ b\"", "\"ends \\\\\"", "\"\\\"\"", "\"a\\\"", "\"a\\tb\"", "\"\\\\\\\"\"", "\"a\\nb\"", "\"unclosed", "\"a: b # c\"", "\"it's\"",
        "'a' trailing", "\"a\" 'b'", "'a'  ", "[a, b]", "[]", "[ ]", "['a', \"b\"]", "[a,]", "[a, [b]]",
        "[yes, 1_000, ~, 2024-01-02]", "{a: b}", "[a: b]", "[a #b]", "[ a , b ]", "[a,b]", "['x'  ,  y]", "[a",
        "&a x", "*a", "!!str x", "!x y", "|", ">", "- x", "? x", "@x", "`x`", "%x", "-x", "a - b", ":x", ",x",
        "x:", "x: y", "=", "<<", "a\\b", "'a\\b'", "...", "---", "a...", "@", "\u0085", "\uFEFFbom", "\u007f"};

    /** Values of the kinds front matter is written with (the subset, mostly), to mix with the edge cases. */
    private static final String[] COMMON = {"Finding a circle", "'A title: with a colon'", "\"Quoted, with commas\"",
        "2024-05-01", "'2024-05-01'", "false", "true", "12", "[Peer Support, 'Harm Reduction']", "[]", "'It''s fine'",
        "https://example.org/", "19:00", "\"19:00\"", "Europe/London", "in-person", "Círculo de integración"};

    private static String value(Random r) {
        return VALUES[r.nextInt(VALUES.length)];
    }

    private static String mostlyCommonValue(Random r) {
        return r.nextInt(4) == 0 ? value(r) : COMMON[r.nextInt(COMMON.length)];
    }

    private static String key(Random r) {
        return r.nextInt(4) == 0 ? KEYS[r.nextInt(KEYS.length)] : KEYS[r.nextInt(6)];
    }

    /** One line: mostly well-formed {@code key: value} lines, with odd spacing and odd lines mixed in. */
    private static void line(Random r, StringBuilder b, int indent, int depth) {
        String pad = " ".repeat(indent);
        switch (r.nextInt(20)) {
            case 0 -> b.append(pad).append(key(r)).append(':').append(value(r)).append('\n');
            case 1 -> b.append(pad).append(key(r)).append(":   ").append(value(r)).append("   \n");
            case 2 -> b.append(pad).append(key(r)).append(" : ").append(value(r)).append('\n');
            case 3 -> b.append(pad).append("# a comment\n");
            case 4 -> b.append(r.nextBoolean() ? "\n" : "   \n");
            case 5 -> b.append(pad).append(key(r)).append(": ").append(value(r)).append(" # comment\n");
            case 6 -> b.append(pad).append('\t').append(key(r)).append(": ").append(value(r)).append('\n');
            case 7 -> b.append(pad).append(key(r)).append(": ").append(value(r)).append("\r\n");
            case 8, 9 -> {
                // a nested block: a mapping or a sequence, indented or not
                b.append(pad).append(key(r)).append(':').append(r.nextBoolean() ? "" : "  ").append('\n');
                int inner = indent + (r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(4));
                int count = 1 + r.nextInt(4);
                boolean items = r.nextBoolean();
                for (int i = 0; i < count; i++) {
                    if (items) {
                        String ipad = " ".repeat(inner + (r.nextInt(12) == 0 ? 1 : 0));
                        b.append(ipad).append(r.nextInt(10) == 0 ? "-" : "- ").append(value(r)).append('\n');
                    } else if (depth < 3 && r.nextInt(5) == 0) {
                        line(r, b, inner, depth + 1);
                    } else {
                        b.append(" ".repeat(inner)).append(key(r)).append(": ").append(value(r)).append('\n');
                    }
                }
            }
            case 10 -> b.append(pad).append(key(r)).append(": ").append(value(r)).append("\n  continued\n");
            case 11 -> b.append(pad).append(key(r)).append(":\n");
            default -> b.append(pad).append(key(r)).append(": ").append(value(r)).append('\n');
        }
    }

    @Test
    void randomTextsFromEdgeCases() {
        Random r = new Random(20260917);
        int fast = 0;
        int total = 6000;
        for (int i = 0; i < total; i++) {
            StringBuilder b = new StringBuilder();
            int lines = 1 + r.nextInt(8);
            for (int j = 0; j < lines; j++) line(r, b, 0, 0);
            String text = b.toString();
            if (r.nextInt(6) == 0) text = text.substring(0, text.length() - 1);
            if (check(text)) fast++;
        }
        // both sides must be exercised: many texts read fast, many left to SnakeYAML
        System.out.println("random edge-case texts: fast reader took " + fast + " of " + total);
        assertTrue(fast > total / 20, "fast: " + fast + " of " + total);
        assertTrue(fast < total * 9 / 10, "fast: " + fast + " of " + total);
    }

    /** Well-formed texts only (so that most take the fast reader), each line's value from the edge cases. */
    @Test
    void randomWellFormedTexts() {
        Random r = new Random(7);
        int fast = 0;
        int total = 4000;
        for (int i = 0; i < total; i++) {
            StringBuilder b = new StringBuilder();
            int lines = 1 + r.nextInt(6);
            List<String> used = new ArrayList<>();
            for (int j = 0; j < lines; j++) {
                String k = key(r);
                if (used.contains(k) && r.nextInt(3) > 0) continue;
                used.add(k);
                b.append(k).append(':');
                switch (r.nextInt(6)) {
                    case 0 -> {
                        b.append('\n');
                        String pad = r.nextBoolean() ? "" : "  ";
                        for (int m = 0; m <= r.nextInt(3); m++) b.append(pad).append("- ").append(mostlyCommonValue(r)).append('\n');
                    }
                    case 1 -> {
                        b.append('\n');
                        for (int m = 0; m <= r.nextInt(3); m++) {
                            b.append("  ").append(KEYS[r.nextInt(6)]).append(": ").append(mostlyCommonValue(r)).append('\n');
                        }
                    }
                    default -> b.append(' ').append(mostlyCommonValue(r)).append('\n');
                }
            }
            if (check(b.toString())) fast++;
        }
        System.out.println("random well-formed texts: fast reader took " + fast + " of " + total);
        assertTrue(fast > total / 4, "fast: " + fast + " of " + total);
    }

    // ---- specific cases ----

    @Test
    void takesTheCommonShapes() {
        for (String text : List.of(
                "title: 'A title'\ndate: '2024-01-02'\ntags: ['A', 'B']\ndraft: false\nsummary: 'It''s short.'\n",
                "title: \"Circles\"\ndate: 2026-10-05\ntags: [integration circles]\nweight: 6\n",
                "schedule:\n  weekday: monday\n  time: \"19:00\"\n  duration: 90\nagreements:\n  - \"One\"\n  - 'Two'\n",
                "list:\n- a\n- 1_000\nnext: yes\n",
                "empty:\nafter: ~\nnothing: null\n",
                "\n\ntitle: x\n\n", "title: \"a \\\"b\\\" \\\\ c\"\n")) {
            assertTrue(check(text), text);
        }
        MappingNode m = QuickYaml.parse("a: yes\nb: 0x1F\nc: 1.5\nd: ~\ne: 2024-01-02\nf: x\n");
        assertNotNull(m);
        List<Tag> tags = m.getValue().stream().map(t -> t.getValueNode().getTag()).toList();
        assertEquals(List.of(Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.NULL, Tag.TIMESTAMP, Tag.STR), tags);
    }

    @Test
    void leavesEverythingElseToSnakeYaml() {
        for (String text : List.of("", "\n", "title: a\ntitle: b\n", "tags:\n\t- a\n", "title: a\r\ndate: b\r\n",
                "title: a # c\n", "# c\ntitle: a\n", "title: &a x\n", "title: *a\n", "title: !!str x\n",
                "title: |\n  a\n", "title: 'a\n  b'\n", "title: a\n  b\n", "title: \"a\\nb\"\n", "title: \"a\\\"\n", "title: {a: b}\n",
                "- a\n- b\n", "a: [b, [c]]\n", "a:\n  - b: c\n", "a: b: c\n", "? a\n: b\n", "title: \uD83D\uDE00\n",
                "---\ntitle: a\n", "a: x\n b: y\n", "  a: x\n")) {
            assertNull(QuickYaml.parse(text), text);
        }
    }

    @Test
    void theSwitchedPathGivesTheSameMapToReaders() {
        Diagnostics d = new Diagnostics();
        YamlMap map = YamlText.parseMapping("title: 42\ndate: 2024-02-30\n", "content/a.md", 1, d).orElseThrow();
        assertInstanceOf(YamlMap.class, map);
        map.string("title");
        map.date("date");
        assertEquals(List.of("content/a.md:2:8: error: 'title' must be text, got the number 42",
                "content/a.md:3:7: error: 'date' is not a real date: \"2024-02-30\" (February 2024 has 29 days)"),
                d.sorted().stream().map(x -> x.format()).toList());
    }
}

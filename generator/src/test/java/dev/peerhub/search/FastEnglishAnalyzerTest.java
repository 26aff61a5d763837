package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index's {@link FastEnglishAnalyzer} gives what {@link EnglishAnalyzer} gives (the queries' analyzer):
 * the same terms, position increments and offsets, and the same final offset and position increment, on
 * the sample hub, the seed documents, a dictionary, generated text and random text full of the characters
 * where the fast path has to step aside. One analyzer instance runs every case in turn, so its cache and
 * its reuse between values are tested too.
 */
class FastEnglishAnalyzerTest {
    private static final Path DICTIONARY = Path.of("/usr/share/dict/american-english");

    private static Analyzer english;
    private static Analyzer fast;
    private static int compared;

    @BeforeAll
    static void setUp() {
        english = SearchFields.analyzer("en"); // the queries' analyzer: EnglishAnalyzer, curly apostrophes as '
        fast = new FastEnglishAnalyzer();
    }

    @AfterAll
    static void tearDown() {
        english.close();
        fast.close();
    }

    @Test
    void sampleHubAndSeeds() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestSite.repo().resolve("content"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(TestSite.repo().resolve("generator/src/test/resources/seeds"))) {
            s.sorted().forEach(files::add);
        }
        assertTrue(files.size() > 12, files.toString());
        for (Path f : files) {
            String text = Files.readString(f);
            same(text);
            for (String line : text.split("\n")) same(line);
        }
    }

    @Test
    void dictionary() throws IOException {
        List<String> words = Files.isReadable(DICTIONARY) ? Files.readAllLines(DICTIONARY) : List.of();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            value.append(words.get(i)).append(i % 7 == 0 ? '\n' : ' ');
            if (value.length() > 4000) {
                same(value.toString());
                value.setLength(0);
            }
        }
        same(value.toString());
    }

    @Test
    void generatedText() {
        Random r = new Random(7);
        List<String> vocab = TestCorpus.vocabulary(r, 500);
        for (int i = 0; i < 300; i++) same(TestCorpus.text(r, vocab, 1 + r.nextInt(400)));
    }

    /** Pieces chosen to sit on every edge of the fast path: joiners, digits, non-ASCII, long words. */
    private static final String[] PIECES = {
        "word", "Words", "THE", "the", "a", "and", "running", "runner's", "runners'", "it's", "don't",
        "don’t", "Mary’s", "e.g.", "i.e", "a.b", "a..b", "a:b", "a::b", "a.", ".a", ":a", "a:", "self-care",
        "and/or", "x_y", "_x", "x_", "R2D2", "2020", "3.14", "1,000", "1;2", "10am", "am10", "(word)", "[w]",
        "\"quoted\"", "'single'", "‘curly’", "**bold**", "*em*", "#tag", "@user", "https://example.org/a_b",
        "café", "naïve", "Zürich", "straße", "ﬁne", "é", "e\u0301", "\u0301e", "x\u200Dy", "\u200D",
        "👍", "👍🏽", "🇫🇷", "日本語", "テスト", "ไทย", "한국어", "עברית", "ש\"ס", "ש'", "Ωmega", "ΣΊΣΥΦΟΣ",
        "\u00A0", "\u2028", "\f", "\u000B", "\u0000", "\u007F", "—", "–", "…", "&amp;", "<b>", "~", "^", "`x`",
        "a".repeat(254), "b".repeat(255), "c".repeat(256), "d".repeat(600), "Is", "IS", "TO", "tO", "Ing",
        "caresses", "ponies", "ties", "cats", "feed", "agreed", "plastered", "motoring", "happy", "sky",
        "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli", "radicalli",
    };
    private static final String[] GAPS = {" ", "  ", "\n", "\r\n", "\t", "", ".", ",", ", ", ". ", "-", "'", "’", ":", "_", "\n\n"};

    @Test
    void randomText() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(12);
            for (int k = 0; k < n; k++) {
                if (k > 0 || r.nextInt(4) == 0) s.append(GAPS[r.nextInt(GAPS.length)]);
                s.append(PIECES[r.nextInt(PIECES.length)]);
            }
            if (r.nextInt(4) == 0) s.append(GAPS[r.nextInt(GAPS.length)]);
            same(s.toString());
        }
        assertTrue(compared > 20_000);
    }

    /**
     * A chunk starting with a non-ASCII character sends the rest of the text through the real chain from the
     * separator before it, after chunks already taken by the fast path: marks, joiners and format characters that
     * attach to that separator, and letters that do not, with stop words pending across the switch.
     */
    @Test
    void aChunkStartingWithNonAsciiAfterFastChunks() {
        for (String lead : new String[] {"\u0301", "\u0301\u0301", "\u200D", "\u00AD", "\u200B", "\uFE0F", "é", "日", "’", "👍", "\u00A0"}) {
            for (String gap : new String[] {" ", "  ", "\n", "\t", "\r\n"}) {
                same("Running cats" + gap + lead + "cats and dogs’ tails");
                same("the" + gap + lead + "cats");
                same("one two three four" + gap + lead);
                same("a’s b" + gap + lead + "c’s" + gap + "é" + gap + lead + "d");
            }
        }
    }

    @Test
    void randomCharacters() {
        Random r = new Random(3);
        String alphabet = "aZq .:,;'’_-/0\n\t\"()é\u0301\u200D👍日";
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(16);
            for (int k = 0; k < n; k++) s.appendCodePoint(cps[r.nextInt(cps.length)]);
            same(s.toString());
        }
    }

    /** A cache emptied every 16 tokens gives the same tokens. */
    @Test
    void aSmallCache() {
        Analyzer small = new FastEnglishAnalyzer(16);
        Random r = new Random(5);
        List<String> vocab = TestCorpus.vocabulary(r, 100);
        for (int i = 0; i < 200; i++) {
            String text = TestCorpus.text(r, vocab, 1 + r.nextInt(100)) + " " + PIECES[r.nextInt(PIECES.length)];
            assertEquals(tokens(english, text), tokens(small, text), text);
        }
        small.close();
    }

    @Test
    void emptyAndBlankValues() {
        for (String s : new String[] {"", " ", "\n", "the", "the a an", ". , ;", "the end", "end the"}) same(s);
        for (String s : new String[] {"don\u2019t", "it\u2019s here", "\u2019quoted\u2019", "caf\u00e9\u2019s", "\u2019"}) same(s);
    }

    /** A value left half-read (as when indexing fails) does not spoil the next one. */
    @Test
    void aStreamAbandonedHalfWayLeavesTheNextValueIntact() throws IOException {
        try (TokenStream ts = fast.tokenStream("body", "first café (word) x_y second third")) {
            ts.reset();
            ts.incrementToken();
            ts.incrementToken();
        }
        same("again e.g. and again");
    }

    private static void same(String text) {
        assertEquals(tokens(english, text), tokens(fast, text), () -> "text: " + escape(text));
        compared++;
    }

    private static List<String> tokens(Analyzer a, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + inc.getPositionIncrement() + " " + off.startOffset() + "-" + off.endOffset());
            }
            ts.end();
            out.add("end +" + inc.getPositionIncrement() + " " + off.startOffset() + "-" + off.endOffset());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c >= 0x7F) b.append(String.format("\\u{%X}", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}

package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.output.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser client, run in Node on the exported index, returns the same top 10 as the Lucene
 * Searcher: same pages in the same order, scores equal to a relative 1e-5, same totals, fallback,
 * deep-link anchors, excerpts and facet counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientParityTest {

    @TempDir
    static Path tmp;

    List<SearchDocument> docs;
    List<OutputFile> files;
    Searcher searcher;
    List<ClientHarness.Query> queries;

    @BeforeAll
    void buildIndex() throws Exception {
        docs = TestCorpus.generate(42, 1500, 1500, 160);
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve("lucene"), "en")) {
            docs.parallelStream().forEach(indexer::add);
            files = indexer.finish();
        }
        searcher = Searcher.open(tmp.resolve("lucene"));
        queries = generateQueries(new Random(7));
    }

    private List<ClientHarness.Query> generateQueries(Random r) {
        List<ClientHarness.Query> qs = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (SearchDocument d : docs) {
            for (SearchDocument.Passage p : d.passages()) {
                for (String w : Excerpts.words(p.text())) {
                    String clean = w.replaceAll("[.,]+$", "");
                    if (clean.length() >= 2) words.add(clean);
                }
            }
        }
        java.util.function.Supplier<String> word = () -> words.get(r.nextInt(words.size()));
        for (int i = 0; i < 40; i++) qs.add(new ClientHarness.Query(word.get() + " "));
        for (int i = 0; i < 40; i++) {
            SearchDocument d = docs.get(r.nextInt(docs.size()));
            List<String> ws = Excerpts.words(d.body());
            qs.add(new ClientHarness.Query(ws.get(r.nextInt(ws.size())) + " " + ws.get(r.nextInt(ws.size())) + " "));
        }
        for (int i = 0; i < 30; i++) {
            SearchDocument d = docs.get(r.nextInt(docs.size()));
            List<String> ws = Excerpts.words(d.body());
            int at = r.nextInt(Math.max(1, ws.size() - 3));
            int len = 2 + r.nextInt(2);
            String phrase = String.join(" ", ws.subList(at, Math.min(ws.size(), at + len)));
            qs.add(new ClientHarness.Query((i % 3 == 0 ? word.get() + " " : "") + "\"" + phrase + "\" "));
        }
        for (int i = 0; i < 30; i++) {
            String w = word.get().replaceAll("[^\\p{L}\\p{Nd}]", "");
            if (w.length() < 2) w = "sup";
            String prefix = w.substring(0, Math.min(w.length(), 2 + r.nextInt(4)));
            qs.add(new ClientHarness.Query((i % 2 == 0 ? word.get() + " " : "") + prefix));
        }
        for (int i = 0; i < 30; i++) {
            String w = word.get().replaceAll("[^\\p{L}]", "").toLowerCase(java.util.Locale.ROOT);
            if (w.length() < 4) w = "supporting";
            qs.add(new ClientHarness.Query(typo(r, w) + " "));
        }
        for (int i = 0; i < 20; i++) qs.add(new ClientHarness.Query(word.get() + " -" + word.get() + " "));
        for (int i = 0; i < 24; i++) {
            String tag = i % 3 == 0 ? TestCorpus.TAGS[r.nextInt(TestCorpus.TAGS.length)] : null;
            String section = i % 3 == 1 ? TestCorpus.SECTIONS[r.nextInt(TestCorpus.SECTIONS.length)] : null;
            String type = i % 3 == 2 ? TestCorpus.TYPES[r.nextInt(TestCorpus.TYPES.length)] : null;
            qs.add(new ClientHarness.Query(word.get() + " ", 10, 0, tag, section, type, true));
        }
        for (int i = 0; i < 10; i++) qs.add(new ClientHarness.Query(word.get() + " " + word.get() + " " + word.get() + " "));
        for (String s : List.of("", "   ", "the of and ", "<b>support</b> ", "\"unterminated phrase", "-support",
                "\"the\" ", "SUPPORT ", "東京 ", "covid-19 ", "o'brien's ", "e-mail ", "peer support -groups ",
                "\"peer support\" -\"support groups\" ", "supprt ", "spuport ", "sup", "s", "zz", "<img src=x onerror=alert(1)>",
                "Zürich ", "café ", "cafe ", "the", "-", "\"\"", "support support ", "supporting supports ",
                "kalo ren", "mi")) {
            qs.add(new ClientHarness.Query(s));
        }
        qs.add(new ClientHarness.Query("support ", 10, 10, null, null, null, true));
        qs.add(new ClientHarness.Query("peer ", 5, 3, null, null, null, false));
        qs.add(new ClientHarness.Query("support ", 10, 0, "no such tag", null, null, true));
        // A typo in the last word: while it is being typed (prefix and typo expansions together)
        // and once a space follows (typo expansions only).
        for (int i = 0; i < 30; i++) {
            String w = word.get().replaceAll("[^\\p{L}]", "").toLowerCase(java.util.Locale.ROOT);
            if (w.length() < 4) w = "supporting";
            String typo = typo(r, w);
            String before = i % 3 == 0 ? "" : word.get() + " ";
            qs.add(new ClientHarness.Query(before + typo + (i % 5 == 4 ? " " : "")));
        }
        for (String s : List.of("supprt", "spuport", "peer supprt", "peer supprt ", "peer spuport", "grou",
                "peer grou", "grup", "suportin", "supportx", "peer supportx", "supportingg", "qqqq", "peer qqqq")) {
            qs.add(new ClientHarness.Query(s));
        }
        return qs;
    }

    static String typo(Random r, String w) {
        int i = 1 + r.nextInt(w.length() - 1);
        char c = (char) ('a' + r.nextInt(26));
        return switch (r.nextInt(4)) {
            case 0 -> w.substring(0, i) + c + w.substring(i + 1);
            case 1 -> w.substring(0, i) + w.substring(i + 1);
            case 2 -> w.substring(0, i) + c + w.substring(i);
            default -> i + 1 < w.length() ? w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2)
                    : w.substring(0, i) + c;
        };
    }

    @Test
    void clientReturnsLuceneTopTenWithTheSameScores() throws Exception {
        assertTrue(queries.size() >= 200, "at least 200 queries");
        Path dir = ClientHarness.install(tmp.resolve("site"), files, searcher,
                ClientHarness.analysedStrings(docs, queries), false);
        List<ClientHarness.Answer> answers = ClientHarness.run(dir, queries, true);
        compare(answers, true);
    }

    @Test
    void clientFallsBackToFragmentFilesWithoutRangeSupport() throws Exception {
        List<ClientHarness.Query> some = queries.subList(0, 20);
        Path dir = ClientHarness.install(tmp.resolve("norange"), files, searcher,
                ClientHarness.analysedStrings(docs, some), false);
        List<ClientHarness.Answer> answers = ClientHarness.run(dir, some, false);
        compare(answers, false);
    }

    /**
     * A page whose referrer policy would send its address: range requests by fetch, the same answers,
     * and the same requests and bytes as by XMLHttpRequest, with and without range support.
     */
    @Test
    void rangeRequestsByFetchGiveTheSameAnswers() throws Exception {
        Path dir = ClientHarness.install(tmp.resolve("fetch"), files, searcher,
                ClientHarness.analysedStrings(docs, queries), false);
        List<ClientHarness.Answer> byFetch = ClientHarness.run(dir, queries, true, ClientHarness.Transport.FETCH);
        compare(byFetch, true);
        sameTraffic(byFetch, ClientHarness.run(dir, queries, true, ClientHarness.Transport.XHR));
        List<ClientHarness.Query> some = queries.subList(0, 20);
        byFetch = ClientHarness.run(dir, some, false, ClientHarness.Transport.FETCH);
        compare(byFetch, false);
        sameTraffic(byFetch, ClientHarness.run(dir, some, false, ClientHarness.Transport.XHR));
    }

    private static void sameTraffic(List<ClientHarness.Answer> a, List<ClientHarness.Answer> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).requests(), b.get(i).requests(), "requests of query " + i);
            assertEquals(a.get(i).bytes(), b.get(i).bytes(), "bytes of query " + i);
        }
    }

    @Test
    void largeSitesFetchDocumentOffsetsByRangeOrWholeAndStillAgree() throws Exception {
        List<OutputFile> large;
        try (org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(
                org.apache.lucene.store.FSDirectory.open(tmp.resolve("lucene")))) {
            large = new IndexExporter(reader, "en", 0).export();
        }
        assertTrue(large.stream().noneMatch(f -> f.path().equals("search/manifest.json")
                && new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8).contains("docBlocks")));
        List<ClientHarness.Query> some = queries.subList(20, 140); // pairs, phrases, prefixes
        for (boolean ranges : new boolean[] {true, false}) {
            List<ClientHarness.Answer> byXhr = null;
            for (ClientHarness.Transport transport : ClientHarness.Transport.values()) {
                Path dir = ClientHarness.install(tmp.resolve("large-" + ranges + "-" + transport), large, searcher,
                        ClientHarness.analysedStrings(docs, some), false);
                List<ClientHarness.Answer> answers = ClientHarness.run(dir, some, ranges, transport);
                for (int i = 0; i < some.size(); i++) {
                    SearchResults e = searcher.search(some.get(i).q(), some.get(i).options());
                    ClientHarness.Answer a = answers.get(i);
                    assertEquals(null, a.error(), some.get(i).q());
                    assertEquals(e.results().stream().map(SearchResults.Result::url).toList(),
                            a.hits().stream().map(ClientHarness.Hit::url).toList(), some.get(i).q());
                    assertEquals(e.results().stream().map(SearchResults.Result::excerptHtml).toList(),
                            a.hits().stream().map(ClientHarness.Hit::excerptHtml).toList(), some.get(i).q());
                }
                if (byXhr == null) byXhr = answers;
                else sameTraffic(byXhr, answers); // without ranges: the offsets file kept whole either way
            }
        }
    }

    /** Many typo candidates: the 50 kept, their blended doc freq and similarity boosts must agree. */
    @Test
    void typoToleranceKeepsTheSameFiftyExpansionsAsLucene() throws Exception {
        String consonants = "bcdfghjkmnpqrtvwxz";
        Random r = new Random(99);
        List<SearchDocument> fuzzy = new ArrayList<>();
        for (int d = 0; d < 300; d++) {
            StringBuilder body = new StringBuilder("Notes about");
            for (int k = 0; k < 6; k++) {
                char x = consonants.charAt(r.nextInt(consonants.length()));
                char y = consonants.charAt(r.nextInt(consonants.length()));
                String w = switch (r.nextInt(4)) {
                    case 0 -> "abcdef" + y;
                    case 1 -> "abcde" + x + "g";
                    case 2 -> "abcde" + x + y;
                    default -> "abcd" + x + "fg";
                };
                if (w.equals("abcdefg")) w = "abcdefh";
                body.append(' ').append(w);
            }
            fuzzy.add(new SearchDocument(String.format("/f/%03d/", d), r.nextInt(5) == 0 ? "abcdekg title" : "Page",
                    "", List.of(), "", "", java.time.LocalDate.of(2024, 1, 1), "",
                    List.of(new SearchDocument.Passage("", "", body.toString()))));
        }
        Path lucene = tmp.resolve("fuzzy-lucene");
        List<OutputFile> fuzzyFiles;
        try (SearchIndexer indexer = new SearchIndexer(lucene, "en")) {
            fuzzy.forEach(indexer::add);
            fuzzyFiles = indexer.finish();
        }
        try (Searcher fs = Searcher.open(lucene)) {
            // Every match compared (limit 300), not only the top ten: a wrong cut at 50 changes
            // the scores of the pages holding the terms left out.
            List<ClientHarness.Query> qs = new ArrayList<>();
            for (String q : List.of("abcdefg ", "abcdfg ", "abcdkfg notes ", "abdcefg ",
                    // the word being typed: typo expansions only, then prefix and typo expansions
                    // sharing terms (the ten "abcdef?" completions are also within 2 edits)
                    "abcdfg", "notes abdcefg", "abcdef", "abcdeg")) {
                qs.add(new ClientHarness.Query(q, 300, 0, null, null, null, false));
            }
            Path dir = ClientHarness.install(tmp.resolve("fuzzy"), fuzzyFiles, fs, ClientHarness.analysedStrings(fuzzy, qs), false);
            List<ClientHarness.Answer> answers = ClientHarness.run(dir, qs, true);
            for (int i = 0; i < qs.size(); i++) {
                SearchResults e = fs.search(qs.get(i).q(), qs.get(i).options());
                ClientHarness.Answer a = answers.get(i);
                assertEquals(null, a.error());
                assertTrue(e.total() > 10, qs.get(i).q() + " should match many pages");
                assertEquals(e.total(), a.total(), qs.get(i).q());
                assertEquals(e.results().stream().map(SearchResults.Result::url).toList(),
                        a.hits().stream().map(ClientHarness.Hit::url).toList(), qs.get(i).q());
                for (int k = 0; k < a.hits().size(); k++) {
                    assertEquals(e.results().get(k).score(), a.hits().get(k).score(), 1e-5 * e.results().get(k).score());
                }
            }
        }
    }

    @Test
    void clientWithTheRealAnalyzerAgreesWithLucene() throws Exception {
        Assumptions.assumeTrue(ClientHarness.realAnalyzerAvailable(), "analyzer.js has not landed yet");
        Path dir = ClientHarness.install(tmp.resolve("real"), files, searcher, List.of(), true);
        List<ClientHarness.Answer> answers = ClientHarness.run(dir, queries, true);
        compare(answers, true);
    }

    @Test
    void aNonEnglishSiteUsesTheStandardAnalyzerOnBothSides() throws Exception {
        Assumptions.assumeTrue(ClientHarness.realAnalyzerAvailable(), "analyzer.js has not landed yet");
        List<SearchDocument> fr = TestCorpus.generate(8, 300, 300, 80);
        Path lucene = tmp.resolve("fr-lucene");
        List<OutputFile> frFiles;
        try (SearchIndexer indexer = new SearchIndexer(lucene, "fr")) {
            fr.forEach(indexer::add);
            frFiles = indexer.finish();
        }
        try (Searcher frSearcher = Searcher.open(lucene)) {
            assertEquals("fr", frSearcher.language());
            List<ClientHarness.Query> qs = new ArrayList<>();
            for (String q : List.of("supporting ", "the support ", "\"peer support\" ", "sup", "Supportng ", "groups -peer ",
                    "café ", "Zürich ", "o'brien's ", "covid-19 ")) {
                qs.add(new ClientHarness.Query(q));
            }
            Path dir = ClientHarness.install(tmp.resolve("fr"), frFiles, frSearcher, List.of(), true);
            List<ClientHarness.Answer> answers = ClientHarness.run(dir, qs, true);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < qs.size(); i++) {
                SearchResults e = frSearcher.search(qs.get(i).q(), qs.get(i).options());
                ClientHarness.Answer a = answers.get(i);
                List<String> want = e.results().stream().map(SearchResults.Result::url).toList();
                List<String> got = a.hits().stream().map(ClientHarness.Hit::url).toList();
                if (a.error() != null || e.total() != a.total() || !want.equals(got)) {
                    failures.add(qs.get(i).q() + ": " + a.total() + " " + got + " " + a.error() + ", Lucene " + e.total() + " " + want);
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    private void compare(List<ClientHarness.Answer> answers, boolean checkAll) throws Exception {
        List<String> failures = new ArrayList<>();
        int n = checkAll ? queries.size() : answers.size();
        for (int i = 0; i < n; i++) {
            ClientHarness.Query q = queries.get(i);
            ClientHarness.Answer a = answers.get(i);
            String label = "query " + i + " " + Json.quote(q.q()) + " " + q.options();
            if (a.error() != null) {
                failures.add(label + ": client threw " + a.error());
                continue;
            }
            SearchResults expected = searcher.search(q.q(), q.options());
            if (expected.total() != a.total()) failures.add(label + ": total " + a.total() + ", Lucene " + expected.total());
            if (!java.util.Objects.equals(expected.fallback(), a.fallback())) {
                failures.add(label + ": fallback " + a.fallback() + ", Lucene " + expected.fallback());
            }
            if (expected.results().size() != a.hits().size()) {
                failures.add(label + ": " + a.hits().size() + " results, Lucene " + expected.results().size());
                continue;
            }
            for (int k = 0; k < a.hits().size(); k++) {
                SearchResults.Result e = expected.results().get(k);
                ClientHarness.Hit h = a.hits().get(k);
                if (!e.url().equals(h.url())) {
                    failures.add(label + ": rank " + (k + 1) + " is " + h.url() + " (" + h.score() + "), Lucene " + e.url()
                            + " (" + e.score() + ")");
                    break;
                }
                if (Math.abs(e.score() - h.score()) > 1e-5 * Math.abs(e.score())) {
                    failures.add(label + ": score of " + h.url() + " " + h.score() + ", Lucene " + e.score());
                }
                if (!ClientHarness.displayJson(e).equals(h.displayJson())) {
                    failures.add(label + ": display data of " + h.url() + " " + h.displayJson() + ", Lucene "
                            + ClientHarness.displayJson(e));
                }
                if (!e.anchor().equals(h.anchor()) || !e.excerptHtml().equals(h.excerptHtml())) {
                    failures.add(label + ": excerpt of " + h.url() + " #" + h.anchor() + " " + h.excerptHtml()
                            + "\n   Lucene #" + e.anchor() + " " + e.excerptHtml());
                }
            }
            if (q.facets()) {
                String want = facetsJson(expected.facets());
                if (!want.equals(a.facetsJson())) failures.add(label + ": facets " + a.facetsJson() + ", Lucene " + want);
            }
        }
        if (System.getProperty("parity.dump") != null) {
            StringBuilder dump = new StringBuilder();
            for (int i = 0; i < n; i++) {
                ClientHarness.Answer a = answers.get(i);
                dump.append(i).append('\t').append(Json.quote(queries.get(i).q())).append('\t').append(a.total())
                        .append('\t').append(a.fallback()).append('\t').append(a.requests()).append('\t')
                        .append(a.bytes()).append('\t').append(a.hits().isEmpty() ? "" : a.hits().get(0).excerptHtml())
                        .append('\n');
            }
            java.nio.file.Files.writeString(Path.of(System.getProperty("parity.dump")), dump);
        }
        long withResults = answers.stream().limit(n).filter(a -> a.total() > 0).count();
        long fallbacks = answers.stream().limit(n).filter(a -> a.fallback() != null).count();
        System.out.printf("parity: %d queries, %d with results, %d fell back to any word%n", n, withResults, fallbacks);
        assertTrue(withResults > n / 2, "most generated queries find something");
        assertEquals(List.of(), failures, failures.size() + " differences over " + n + " queries");
    }

    /** The facets as JavaScript's JSON.stringify writes them. */
    static String facetsJson(SearchResults.Facets f) {
        return "{\"tags\":" + obj(f.tags()) + ",\"sections\":" + obj(f.sections()) + ",\"types\":" + obj(f.types()) + "}";
    }

    private static String obj(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(e.getKey().replace("\\", "\\\\").replace("\"", "\\\"")).append("\":").append(e.getValue());
        }
        return sb.append('}').toString();
    }
}

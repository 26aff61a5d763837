package dev.peerhub.search;

import dev.peerhub.output.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what a first query from a fresh page downloads (requests, bytes) on a large generated
 * corpus. Heavy, so it runs only when asked: {@code -Dsearch.budget.docs=10000}.
 */
class ClientBudgetTest {

    @TempDir
    Path tmp;

    /**
     * Pages of about 1,000 words made of random paragraphs of real prose (any folder of .txt
     * files, e.g. -Dsearch.budget.text=/usr/share/vim/vim90/doc), which compresses like real pages.
     */
    static List<SearchDocument> proseCorpus(Path dir, int count) throws java.io.IOException {
        List<String> paragraphs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String para : text.split("\n\\s*\n")) {
                    String clean = para.replaceAll("[*|~=<>\\-]{2,}", " ").replaceAll("\\s+", " ").strip();
                    if (Excerpts.words(clean).size() >= 15) paragraphs.add(clean);
                }
            }
        }
        Random r = new Random(5);
        List<SearchDocument> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            List<SearchDocument.Passage> passages = new ArrayList<>();
            int words = 0;
            int i = 0;
            while (words < 1000) {
                StringBuilder text = new StringBuilder();
                while (Excerpts.words(text.toString()).size() < 200) {
                    text.append(paragraphs.get(r.nextInt(paragraphs.size()))).append("\n\n");
                }
                List<String> hw = Excerpts.words(paragraphs.get(r.nextInt(paragraphs.size())));
                String heading = i == 0 ? "" : String.join(" ", hw.subList(0, Math.min(4, hw.size())));
                passages.add(new SearchDocument.Passage(i == 0 ? "" : "s" + i, heading, text.toString().strip()));
                words += Excerpts.words(text.toString()).size();
                i++;
            }
            List<String> tw = Excerpts.words(paragraphs.get(r.nextInt(paragraphs.size())));
            String title = String.join(" ", tw.subList(0, Math.min(6, tw.size())));
            List<String> sw = Excerpts.words(paragraphs.get(r.nextInt(paragraphs.size())));
            String summary = String.join(" ", sw.subList(0, Math.min(25, sw.size())));
            docs.add(new SearchDocument("/" + TestCorpus.SECTIONS[d % 3] + "/p" + d + "/", title, summary,
                    List.of(TestCorpus.TAGS[d % TestCorpus.TAGS.length]), TestCorpus.SECTIONS[d % 3],
                    TestCorpus.TYPES[d % 3], java.time.LocalDate.of(2021, 1, 1).plusDays(d % 1000), "", passages));
        }
        return docs;
    }

    @Test
    void firstQueryFromAFreshPageStaysWithinBudget() throws Exception {
        String n = System.getProperty("search.budget.docs");
        Assumptions.assumeTrue(n != null, "set -Dsearch.budget.docs=N to measure");
        int docsCount = Integer.parseInt(n);
        long t0 = System.nanoTime();
        String textDir = System.getProperty("search.budget.text");
        List<SearchDocument> docs = textDir == null ? TestCorpus.generate(11, docsCount, 30000, 1050)
                : proseCorpus(Path.of(textDir), docsCount);
        List<OutputFile> files;
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve("lucene"), "en")) {
            docs.parallelStream().forEach(indexer::add);
            files = indexer.finish();
        }
        long t1 = System.nanoTime();
        long words = docs.stream().mapToLong(d -> Excerpts.words(d.body()).size()).sum();
        long total = files.stream().mapToLong(f -> f.bytes().length).sum();
        System.out.printf("budget: %d docs, %d body words, index+export %.1f s, %d files, %.1f MB%n", docs.size(),
                words, (t1 - t0) / 1e9, files.size(), total / 1e6);
        for (String prefix : List.of("search/manifest.json", "search/t/", "search/p/", "search/l/", "search/d/",
                "search/o/", "search/f/")) {
            long size = files.stream().filter(f -> f.path().startsWith(prefix)).mapToLong(f -> f.bytes().length).sum();
            long count = files.stream().filter(f -> f.path().startsWith(prefix)).count();
            System.out.printf("budget:   %-22s %6d files %10d bytes%n", prefix, count, size);
        }
        Random r = new Random(3);
        List<ClientHarness.Query> queries = new ArrayList<>();
        for (String q : List.of("support ", "peer support ", "supporting groups ", "\"peer support\" ", "sup",
                "anxiety sleep ", "suport ", "facilitator training ", "window ", "buffer list ", "\"insert mode\" ",
                "regular expression ", "autocmd event ", "wndow ", "buf")) {
            queries.add(new ClientHarness.Query(q));
        }
        for (int i = 0; i < 6; i++) {
            SearchDocument d = docs.get(r.nextInt(docs.size()));
            List<String> ws = Excerpts.words(d.title());
            queries.add(new ClientHarness.Query(String.join(" ", ws.subList(0, Math.min(2, ws.size()))) + " "));
        }
        Path dir = System.getProperty("search.budget.dir") == null ? tmp.resolve("site")
                : Path.of(System.getProperty("search.budget.dir"));
        Files.createDirectories(dir);
        Path search = ClientHarness.install(dir, files, null, List.of(), true);
        List<ClientHarness.Answer> answers = ClientHarness.run(search, queries, true, true, ClientHarness.Transport.XHR);
        for (int i = 0; i < queries.size(); i++) {
            ClientHarness.Answer a = answers.get(i);
            System.out.printf("budget: %-32s total %6d  index+docs requests %d, bytes %7d %s%n",
                    Json.quote(queries.get(i).q()), a.total(), a.requests(), a.bytes(),
                    a.error() == null ? "" : a.error());
        }
    }
}

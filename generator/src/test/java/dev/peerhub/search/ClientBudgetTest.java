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

    @Test
    void firstQueryFromAFreshPageStaysWithinBudget() throws Exception {
        String n = System.getProperty("search.budget.docs");
        Assumptions.assumeTrue(n != null, "set -Dsearch.budget.docs=N to measure");
        int docsCount = Integer.parseInt(n);
        long t0 = System.nanoTime();
        List<SearchDocument> docs = TestCorpus.generate(11, docsCount, 30000, 1050);
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
                "anxiety sleep ", "suport ", "facilitator training ")) {
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
        List<ClientHarness.Answer> answers = ClientHarness.run(search, queries, true, true);
        for (int i = 0; i < queries.size(); i++) {
            ClientHarness.Answer a = answers.get(i);
            System.out.printf("budget: %-32s total %6d  index+docs requests %d, bytes %7d %s%n",
                    Json.quote(queries.get(i).q()), a.total(), a.requests(), a.bytes(),
                    a.error() == null ? "" : a.error());
        }
    }
}

package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarPagesTest {

    @TempDir
    Path tmp;

    static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void stop() {
        POOL.shutdown();
    }

    static SearchDocument page(String url, String title, String summary, String body) {
        return new SearchDocument(url, title, summary, List.of(), "guides", "guide", LocalDate.of(2024, 5, 1), "",
                List.of(new SearchDocument.Passage("", "", body)));
    }

    private Map<String, Map<String, Double>> similar(String name, List<SearchDocument> docs, boolean parallel) {
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve(name), "en")) {
            if (parallel) docs.parallelStream().forEach(indexer::add);
            else docs.forEach(indexer::add);
            Map<String, Map<String, Double>> result = indexer.similarPages(POOL);
            indexer.finish(); // the export still works after the similarity pass
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages about sleep, about grief, about music: filler words shared by all, a few topic words per group. */
    static List<SearchDocument> topics() {
        String filler = "people often share what happened and what helped them afterwards in the group";
        List<SearchDocument> docs = new ArrayList<>();
        String[][] groups = {
                {"sleep", "insomnia nightmares bedtime melatonin dreaming"},
                {"grief", "mourning bereavement funeral remembrance widow"},
                {"music", "playlist headphones melody rhythm drumming"}};
        for (String[] g : groups) {
            for (int i = 0; i < 4; i++) {
                docs.add(page("/" + g[0] + "-" + i + "/", "Notes on " + g[0] + " " + i, "",
                        filler + ". " + g[1] + ". " + filler + " " + g[1].split(" ")[i] + "."));
            }
        }
        return docs;
    }

    @Test
    void pagesSharingDistinctiveWordsAreSimilarAndWordsEveryPageHasAreIgnored() {
        Map<String, Map<String, Double>> similar = similar("topics", topics(), false);
        for (String group : List.of("sleep", "grief", "music")) {
            for (int i = 0; i < 4; i++) {
                Map<String, Double> mine = similar.get("/" + group + "-" + i + "/");
                assertEquals(3, mine.size(), group + i + ": " + mine);
                for (String other : mine.keySet()) assertTrue(other.startsWith("/" + group + "-"), group + i + " -> " + other);
                assertFalse(mine.containsKey("/" + group + "-" + i + "/"), "a page is not similar to itself");
                assertEquals(1.0, Collections.max(mine.values()), 1e-9, "the best hit scores 1");
            }
        }
    }

    @Test
    void theResultDoesNotDependOnTheOrderOrThreadsThePagesArrivedIn() {
        List<SearchDocument> docs = new ArrayList<>(topics());
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 80; w++) b.append("w").append(random.nextInt(2000)).append(' ');
            // identical twins tie exactly: the tie must break the same way every time
            docs.add(page("/gen-" + i + "/", "Generated " + (i % 50), "", b.toString()));
            if (i % 25 == 0) docs.add(page("/twin-" + i + "/", "Generated " + (i % 50), "", b.toString()));
        }
        Map<String, Map<String, Double>> first = similar("a", docs, false);
        List<SearchDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(1));
        assertEquals(first, similar("b", shuffled, true));
        Collections.reverse(shuffled);
        assertEquals(first, similar("c", shuffled, true));
        assertTrue(first.get("/gen-0/").containsKey("/twin-0/"), "a page's twin is among its similar pages");
        assertEquals(1.0, first.get("/gen-0/").get("/twin-0/"), 1e-9);
    }

    @Test
    void aPageWithNothingInCommonHasNoSimilarPages() {
        List<SearchDocument> docs = new ArrayList<>(topics());
        docs.add(page("/alone/", "Xylophones", "", "zebra quokka"));
        Map<String, Map<String, Double>> similar = similar("alone", docs, false);
        assertFalse(similar.containsKey("/alone/"));
        for (Map<String, Double> m : similar.values()) assertFalse(m.containsKey("/alone/"));
    }

    @Test
    void oneOrNoPagesGiveNothing() {
        assertEquals(Map.of(), similar("none", List.of(), false));
        assertEquals(Map.of(), similar("one", List.of(page("/a/", "A", "", "sleep sleep")), false));
    }

    @Test
    void titleWordsCountToo() {
        List<SearchDocument> docs = new ArrayList<>(topics());
        // "melatonin" only in the title of the new page: it still finds the sleep pages
        docs.add(page("/new/", "Melatonin and insomnia", "", "people often share what happened"));
        Map<String, Double> mine = similar("title", docs, false).get("/new/");
        assertTrue(mine.keySet().stream().allMatch(u -> u.startsWith("/sleep-")), mine.toString());
    }
}

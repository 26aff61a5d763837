package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typo in a suffix the stemmer removes: the typed word stays whole while the index has the short
 * stem ({@code integraton} against {@code integr}), too many edits apart for a fuzzy query alone.
 * {@link Searcher#corrections} finds the stem through the word's one-edit variants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypoCorrectionTest {

    @TempDir
    static Path tmp;

    Searcher searcher;

    @BeforeAll
    void index() throws Exception {
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve("i"), "en")) {
            indexer.add(SearcherTest.doc("/integration/", "After the circle", "guides", "guide", List.of(),
                    "Integration is the slow work of making sense of an experience."));
            indexer.add(SearcherTest.doc("/interactions/", "Medicines", "guides", "guide", List.of(),
                    "Some medicines interact badly with others."));
            indexer.add(SearcherTest.doc("/meditation/", "Sitting still", "guides", "guide", List.of(),
                    "Meditation helps some people settle."));
            indexer.finish();
        }
        searcher = Searcher.open(tmp.resolve("i"));
    }

    @AfterAll
    void close() throws Exception {
        searcher.close();
    }

    private List<String> urls(String q) throws Exception {
        return SearcherTest.urls(searcher, q);
    }

    @Test
    void aTypoThatStopsTheStemmerStillFindsTheWord() throws Exception {
        assertEquals(List.of("/integration/"), urls("integraton "));  // a letter left out of -ation
        assertEquals(List.of("/integration/"), urls("integratoin "));  // two letters of -ion swapped
        assertEquals(List.of("/integration/", "/interactions/"), urls("intgration ")); // before: only "interact", two edits from "intgrat"
        assertEquals(List.of("/integration/"), urls("integraton"));    // while it is being typed
        assertEquals(List.of("/meditation/"), urls("medidation "));
    }

    @Test
    void aWordInTheIndexIsNotCorrected() throws Exception {
        assertEquals(List.of("/integration/"), urls("integration "));
        assertEquals(Map.of(), searcher.corrections("integration", "integr").entrySet().stream()
                .filter(e -> e.getKey().equals("integr")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void correctionsHaveTheSimilarityOfOneEdit() {
        Map<String, Float> c = searcher.corrections("integraton", "integraton");
        assertEquals(0.9f, c.get("integr"), 0f); // 1 - 1 / min(10, 11)
        assertTrue(c.keySet().stream().allMatch(t -> t.startsWith("i")), "the first letter is kept");
    }

    @Test
    void onlyLongPlainWordsHaveVariants() {
        assertEquals(List.of(), Searcher.correctionVariants("short"));
        assertEquals(List.of(), Searcher.correctionVariants("caf\u00e9s"));
        assertEquals(List.of(), Searcher.correctionVariants("covid19"));
        // 6 letters: 5 deletions, 4 swaps (no equal neighbours), 5 x 25 replacements, 6 x 26 insertions
        assertEquals(5 + 4 + 5 * 25 + 6 * 26, Searcher.correctionVariants("circle").size());
        assertEquals(List.of("integraton"), Searcher.surfaceTerms("Integraton's"));
    }
}

package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearcherTest {

    @TempDir
    static Path tmp;

    Searcher searcher;

    static SearchDocument doc(String url, String title, String section, String type, List<String> tags, String body) {
        return new SearchDocument(url, title, "", tags, section, type, LocalDate.of(2024, 1, 2), "",
                List.of(new SearchDocument.Passage("", "", body),
                        new SearchDocument.Passage("later", "Later on", "Nothing to see here at all.")));
    }

    @BeforeAll
    void index() throws Exception {
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve("i"), "en")) {
            indexer.add(doc("/title/", "Breathing exercises", "guides", "guide", List.of("calm"),
                    "A short page about the lungs and calm evenings."));
            indexer.add(doc("/body/", "Evening routines", "guides", "article", List.of(),
                    "Slow breathing before bed helps many people sleep."));
            indexer.add(doc("/phrase/", "Peer support", "stories", "article", List.of("groups"),
                    "Peer support groups meet weekly; support from a peer matters."));
            indexer.add(doc("/scattered/", "Support notes", "stories", "guide", List.of("groups"),
                    "A peer told me that support is everywhere."));
            indexer.add(doc("/html/", "<script>alert(1)</script> & friends", "resources", "", List.of("<b>x</b>"),
                    "Friends & family <i>help</i> too."));
            indexer.add(doc("/straight/", "Circle values", "guides", "guide", List.of(),
                    "We don't judge anyone for what they share."));
            indexer.add(doc("/curly/", "Circle privacy", "guides", "guide", List.of(),
                    "Members won\u2019t repeat names outside the room."));
            indexer.finish();
        }
        searcher = Searcher.open(tmp.resolve("i"));
    }

    @AfterAll
    void close() throws Exception {
        searcher.close();
    }

    private List<String> urls(String q) throws Exception {
        return urls(searcher, q);
    }

    /** The URLs of a query's results, in order. */
    static List<String> urls(Searcher searcher, String q) throws Exception {
        return searcher.search(q, SearchOptions.defaults()).results().stream().map(SearchResults.Result::url).toList();
    }

    /** A curly apostrophe (as phones type it) and a straight one are the same, in the page and in the query. */
    @Test
    void curlyAndStraightApostrophesMatchEachOther() throws Exception {
        assertEquals(List.of("/straight/"), urls("don\u2019t "));
        assertEquals(List.of("/straight/"), urls("don't "));
        assertEquals(List.of("/curly/"), urls("won't "));
        assertEquals(List.of("/curly/"), urls("\"members won\u2019t\""));
    }

    @Test
    void aTitleMatchRanksAboveABodyMatch() throws Exception {
        assertEquals(List.of("/title/", "/body/"), urls("breathing "));
    }

    @Test
    void everyWordIsRequired() throws Exception {
        assertEquals(List.of("/body/"), urls("breathing sleep "));
    }

    @Test
    void whenNoPageHasEveryWordAnyWordCountsAndTheResultSaysSo() throws Exception {
        SearchResults r = searcher.search("lungs family ", SearchOptions.defaults());
        assertEquals("any", r.fallback());
        assertEquals(2, r.total());
        assertNull(searcher.search("breathing ", SearchOptions.defaults()).fallback());
    }

    @Test
    void aQuotedPhraseNeedsTheWordsTogether() throws Exception {
        assertEquals(List.of("/phrase/"), urls("\"peer support\" "));
        assertTrue(urls("peer support ").containsAll(List.of("/phrase/", "/scattered/")));
    }

    @Test
    void aMinusWordExcludesPages() throws Exception {
        assertEquals(List.of("/scattered/"), urls("support -weekly "));
    }

    @Test
    void theLastWordMatchesAsAPrefixWhileTyping() throws Exception {
        assertEquals(List.of("/title/", "/body/"), urls("brea"));
        assertEquals(List.of(), urls("brea "));
    }

    @Test
    void aTypoStillFindsThePageButTheFirstLetterMustMatch() throws Exception {
        assertEquals(List.of("/title/", "/body/"), urls("braething "));
        assertEquals(List.of(), urls("vreathing "));
        assertEquals(List.of("/title/", "/body/"), urls("breathing braething "));
    }

    @Test
    void aTypoInTheWordBeingTypedStillFindsThePage() throws Exception {
        // The last word is still being typed: no page has a word starting with "braething", but its
        // typo expansions do, and as the last of all required words it must match.
        assertEquals(List.of("/body/"), urls("sleep braething"));
        assertEquals(List.of("/title/", "/body/"), urls("braething"));
        assertEquals(List.of("/body/"), urls("sleep braeth"));
        // Prefix and typo expansions together: "evenin" completes to "evening" and corrects to it.
        assertEquals(List.of("/body/", "/title/"), urls("evenin"));
        // The first letter must still be right, and a word that is in the index gets no typo expansions.
        assertEquals(List.of(), urls("vreathing"));
        assertEquals(List.of("braeth"), searcher.prefixTypoTerms("braething"));
        assertEquals(List.of(), searcher.prefixTypoTerms("breathing"));
        assertEquals(List.of(), searcher.prefixTypoTerms("br"));
        // Same result with and without the trailing space when nothing starts with the word.
        assertEquals(urls("sleep braething "), urls("sleep braething"));
    }

    @Test
    void filtersNarrowResultsAndFacetsCountTheMatches() throws Exception {
        SearchResults r = searcher.search("support ", new SearchOptions(10, 0, null, "stories", "guide"));
        assertEquals(List.of("/scattered/"), r.results().stream().map(SearchResults.Result::url).toList());
        assertEquals(1, r.facets().types().get("guide"));
        SearchResults all = searcher.search("support ", SearchOptions.defaults());
        assertEquals(2, all.facets().tags().get("groups"));
    }

    @Test
    void onlyStopWordsOrNothingFindNothing() throws Exception {
        assertEquals(0, searcher.search("the of and ", SearchOptions.defaults()).total());
        assertEquals(0, searcher.search("", SearchOptions.defaults()).total());
    }

    @Test
    void htmlInPagesAndQueriesComesBackEscaped() throws Exception {
        SearchResults r = searcher.search("<i>friends</i> ", SearchOptions.defaults());
        assertEquals(1, r.total());
        assertEquals("<script>alert(1)</script> & friends", r.results().get(0).title());
        String excerpt = r.results().get(0).excerptHtml();
        assertTrue(excerpt.startsWith("<mark>Friends</mark> &amp; family "), excerpt);
        assertTrue(excerpt.contains("&lt;i&gt;help&lt;/i&gt;"), excerpt);
        assertTrue(r.toJson().contains("\\u003cscript\\u003e"), r.toJson());
    }

    @Test
    void theExcerptLinksToTheBestMatchingPassage() throws Exception {
        SearchResults r = searcher.search("nothing ", SearchOptions.defaults());
        assertEquals("later", r.results().get(0).anchor());
        assertTrue(r.results().get(0).excerptHtml().startsWith("<mark>Nothing</mark>"));
    }
}

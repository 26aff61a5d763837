package dev.peerhub.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * The index schema shared by the indexer, the exporter and the searcher: field names, their
 * boosts, the analyzer per site language and the similarity.
 */
final class SearchFields {
    private SearchFields() {}

    /**
     * The values of a keyword field's sorted doc values, by ordinal: read in their order, since a look-up out
     * of order unpacks a whole block of them.
     */
    static String[] valuesByOrd(org.apache.lucene.index.SortedDocValues dv) throws java.io.IOException {
        String[] values = new String[dv.getValueCount()];
        for (int o = 0; o < values.length; o++) values[o] = dv.lookupOrd(o).utf8ToString();
        return values;
    }

    static final String TITLE = "title";
    static final String TAGS = "tags";
    static final String HEADINGS = "headings";
    static final String SUMMARY = "summary";
    static final String BODY = "body";

    /** Analysed text fields, in the order the client index numbers them. */
    static final List<String> TEXT_FIELDS = List.of(TITLE, TAGS, HEADINGS, SUMMARY, BODY);

    /**
     * Boost per text field, parallel to {@link #TEXT_FIELDS}: title 5, tags 3, headings 3,
     * summary 2, body 1. Exactly representable floats, so both sides multiply identically.
     */
    static final float[] BOOSTS = {5f, 3f, 3f, 2f, 1f};

    /** Keyword filter fields (not analysed, not scored), also kept as doc values for facets. */
    static final String F_SECTION = "f_section";
    static final String F_TYPE = "f_type";
    static final String F_TAG = "f_tag";

    /** Stored-only and sort fields. */
    static final String URL = "url";
    /** The display data of a page, one binary doc-values field ({@link DisplayData#stored}). */
    static final String DISPLAY = "display";

    /** Commit user-data key that records the site language. */
    static final String LANGUAGE_KEY = "peerhub.language";

    /**
     * Commit user-data key that records the layout of the index's fields, and its current value: an index
     * of another layout (made by an earlier peerhub) is not reused, but made again.
     */
    static final String FORMAT_KEY = "peerhub.format";
    static final String FORMAT = "4"; // 3: curly apostrophes folded (ApostropheFolding); 4: display data as doc values

    static final float K1 = 1.2f;
    static final float B = 0.75f;

    static BM25Similarity similarity() {
        return new BM25Similarity(K1, B);
    }

    /**
     * EnglishAnalyzer for {@code en} (and {@code en-*}), StandardAnalyzer (no stop words) otherwise; either
     * reading the curly apostrophe as {@code '} ({@link ApostropheFolding}).
     */
    static Analyzer analyzer(String language) {
        return new ApostropheFolding(isEnglish(language) ? new EnglishAnalyzer() : new StandardAnalyzer());
    }

    /**
     * The analyzer the index is built with: the same terms and positions as {@link #analyzer}, which
     * analyses queries; for English computed faster by {@link FastEnglishAnalyzer}.
     */
    static Analyzer indexAnalyzer(String language) {
        return isEnglish(language) ? new FastEnglishAnalyzer() : analyzer(language);
    }

    /**
     * EnglishAnalyzer's tokens before its stop words and stemming (the standard tokenizer, possessives
     * dropped, lower case; the curly apostrophe read as {@code '}): the words as typed, for
     * {@link Searcher#corrections}.
     */
    static Analyzer surfaceAnalyzer() {
        return new ApostropheFolding(new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                org.apache.lucene.analysis.standard.StandardTokenizer source = new org.apache.lucene.analysis.standard.StandardTokenizer();
                org.apache.lucene.analysis.TokenStream result = new org.apache.lucene.analysis.en.EnglishPossessiveFilter(source);
                result = new org.apache.lucene.analysis.LowerCaseFilter(result);
                return new TokenStreamComponents(source, result);
            }
        });
    }

    static boolean isEnglish(String language) {
        String l = language.toLowerCase(java.util.Locale.ROOT);
        return l.equals("en") || l.startsWith("en-") || l.startsWith("en_");
    }

    static int fieldIndex(String field) {
        return TEXT_FIELDS.indexOf(field);
    }
}

package dev.peerhub.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The reference searcher: parses the query language ({@link ParsedQuery}) into Lucene queries and
 * runs them on the build's Lucene index. {@code client.js} implements the same plan on the exported
 * index and must return the same pages in the same order with the same scores.
 *
 * <p>The plan, per positive item of the query:
 * <ul>
 *   <li>a word: each analysed term that occurs in some field becomes a SHOULD over the text fields
 *       of {@code BoostQuery(TermQuery(field, term), boost)}; a term that occurs nowhere and has at
 *       least 3 characters becomes the same over {@code FuzzyQuery(field, term, edits, 1, 50, true)}
 *       with 1 edit for 3 to 5 characters and 2 above (Lucene's default rewrite, which blends doc
 *       freqs and scales each expansion by {@code 1 - edits / min(len)}); shorter unknown terms
 *       match nothing;
 *   <li>a phrase: {@code PhraseQuery} per field, same SHOULD shape (one term: a term clause
 *       without typo tolerance);
 *   <li>the prefix: the {@value #PREFIX_EXPANSIONS} terms starting with the lower-cased word that
 *       occur in most documents (summed over fields; ties in term order), plus the analysed word
 *       itself when it occurs, each as a term clause, all in one SHOULD; when an analysed term of
 *       the word occurs nowhere (and has at least 3 characters), the same SHOULD also holds that
 *       term's fuzzy clauses, as a word would get them but without the terms starting with the
 *       lower-cased word (those are completions: {@link TypoQuery}). The item matches a page when
 *       any prefix or fuzzy clause does, and scores the sum of the matching clauses.
 * </ul>
 * Identical items count once. All items are MUST; if that matches nothing and there are two or
 * more items, they become one MUST disjunction ({@code fallback = "any"}). Excluded items are
 * MUST_NOT and filters are FILTER clauses. Ties in score go to the smaller URL ({@link DocOrder},
 * the client's doc numbers).
 */
public final class Searcher implements Closeable {

    static final int PREFIX_EXPANSIONS = 10;
    static final int FUZZY_MAX_EXPANSIONS = 50;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    /** English: {@link #corrections} apply. */
    private final boolean english;
    /** EnglishAnalyzer without stop words and stemming ({@link SearchFields#surfaceAnalyzer}); thread-safe. */
    private static final Analyzer SURFACES = SearchFields.surfaceAnalyzer();
    private final String language;
    private final int[] docSection;
    private final int[] docType;
    private final int[][] docTags;
    /** The pages' rank in URL order (the client's doc numbers), which breaks ties in score. */
    private final DocOrder docOrder;
    private final List<String> sectionNames = new ArrayList<>();
    private final List<String> typeNames = new ArrayList<>();
    private final List<String> tagNames = new ArrayList<>();

    private Searcher(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(SearchFields.similarity());
        searcher.setQueryCache(null);
        String lang = reader.getIndexCommit().getUserData().get(SearchFields.LANGUAGE_KEY);
        this.language = lang == null ? "en" : lang;
        this.analyzer = SearchFields.analyzer(language);
        this.english = SearchFields.isEnglish(language);
        int maxDoc = reader.maxDoc();
        docOrder = DocOrder.of(reader);
        docSection = new int[maxDoc];
        docType = new int[maxDoc];
        docTags = new int[maxDoc][];
        Arrays.fill(docTags, new int[0]);
        for (LeafReaderContext ctx : reader.leaves()) {
            LeafReader leaf = ctx.reader();
            readSorted(leaf.getSortedDocValues(SearchFields.F_SECTION), ctx.docBase, docSection, sectionNames);
            readSorted(leaf.getSortedDocValues(SearchFields.F_TYPE), ctx.docBase, docType, typeNames);
            SortedSetDocValues tags = leaf.getSortedSetDocValues(SearchFields.F_TAG);
            if (tags != null) {
                int[] global = new int[(int) tags.getValueCount()];
                for (int o = 0; o < global.length; o++) global[o] = intern(tagNames, tags.lookupOrd(o).utf8ToString());
                for (int d = tags.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = tags.nextDoc()) {
                    int[] ords = new int[tags.docValueCount()];
                    for (int i = 0; i < ords.length; i++) ords[i] = global[(int) tags.nextOrd()];
                    docTags[ctx.docBase + d] = ords;
                }
            }
        }
    }

    private static void readSorted(SortedDocValues dv, int docBase, int[] into, List<String> names)
            throws IOException {
        if (dv == null) return;
        int[] global = new int[dv.getValueCount()];
        for (int o = 0; o < global.length; o++) global[o] = intern(names, dv.lookupOrd(o).utf8ToString());
        for (int d = dv.nextDoc(); d != SortedDocValues.NO_MORE_DOCS; d = dv.nextDoc()) {
            into[docBase + d] = global[dv.ordValue()];
        }
    }

    /** The index of {@code v} in {@code names} (segments share values), added when new. */
    private static int intern(List<String> names, String v) {
        int i = names.indexOf(v);
        if (i >= 0) return i;
        names.add(v);
        return names.size() - 1;
    }

    /** True when {@code luceneDir} holds a committed index. */
    public static boolean indexExists(Path luceneDir) {
        if (!Files.isDirectory(luceneDir)) return false;
        try (Directory d = FSDirectory.open(luceneDir)) {
            // an index of an earlier layout counts as none: it is made again
            return DirectoryReader.indexExists(d) && SearchFields.FORMAT.equals(
                    org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData().get(SearchFields.FORMAT_KEY));
        } catch (IOException e) {
            return false;
        }
    }

    public static Searcher open(Path luceneDir) throws IOException {
        Directory d = FSDirectory.open(luceneDir);
        try {
            return new Searcher(d);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    public String language() {
        return language;
    }

    /** A positive item of the plan and the terms it can highlight. */
    private record Clause(String key, Query query) {}

    private record Plan(List<Clause> positive, List<Query> excluded) {}

    /** The Lucene queries for a parsed query; exposed for tests. */
    Query toLuceneQuery(String query, SearchOptions options, boolean any) throws IOException {
        return build(plan(ParsedQuery.parse(query)), any, options);
    }

    public SearchResults search(String query, SearchOptions options) throws IOException {
        Plan plan = plan(ParsedQuery.parse(query));
        if (plan.positive().isEmpty()) return empty();
        Hits hits = collect(build(plan, false, options));
        String fallback = null;
        if (hits.size == 0 && plan.positive().size() >= 2) {
            hits = collect(build(plan, true, options));
            fallback = "any";
        }
        Integer[] order = new Integer[hits.size];
        for (int i = 0; i < order.length; i++) order[i] = i;
        final Hits h = hits;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -h.scores[i]).thenComparingInt(i -> docOrder.rank[h.docs[i]]));
        Set<String> highlight = highlightTerms(plan);
        Excerpts excerpts = new Excerpts(this::analyzeTerms, highlight);
        List<SearchResults.Result> results = new ArrayList<>();
        for (int r = options.offset(); r < Math.min(order.length, options.offset() + options.limit()); r++) {
            int doc = hits.docs[order[r]];
            DisplayData d = display(reader, doc);
            Excerpts.Excerpt ex = excerpts.build(d.anchors(), d.headings(), d.texts());
            results.add(new SearchResults.Result(docOrder.rank[doc], d.url(), d.title(), d.summary(), d.date(),
                    d.contentNote(), List.of(d.tags()), hits.scores[order[r]], ex.anchor(), ex.html()));
        }
        return new SearchResults(hits.size, results, fallback, facets(hits));
    }

    /** The display data of a page (global doc id) of {@code reader}. */
    static DisplayData display(org.apache.lucene.index.IndexReader reader, int doc) throws IOException {
        List<org.apache.lucene.index.LeafReaderContext> leaves = reader.leaves();
        org.apache.lucene.index.LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        org.apache.lucene.index.BinaryDocValues values = leaf.reader().getBinaryDocValues(SearchFields.DISPLAY);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("page " + doc + " of the search index has no display data");
        }
        return DisplayData.fromStored(values.binaryValue());
    }

    private SearchResults empty() {
        return new SearchResults(0, List.of(), null, new SearchResults.Facets(Map.of(), Map.of(), Map.of()));
    }

    private SearchResults.Facets facets(Hits hits) {
        int[] s = new int[sectionNames.size()];
        int[] t = new int[typeNames.size()];
        int[] g = new int[tagNames.size()];
        for (int i = 0; i < hits.size; i++) {
            int d = hits.docs[i];
            s[docSection[d]]++;
            t[docType[d]]++;
            for (int tag : docTags[d]) g[tag]++;
        }
        return new SearchResults.Facets(counts(g, tagNames), counts(s, sectionNames), counts(t, typeNames));
    }

    /** Non-zero counts, by count descending then name (UTF-16 order, as JavaScript sorts). */
    private static Map<String, Integer> counts(int[] c, List<String> names) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < c.length; i++) if (c[i] > 0) idx.add(i);
        idx.sort(Comparator.<Integer>comparingInt(i -> -c[i]).thenComparing(names::get));
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i : idx) m.put(names.get(i), c[i]);
        return m;
    }

    // ---- analysis

    record Token(String term, int position) {}

    List<Token> analyze(String text) throws IOException {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(SearchFields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Token(term.toString(), pos));
            }
            ts.end();
        }
        return out;
    }

    private List<String> analyzeTerms(String text) {
        try {
            return analyze(text).stream().map(Token::term).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Lower-cases code point by code point, as Lucene's LowerCaseFilter does. */
    static String lowerCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return sb.toString();
    }

    // ---- planning

    private boolean existsAnywhere(String term) throws IOException {
        for (String f : SearchFields.TEXT_FIELDS) {
            if (reader.docFreq(new Term(f, term)) > 0) return true;
        }
        return false;
    }

    static int fuzzyEdits(String term) {
        int len = term.codePointCount(0, term.length());
        if (len < 3) return 0;
        return len <= 5 ? 1 : 2;
    }

    private Plan plan(ParsedQuery pq) throws IOException {
        Map<String, Clause> positive = new LinkedHashMap<>();
        for (String word : pq.words()) {
            for (Token t : analyze(word)) {
                String key = "w:" + t.term();
                if (!positive.containsKey(key)) positive.put(key, new Clause(key, wordQuery(word, t.term())));
            }
        }
        for (String phrase : pq.phrases()) {
            List<Token> tokens = analyze(phrase);
            if (tokens.isEmpty()) continue;
            if (tokens.size() == 1) {
                String term = tokens.get(0).term();
                String key = "w:" + term;
                if (!positive.containsKey(key)) {
                    positive.put(key, new Clause(key, existsAnywhere(term) ? termOverFields(term)
                            : new MatchNoDocsQuery("no such term")));
                }
                continue;
            }
            String key = "p:" + phraseKey(tokens);
            if (!positive.containsKey(key)) positive.put(key, new Clause(key, phraseOverFields(tokens)));
        }
        if (pq.prefix() != null) {
            List<String> terms = prefixTerms(pq.prefix());
            List<String> typos = prefixTypoTerms(pq.prefix());
            String key = "x:" + String.join(" ", terms) + (typos.isEmpty() ? "" : " ~" + String.join(" ~", typos));
            if (!positive.containsKey(key)) positive.put(key, new Clause(key, prefixQuery(pq.prefix(), terms, typos, this::corrections)));
        }
        List<Query> excluded = new ArrayList<>();
        for (String x : pq.excluded()) {
            List<Token> tokens = analyze(x);
            if (tokens.isEmpty()) continue;
            for (int f = 0; f < SearchFields.TEXT_FIELDS.size(); f++) {
                String field = SearchFields.TEXT_FIELDS.get(f);
                excluded.add(tokens.size() == 1 ? new TermQuery(new Term(field, tokens.get(0).term()))
                        : phrase(field, tokens));
            }
        }
        return new Plan(List.copyOf(positive.values()), excluded);
    }

    private static String phraseKey(List<Token> tokens) {
        int first = tokens.get(0).position();
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) sb.append(t.position() - first).append('=').append(t.term()).append(' ');
        return sb.toString();
    }

    private Query wordQuery(String word, String term) throws IOException {
        if (existsAnywhere(term)) return termOverFields(term);
        if (fuzzyEdits(term) == 0) return new MatchNoDocsQuery("no such term");
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        addFuzzy(b, term, null, corrections(word, term));
        return b.build();
    }

    /**
     * SHOULD clauses {@code BoostQuery(FuzzyQuery(field, term, edits, 1, 50, true), boost)}, one per
     * field; with {@code notStartingWith}, the fuzzy queries skip the index terms starting with it;
     * with {@code corrections}, those terms are candidates too (see {@link TypoQuery}).
     */
    private static void addFuzzy(BooleanQuery.Builder b, String term, String notStartingWith, Map<String, Float> corrections) {
        int edits = fuzzyEdits(term);
        for (int f = 0; f < SearchFields.TEXT_FIELDS.size(); f++) {
            Term t = new Term(SearchFields.TEXT_FIELDS.get(f), term);
            Query q = notStartingWith == null && corrections.isEmpty() ? new FuzzyQuery(t, edits, 1, FUZZY_MAX_EXPANSIONS, true)
                    : new TypoQuery(t, edits, notStartingWith, corrections);
            b.add(new BoostQuery(q, SearchFields.BOOSTS[f]), Occur.SHOULD);
        }
    }

    /** Words of at least this many letters get {@link #corrections}. */
    static final int CORRECTION_MIN_LETTERS = 6;

    /**
     * The index terms a typo may have kept a long word from: a typo in a suffix the stemmer removes
     * leaves the word whole ({@code integraton} stays {@code integraton}, four edits from
     * {@code integration}'s {@code integr}). English only, for a word that is one token of 6 or more
     * ASCII letters (lower-cased, without a possessive): each variant at one edit that keeps the first
     * letter (a letter deleted, two neighbours swapped, a letter replaced by or inserted from a to z)
     * is analysed; a term other than {@code term} that it gives is a correction, with the similarity
     * a fuzzy expansion one edit away has, {@code 1 - 1 / min(word length, variant length)} (the
     * highest when several variants give it). Which of them are index terms is left to the query.
     */
    Map<String, Float> corrections(String word, String term) {
        if (!english) return Map.of();
        List<String> surface = surfaceTerms(word);
        if (surface.size() != 1) return Map.of();
        String u = surface.get(0);
        TreeMap<String, Float> out = new TreeMap<>();
        for (String v : correctionVariants(u)) correction(out, v, u.length(), term);
        return out;
    }

    /** The tokens of {@code text} before stop words and stemming ({@link SearchFields#surfaceAnalyzer}). */
    static List<String> surfaceTerms(String text) {
        try {
            return terms(SURFACES, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The variants of a word {@link #corrections} analyses: none unless it has at least
     * {@value #CORRECTION_MIN_LETTERS} letters, all a to z; else every word one edit away that keeps
     * the first letter: deletions, swaps of two different neighbours, replacements and insertions of a
     * to z (in that order; a variant may come more than once).
     */
    static List<String> correctionVariants(String u) {
        int n = u.length();
        if (n < CORRECTION_MIN_LETTERS) return List.of();
        for (int i = 0; i < n; i++) if (u.charAt(i) < 'a' || u.charAt(i) > 'z') return List.of();
        List<String> out = new ArrayList<>(52 * n);
        StringBuilder v = new StringBuilder(n + 1);
        for (int i = 1; i < n; i++) { // deletions
            v.setLength(0);
            out.add(v.append(u, 0, i).append(u, i + 1, n).toString());
        }
        for (int i = 1; i + 1 < n; i++) { // transpositions
            if (u.charAt(i) == u.charAt(i + 1)) continue;
            v.setLength(0);
            out.add(v.append(u, 0, i).append(u.charAt(i + 1)).append(u.charAt(i)).append(u, i + 2, n).toString());
        }
        for (int i = 1; i < n; i++) { // replacements
            for (char c = 'a'; c <= 'z'; c++) {
                if (c == u.charAt(i)) continue;
                v.setLength(0);
                out.add(v.append(u, 0, i).append(c).append(u, i + 1, n).toString());
            }
        }
        for (int i = 1; i <= n; i++) { // insertions
            for (char c = 'a'; c <= 'z'; c++) {
                v.setLength(0);
                out.add(v.append(u, 0, i).append(c).append(u, i, n).toString());
            }
        }
        return out;
    }

    private void correction(Map<String, Float> out, String variant, int wordLength, String term) {
        List<String> ts = analyzeTerms(variant);
        if (ts.size() != 1 || ts.get(0).equals(term)) return;
        float sim = 1f - ((float) 1 / (float) Math.min(wordLength, variant.length()));
        out.merge(ts.get(0), sim, Math::max);
    }

    private static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(SearchFields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    /**
     * A {@link FuzzyQuery} (same rewrite, same blended scoring) with two changes. With
     * {@code notStartingWith} (the word being typed), it does not see the index terms starting with the
     * typed prefix: those are prefix completions; leaving them out keeps every term in one clause of
     * the prefix item (two equal term clauses in one disjunction would be merged by Lucene's rewrite,
     * with the fuzzy clause's blended statistics lost), and the 50 best expansions are picked among the
     * others. With {@code corrections} ({@link Searcher#corrections}), those of them that are terms of
     * the field are candidates too, with their similarity as boost (the higher one when the automaton
     * finds the term as well); the 50 best are then picked among all, as Lucene picks a fuzzy query's.
     */
    static final class TypoQuery extends FuzzyQuery {
        private final BytesRef excluded; // or null
        private final TreeMap<BytesRef, Float> corrections = new TreeMap<>();

        TypoQuery(Term term, int edits, String notStartingWith, Map<String, Float> corrections) {
            super(term, edits, 1, FUZZY_MAX_EXPANSIONS, true);
            this.excluded = notStartingWith == null ? null : new BytesRef(notStartingWith);
            for (Map.Entry<String, Float> e : corrections.entrySet()) {
                BytesRef t = new BytesRef(e.getKey());
                if (excluded == null || !startsWith(t, excluded)) this.corrections.put(t, e.getValue());
            }
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, org.apache.lucene.util.AttributeSource atts) throws IOException {
            TermsEnum fuzzy = super.getTermsEnum(terms, atts);
            if (corrections.isEmpty()) {
                return new org.apache.lucene.index.FilterLeafReader.FilterTermsEnum(fuzzy) {
                    @Override
                    public BytesRef next() throws IOException {
                        BytesRef t;
                        do {
                            t = in.next();
                        } while (t != null && excluded != null && startsWith(t, excluded));
                        return t;
                    }
                };
            }
            // Every candidate with its boost, in term order: the automaton's, then the corrections found here.
            TreeMap<BytesRef, Float> all = new TreeMap<>();
            org.apache.lucene.search.BoostAttribute boost = fuzzy.attributes().addAttribute(org.apache.lucene.search.BoostAttribute.class);
            for (BytesRef t; (t = fuzzy.next()) != null; ) {
                if (excluded == null || !startsWith(t, excluded)) all.put(BytesRef.deepCopyOf(t), boost.getBoost());
            }
            TermsEnum probe = terms.iterator();
            for (Map.Entry<BytesRef, Float> e : corrections.entrySet()) {
                if (probe.seekExact(e.getKey())) all.merge(e.getKey(), e.getValue(), Math::max);
            }
            java.util.Iterator<Map.Entry<BytesRef, Float>> it = all.entrySet().iterator();
            return new org.apache.lucene.index.FilteredTermsEnum(terms.iterator(), true) { // starts by seeking to the first
                private Map.Entry<BytesRef, Float> pending;
                private final org.apache.lucene.search.BoostAttribute out = attributes().addAttribute(org.apache.lucene.search.BoostAttribute.class);

                @Override
                protected BytesRef nextSeekTerm(BytesRef current) {
                    pending = it.hasNext() ? it.next() : null;
                    return pending == null ? null : pending.getKey();
                }

                @Override
                protected AcceptStatus accept(BytesRef term) {
                    if (pending == null) return AcceptStatus.END;
                    if (!term.equals(pending.getKey())) return AcceptStatus.NO_AND_SEEK;
                    out.setBoost(pending.getValue());
                    return AcceptStatus.YES_AND_SEEK;
                }
            };
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other) && java.util.Objects.equals(excluded, ((TypoQuery) other).excluded)
                    && corrections.equals(((TypoQuery) other).corrections);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * super.hashCode() + java.util.Objects.hashCode(excluded)) + corrections.hashCode();
        }

        @Override
        public String toString(String field) {
            return super.toString(field) + (excluded == null ? "" : "-" + excluded.utf8ToString() + "*")
                    + (corrections.isEmpty() ? "" : "+" + corrections.size() + " corrections");
        }
    }

    /**
     * The analysed terms of the word being typed that get typo tolerance: those that occur in no
     * field and have at least 3 characters (the rule for any other word), in analysis order.
     */
    List<String> prefixTypoTerms(String word) throws IOException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Token t : analyze(word)) {
            if (fuzzyEdits(t.term()) > 0 && !existsAnywhere(t.term())) out.add(t.term());
        }
        return List.copyOf(out);
    }

    /**
     * The prefix item: one flat SHOULD of the prefix expansions' term clauses (every term, every
     * field) followed by the fuzzy clauses of {@code typos} (every term, every field). It matches a
     * page when any of them does, and its score is the sum of the matching clauses.
     */
    private static Query prefixQuery(String word, List<String> terms, List<String> typos,
            java.util.function.BiFunction<String, String, Map<String, Float>> corrections) {
        if (terms.isEmpty() && typos.isEmpty()) return new MatchNoDocsQuery("no such term");
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        addTerms(b, terms);
        for (String t : typos) addFuzzy(b, t, lowerCase(word), corrections.apply(word, t));
        return b.build();
    }

    private static Query termOverFields(String term) {
        return termsOverFields(List.of(term));
    }

    private static Query termsOverFields(List<String> terms) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        addTerms(b, terms);
        return b.build();
    }

    private static void addTerms(BooleanQuery.Builder b, List<String> terms) {
        for (String term : terms) {
            for (int f = 0; f < SearchFields.TEXT_FIELDS.size(); f++) {
                b.add(new BoostQuery(new TermQuery(new Term(SearchFields.TEXT_FIELDS.get(f), term)),
                        SearchFields.BOOSTS[f]), Occur.SHOULD);
            }
        }
    }

    private static Query phraseOverFields(List<Token> tokens) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int f = 0; f < SearchFields.TEXT_FIELDS.size(); f++) {
            b.add(new BoostQuery(phrase(SearchFields.TEXT_FIELDS.get(f), tokens), SearchFields.BOOSTS[f]),
                    Occur.SHOULD);
        }
        return b.build();
    }

    private static Query phrase(String field, List<Token> tokens) {
        PhraseQuery.Builder pb = new PhraseQuery.Builder();
        int first = tokens.get(0).position();
        for (Token t : tokens) pb.add(new Term(field, t.term()), t.position() - first);
        return pb.build();
    }

    /** The prefix expansion: see the class comment. */
    List<String> prefixTerms(String word) throws IOException {
        String prefix = lowerCase(word);
        BytesRef p = new BytesRef(prefix);
        TreeMap<BytesRef, Long> dfs = new TreeMap<>();
        for (LeafReaderContext ctx : reader.leaves()) {
            for (String field : SearchFields.TEXT_FIELDS) {
                Terms terms = ctx.reader().terms(field);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                if (te.seekCeil(p) == TermsEnum.SeekStatus.END) continue;
                for (BytesRef t = te.term(); t != null && startsWith(t, p); t = te.next()) {
                    dfs.merge(BytesRef.deepCopyOf(t), (long) te.docFreq(), Long::sum);
                }
            }
        }
        List<Map.Entry<BytesRef, Long>> ranked = new ArrayList<>(dfs.entrySet());
        ranked.sort(Comparator.<Map.Entry<BytesRef, Long>>comparingLong(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(PREFIX_EXPANSIONS, ranked.size()); i++) {
            out.add(ranked.get(i).getKey().utf8ToString());
        }
        for (Token t : analyze(word)) {
            if (existsAnywhere(t.term())) out.add(t.term());
        }
        return List.copyOf(out);
    }

    private static boolean startsWith(BytesRef t, BytesRef p) {
        if (t.length < p.length) return false;
        return Arrays.equals(t.bytes, t.offset, t.offset + p.length, p.bytes, p.offset, p.offset + p.length);
    }

    private Query build(Plan plan, boolean any, SearchOptions options) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        if (any) {
            BooleanQuery.Builder or = new BooleanQuery.Builder();
            for (Clause c : plan.positive()) or.add(c.query(), Occur.SHOULD);
            top.add(or.build(), Occur.MUST);
        } else {
            for (Clause c : plan.positive()) top.add(c.query(), Occur.MUST);
        }
        for (Query x : plan.excluded()) top.add(x, Occur.MUST_NOT);
        options.sectionFilter().ifPresent(s -> top.add(new TermQuery(new Term(SearchFields.F_SECTION, s)), Occur.FILTER));
        options.typeFilter().ifPresent(s -> top.add(new TermQuery(new Term(SearchFields.F_TYPE, s)), Occur.FILTER));
        options.tagFilter().ifPresent(s -> top.add(new TermQuery(new Term(SearchFields.F_TAG, s)), Occur.FILTER));
        return top.build();
    }

    private Set<String> highlightTerms(Plan plan) throws IOException {
        Set<String> out = new HashSet<>();
        for (Clause c : plan.positive()) {
            Query rewritten = searcher.rewrite(c.query());
            Set<Term> terms = new HashSet<>();
            rewritten.visit(QueryVisitor.termCollector(terms));
            for (Term t : terms) out.add(t.text());
        }
        return out;
    }

    // ---- collecting every hit with its score

    private static final class Hits {
        int[] docs = new int[16];
        float[] scores = new float[16];
        int size;

        void add(int doc, float score) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            docs[size] = doc;
            scores[size++] = score;
        }
    }

    private Hits collect(Query query) throws IOException {
        return searcher.search(query, new CollectorManager<Collector, Hits>() {
            private final Hits hits = new Hits();

            @Override
            public Collector newCollector() {
                return new Collector() {
                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) {
                        int base = context.docBase;
                        return new LeafCollector() {
                            private Scorable scorer;

                            @Override
                            public void setScorer(Scorable s) {
                                scorer = s;
                            }

                            @Override
                            public void collect(int doc) throws IOException {
                                synchronized (hits) {
                                    hits.add(base + doc, scorer.score());
                                }
                            }
                        };
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE;
                    }
                };
            }

            @Override
            public Hits reduce(Collection<Collector> collectors) {
                return hits;
            }
        });
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}

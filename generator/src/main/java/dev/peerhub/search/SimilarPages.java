package dev.peerhub.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.util.SmallFloat;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Content similarity between the pages of a committed search index, in the manner of Lucene's
 * MoreLikeThis, but without analysing any text again: each page's "interesting" terms are read
 * straight from the index's postings, and the query made of them runs against the same index.
 *
 * <ol>
 *   <li>One pass over the terms of the title, summary, headings and body fields (merged in term order)
 *       gives, per page, a term's frequency {@code tf} (the title counts twice) and, per term, its document
 *       frequency {@code df} over those fields. A term is a candidate when it has at least
 *       {@link #MIN_TERM_LENGTH} letters and {@link #MIN_DOC_FREQ} &le; df &le; {@link #MAX_DOC_FREQ_PCT}%
 *       of the pages and df &le; {@link #MAX_DOC_FREQ} (a word one page alone has relates it to nothing; a
 *       site-wide word carries no signal; and the cap bounds each page's query, so the work grows linearly
 *       with the site).</li>
 *   <li>Each page keeps its {@link #MAX_QUERY_TERMS} candidates of highest {@code tf * idf}, where
 *       {@code idf = 1 + ln((N + 1) / (df + 1))} (MoreLikeThis's TF-IDF).</li>
 *   <li>Its query is those terms on the body field, each boosted by its score over the best one, scored
 *       with BM25 as the index's similarity scores (the same k1, b, one-byte norms and idf), summed per
 *       page in a fixed term order (so a score does not depend on how the index happens to be split into
 *       segments); the best {@link #CANDIDATES} other pages are kept, their scores divided by the best of
 *       them (so they lie in 0..1).</li>
 * </ol>
 *
 * <p>Deterministic: ties among terms break by term, among pages by URL (the index's own numbering,
 * which depends on the threads that filled it, is not used).
 */
public final class SimilarPages {
    private SimilarPages() {}

    static final int MIN_TERM_LENGTH = 3;
    static final int MIN_DOC_FREQ = 2;
    static final int MAX_DOC_FREQ_PCT = 40;
    /** Nor in more pages than this, whatever the site's size: bounds the work per page (linear build time). */
    static final int MAX_DOC_FREQ = 500;
    static final int MAX_QUERY_TERMS = 20;
    /** Similar pages kept per page. */
    public static final int CANDIDATES = 20;

    /** Fields read for a page's terms, and what each occurrence counts. */
    private static final String[] FIELDS = {SearchFields.TITLE, SearchFields.SUMMARY, SearchFields.HEADINGS, SearchFields.BODY};
    private static final float[] WEIGHTS = {2f, 1f, 1f, 1f};

    /**
     * For each page's URL, up to {@link #CANDIDATES} other pages' URLs with their similarity (best = 1).
     * Pages with nothing in common with any other are absent. Queries run on {@code pool}.
     */
    public static Map<String, Map<String, Double>> compute(IndexReader reader, ForkJoinPool pool) throws IOException {
        int n = reader.maxDoc();
        if (n < 2) return Map.of();
        String[] url = urls(reader);
        int[] urlRank = ranks(url);
        TopTerms top = topTerms(reader, n);
        Bm25 bm25 = new Bm25(reader, n);
        Terms body = MultiTerms.getTerms(reader, SearchFields.BODY);
        if (body == null) return Map.of();
        PostingsCache postings = new PostingsCache(top, body, bm25);
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(n));
        List<Map<String, Double>> found = dev.peerhub.concurrent.Pools.map(pool, n, doc -> {
            try {
                return similarTo(doc, top, postings, scratch.get(), url, urlRank);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, Map<String, Double>> result = new HashMap<>();
        for (int doc = 0; doc < n; doc++) {
            if (!found.get(doc).isEmpty()) result.put(url[doc], found.get(doc));
        }
        return result;
    }

    /** A thread's working arrays: a score per page and the pages touched. */
    private static final class Scratch {
        final float[] score;
        final int[] touched;
        TermsEnum terms;
        PostingsEnum postings;

        Scratch(int n) {
            score = new float[n];
            touched = new int[n];
        }
    }

    /**
     * A query term's postings on the body field, decoded once: its pages in index order, its idf and, per page, BM25's
     * denominator {@code 1 + freq / (k1 * (1 - b + b * length / avgdl))}, so that each query adds
     * {@code weight - weight / denominator} (the same float arithmetic as {@link Bm25#score}). A term is in at
     * most {@link #MAX_DOC_FREQ} pages and is shared by the queries of many pages.
     */
    private record BodyPostings(int[] docs, float[] denominator, float idf) {}

    /**
     * Every query term's {@link BodyPostings}, made by the first query that needs it, within a budget of
     * postings held (a sixteenth of the heap, at 8 bytes a posting); beyond it, postings are read afresh.
     */
    private static final class PostingsCache {
        private static final BodyPostings ABSENT = new BodyPostings(new int[0], new float[0], 0f);
        private final TopTerms top;
        private final Terms body;
        private final Bm25 bm25;
        private final java.util.concurrent.atomic.AtomicReferenceArray<BodyPostings> cached;
        private final java.util.concurrent.atomic.AtomicLong budget =
                new java.util.concurrent.atomic.AtomicLong(Runtime.getRuntime().maxMemory() / 16 / 8);

        PostingsCache(TopTerms top, Terms body, Bm25 bm25) {
            this.top = top;
            this.body = body;
            this.bm25 = bm25;
            this.cached = new java.util.concurrent.atomic.AtomicReferenceArray<>(top.terms.size());
        }

        /** The postings of term {@code id}, or null when the body field does not have it. */
        BodyPostings get(int id, Scratch s) throws IOException {
            BodyPostings p = cached.get(id);
            if (p == null) {
                p = read(id, s);
                if (budget.addAndGet(-p.docs.length) >= 0) cached.compareAndSet(id, null, p);
            }
            return p == ABSENT ? null : p;
        }

        private BodyPostings read(int id, Scratch s) throws IOException {
            if (s.terms == null) s.terms = body.iterator();
            if (!s.terms.seekExact(top.terms.get(id))) return ABSENT;
            int df = s.terms.docFreq();
            int[] docs = new int[df];
            float[] denominator = new float[df];
            s.postings = s.terms.postings(s.postings, PostingsEnum.FREQS);
            int k = 0;
            for (int d = s.postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = s.postings.nextDoc()) {
                docs[k] = d;
                denominator[k++] = bm25.denominator(d, s.postings.freq());
            }
            float idf = bm25.idf(df);
            return k == df ? new BodyPostings(docs, denominator, idf)
                    : new BodyPostings(Arrays.copyOf(docs, k), Arrays.copyOf(denominator, k), idf);
        }
    }

    /**
     * BM25 over the body field, as Lucene's {@code BM25Similarity} with the index's k1 and b: the
     * field's one-byte norms, its average length, idf {@code ln(1 + (N - df + 0.5) / (df + 0.5))}.
     */
    private static final class Bm25 {
        final byte[] norm;
        final float[] normInverse = new float[256];
        final int docCount;

        Bm25(IndexReader reader, int n) throws IOException {
            norm = new byte[n];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues norms = leaf.reader().getNormValues(SearchFields.BODY);
                if (norms == null) continue;
                for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
                    norm[leaf.docBase + d] = (byte) norms.longValue();
                }
            }
            CollectionStatistics stats = new IndexSearcher(reader).collectionStatistics(SearchFields.BODY);
            docCount = stats == null ? n : (int) stats.docCount();
            float avgdl = stats == null ? 1f : (float) (stats.sumTotalTermFreq() / (double) stats.docCount());
            for (int i = 0; i < 256; i++) {
                float length = SmallFloat.byte4ToInt((byte) i);
                normInverse[i] = 1f / (SearchFields.K1 * ((1 - SearchFields.B) + SearchFields.B * length / avgdl));
            }
        }

        float idf(int df) {
            return (float) Math.log(1 + (docCount - df + 0.5D) / (df + 0.5D));
        }

        /** {@code weight - weight / denominator(doc, freq)} is the page's score for a term of that weight. */
        float denominator(int doc, int freq) {
            return 1f + freq * normInverse[norm[doc] & 0xFF];
        }
    }

    /**
     * The query of {@code doc}'s best terms on the body field, each boosted by its score over the best one:
     * scores summed per page in the page's term order, so the same page gets the same score whatever the
     * index's segments.
     */
    private static Map<String, Double> similarTo(int doc, TopTerms top, PostingsCache postings, Scratch s, String[] url,
                                                 int[] urlRank) throws IOException {
        int count = top.size[doc];
        if (count == 0) return Map.of();
        int base = doc * MAX_QUERY_TERMS;
        float best = top.score[base]; // slots are sorted best first
        int touched = 0;
        for (int i = 0; i < count; i++) {
            BodyPostings p = postings.get(top.term[base + i], s);
            if (p == null) continue;
            float weight = (top.score[base + i] / best) * p.idf;
            int[] docs = p.docs;
            float[] denominator = p.denominator;
            for (int k = 0; k < docs.length; k++) {
                int d = docs[k];
                if (s.score[d] == 0) s.touched[touched++] = d;
                s.score[d] += weight - weight / denominator[k];
            }
        }
        // the best CANDIDATES other pages: higher score first, then smaller URL
        int[] hits = new int[CANDIDATES];
        int size = 0;
        for (int k = 0; k < touched; k++) {
            int d = s.touched[k];
            if (d == doc || s.score[d] <= 0) continue;
            if (size == CANDIDATES && !better(s.score, urlRank, d, hits[CANDIDATES - 1])) continue;
            int at = size == CANDIDATES ? CANDIDATES - 1 : size++;
            while (at > 0 && better(s.score, urlRank, d, hits[at - 1])) {
                hits[at] = hits[at - 1];
                at--;
            }
            hits[at] = d;
        }
        Map<String, Double> scores = new HashMap<>();
        if (size > 0) {
            float bestHit = s.score[hits[0]];
            for (int k = 0; k < size; k++) scores.put(url[hits[k]], (double) (s.score[hits[k]] / bestHit));
        }
        for (int k = 0; k < touched; k++) s.score[s.touched[k]] = 0;
        return scores;
    }

    private static boolean better(float[] score, int[] urlRank, int a, int b) {
        return score[a] > score[b] || (score[a] == score[b] && urlRank[a] < urlRank[b]);
    }

    /** Each page's rank in URL order. */
    private static int[] ranks(String[] url) {
        Integer[] order = new Integer[url.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> url[a].compareTo(url[b]));
        int[] rank = new int[url.length];
        for (int r = 0; r < order.length; r++) rank[order[r]] = r;
        return rank;
    }

    /** Each page's URL by its index-wide document number. */
    private static String[] urls(IndexReader reader) throws IOException {
        String[] url = new String[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues dv = leaf.reader().getSortedDocValues(SearchFields.URL);
            if (dv == null) continue;
            String[] byOrd = SearchFields.valuesByOrd(dv);
            for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                url[leaf.docBase + d] = byOrd[dv.ordValue()];
            }
        }
        for (int i = 0; i < url.length; i++) if (url[i] == null) url[i] = "";
        return url;
    }

    /** Per page, its best terms: parallel arrays of {@link #MAX_QUERY_TERMS} slots per page. */
    private static final class TopTerms {
        final int[] term;
        final float[] score;
        final int[] size;
        final List<BytesRef> terms = new ArrayList<>();

        TopTerms(int n) {
            term = new int[n * MAX_QUERY_TERMS];
            score = new float[n * MAX_QUERY_TERMS];
            size = new int[n];
        }

        /** Keeps (t, s) among the page's best; terms arrive in increasing order, so an equal score keeps the earlier term. */
        void offer(int doc, int t, float s) {
            int base = doc * MAX_QUERY_TERMS;
            int k = size[doc];
            if (k < MAX_QUERY_TERMS) {
                term[base + k] = t;
                score[base + k] = s;
                size[doc] = k + 1;
                return;
            }
            int worst = base;
            for (int i = base + 1; i < base + MAX_QUERY_TERMS; i++) {
                if (score[i] < score[worst] || (score[i] == score[worst] && term[i] > term[worst])) worst = i;
            }
            if (s > score[worst]) {
                term[worst] = t;
                score[worst] = s;
            }
        }
    }

    private static TopTerms topTerms(IndexReader reader, int n) throws IOException {
        TopTerms top = new TopTerms(n);
        TermsEnum[] enums = new TermsEnum[FIELDS.length];
        BytesRef[] current = new BytesRef[FIELDS.length];
        for (int f = 0; f < FIELDS.length; f++) {
            Terms terms = MultiTerms.getTerms(reader, FIELDS[f]);
            if (terms == null) continue;
            enums[f] = terms.iterator();
            current[f] = enums[f].next();
        }
        float[] tf = new float[n];
        int[] touched = new int[n];
        PostingsEnum postings = null;
        int maxDf = Math.max(MIN_DOC_FREQ, Math.min(MAX_DOC_FREQ, n * MAX_DOC_FREQ_PCT / 100));
        BytesRef min = new BytesRef();
        while (true) {
            // the smallest current term over the fields
            int first = -1;
            for (int f = 0; f < FIELDS.length; f++) {
                if (current[f] != null && (first < 0 || current[f].compareTo(current[first]) < 0)) first = f;
            }
            if (first < 0) break;
            min = BytesRef.deepCopyOf(current[first]);
            boolean wanted = UnicodeUtil.codePointCount(min) >= MIN_TERM_LENGTH;
            // a term in more than maxDf pages of one field is in more than that of all four: not a candidate,
            // and its postings (the bulk of the index's: the common words) need not be read
            for (int f = 0; f < FIELDS.length && wanted; f++) {
                if (current[f] != null && current[f].bytesEquals(min) && enums[f].docFreq() > maxDf) wanted = false;
            }
            int df = 0;
            for (int f = 0; f < FIELDS.length; f++) {
                if (current[f] == null || !current[f].bytesEquals(min)) continue;
                if (wanted) {
                    postings = enums[f].postings(postings, PostingsEnum.FREQS);
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (tf[d] == 0) touched[df++] = d;
                        tf[d] += WEIGHTS[f] * postings.freq();
                    }
                }
                current[f] = enums[f].next();
            }
            if (!wanted) continue;
            if (df >= MIN_DOC_FREQ && df <= maxDf) {
                int id = top.terms.size();
                top.terms.add(min);
                float idf = (float) (Math.log((n + 1) / (double) (df + 1)) + 1.0);
                for (int i = 0; i < df; i++) top.offer(touched[i], id, tf[touched[i]] * idf);
            }
            for (int i = 0; i < df; i++) tf[touched[i]] = 0;
        }
        // a page's terms best first (then by term), so its query is the same whatever order they came in
        for (int doc = 0; doc < n; doc++) sortSlots(top, doc);
        return top;
    }

    private static void sortSlots(TopTerms top, int doc) {
        int base = doc * MAX_QUERY_TERMS;
        int k = top.size[doc];
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(top.score[base + b], top.score[base + a]);
            return c != 0 ? c : Integer.compare(top.term[base + a], top.term[base + b]);
        });
        int[] t = new int[k];
        float[] s = new float[k];
        for (int i = 0; i < k; i++) {
            t[i] = top.term[base + order[i]];
            s[i] = top.score[base + order[i]];
        }
        System.arraycopy(t, 0, top.term, base, k);
        System.arraycopy(s, 0, top.score, base, k);
    }

}

package dev.peerhub.site;

import dev.peerhub.content.Article;
import dev.peerhub.content.ContentReader;
import dev.peerhub.content.MarkdownBody;
import dev.peerhub.content.SourceText;
import dev.peerhub.diagnostic.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Related pages for each article: up to {@link #LIMIT}, chosen by content similarity (Lucene's
 * {@link MoreLikeThis} over title, summary and body text) blended with shared tags. Deterministic:
 * the same site gives the same lists (ties are broken by URL).
 *
 * <p>Scoring: a candidate's MoreLikeThis score is divided by the best score of that query (so it lies in
 * 0..1), then {@link #TAG_WEIGHT} is added per shared tag. Pages that share tags but are not among the
 * MoreLikeThis hits still compete with their tag score alone.
 *
 * <p>MoreLikeThis parameters (see {@link #configure}): the query is built by analysing the page's text
 * again (faster than reading stored term vectors back, which decompresses a block per page); terms
 * must occur at least once in the page ({@code minTermFreq=1}: guides are short) and in at least 2
 * pages ({@code minDocFreq=2}: a word only this page has cannot relate it to another), and in no more
 * than 40% of pages ({@code maxDocFreq}, at least 2 so tiny sites still relate: site-wide words like
 * "circle" on a circles hub carry no signal); words shorter than 3 letters are skipped; only the first
 * 1,000 tokens of a page are read for its query ({@code maxNumTokensParsed=1000}: title, summary and the
 * start of the body say what it is about); the 20 most interesting terms by tf-idf form the query
 * ({@code maxQueryTerms=20}), boosted by their score ({@code boost=true}). Hits are collected with a
 * total-hits threshold equal to the 21 wanted, so Lucene can skip non-competitive documents. Analysis is
 * Lucene's
 * {@link EnglishAnalyzer} (stop words and Porter stemming). The title counts twice.
 */
public final class Related {

    public static final int LIMIT = 5;
    /** What each shared tag adds to a candidate's normalised similarity. */
    public static final double TAG_WEIGHT = 0.25;
    static final int MIN_DOC_FREQ = 2;
    static final int MAX_QUERY_TERMS = 20;
    static final int MAX_TOKENS_PARSED = 1000;
    static final int MAX_DOC_FREQ_PCT = 40;
    /** MoreLikeThis hits considered per page before blending. */
    static final int CANDIDATES = 20;
    /** Body text beyond this many characters is not indexed: the start of a page says what it is about. */
    static final int MAX_CHARS = 20_000;

    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("<[^>]{1,200}>");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern MARKS = Pattern.compile("[#*_>`|~\\[\\]!]+");

    private final Map<String, List<Page>> byUrl;

    private Related(Map<String, List<Page>> byUrl) {
        this.byUrl = Map.copyOf(byUrl);
    }

    /** The related pages of {@code page} (empty when none). */
    public List<Page> of(Page page) {
        return byUrl.getOrDefault(page.url(), List.of());
    }

    /** Wraps a computed mapping (for other strategies). */
    public static Related of(Map<String, List<Page>> byUrl) {
        return new Related(byUrl);
    }

    /** Related by shared tags only. */
    public static Related byTags(Site site) {
        return blend(site, Map.of());
    }

    /**
     * Content similarity blended with shared tags. Reads each article's body again from disk; a file that
     * cannot be read counts as empty here (the page stage reports it).
     */
    public static Related compute(Site site, ContentReader reader, ForkJoinPool pool) {
        Diagnostics ignored = new Diagnostics();
        return compute(site, page -> {
            Article a = page.article();
            Optional<SourceText> text = reader.read(reader.siteRoot().resolve(a.sourcePath()), ignored);
            return text.map(t -> MarkdownBody.of(t.text(), a.bodyOffset(), a.hasFrontMatter(), a.title())).orElse("");
        }, pool);
    }

    /** Content similarity over the Markdown bodies {@code markdownOf} gives, blended with shared tags. */
    public static Related compute(Site site, Function<Page, String> markdownOf, ForkJoinPool pool) {
        List<Page> pages = site.pages();
        if (pages.size() < 2) return byTags(site);
        List<String> texts = map(pool, pages, p -> plainText(p.article(), markdownOf.apply(p)));
        Map<String, Map<String, Double>> similar = new HashMap<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); Analyzer analyzer = new EnglishAnalyzer()) {
            FieldType textType = new FieldType();
            textType.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
            textType.setTokenized(true);
            textType.freeze();
            IndexWriterConfig iwc = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(64).setCommitOnClose(true);
            try (IndexWriter w = new IndexWriter(dir, iwc)) {
                for (int i = 0; i < pages.size(); i++) {
                    Document d = new Document();
                    d.add(new StoredField("i", i));
                    d.add(new Field("text", texts.get(i), textType));
                    w.addDocument(d);
                }
                w.forceMerge(1);
            }
            try (DirectoryReader ir = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(ir);
                // MoreLikeThis asks the document frequency of every distinct word of every page: read them
                // once from the terms dictionary instead of seeking it a few hundred times per page.
                LeafReader stats = new DocFreqs(ir.leaves().getFirst().reader(), "text");
                searcher.setQueryCache(null); // every query is different: caching clauses only costs
                int[] pageOf = new int[ir.maxDoc()];
                StoredFields stored = ir.storedFields();
                for (int doc = 0; doc < ir.maxDoc(); doc++) {
                    pageOf[doc] = stored.document(doc).getField("i").numericValue().intValue();
                }
                List<Integer> indexes = java.util.stream.IntStream.range(0, pages.size()).boxed().toList();
                List<Map<String, Double>> results = map(pool, indexes, i -> {
                    try {
                        MoreLikeThis mlt = configure(new MoreLikeThis(stats), analyzer, ir.numDocs());
                        Query q = mlt.like("text", new java.io.StringReader(texts.get(i)));
                        TopDocs top = searcher.search(q, new TopScoreDocCollectorManager(CANDIDATES + 1, CANDIDATES + 1));
                        Map<String, Double> scores = new HashMap<>();
                        float best = 0;
                        for (ScoreDoc sd : top.scoreDocs) {
                            if (pageOf[sd.doc] != i) best = Math.max(best, sd.score);
                        }
                        for (ScoreDoc sd : top.scoreDocs) {
                            int other = pageOf[sd.doc];
                            if (other == i || best <= 0) continue;
                            scores.put(pages.get(other).url(), (double) (sd.score / best));
                        }
                        return scores;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                for (int i = 0; i < pages.size(); i++) similar.put(pages.get(i).url(), results.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index for related pages", e);
        }
        return blend(site, similar);
    }

    /** The MoreLikeThis settings documented on the class. */
    static MoreLikeThis configure(MoreLikeThis mlt, Analyzer analyzer, int docs) {
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {"text"});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(MIN_DOC_FREQ);
        mlt.setMaxDocFreq(Math.max(MIN_DOC_FREQ, docs * MAX_DOC_FREQ_PCT / 100));
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        mlt.setMaxNumTokensParsed(MAX_TOKENS_PARSED);
        mlt.setBoost(true);
        return mlt;
    }

    private static final Comparator<Map.Entry<String, Double>> BEST_FIRST = Map.Entry.<String, Double>comparingByValue(
            Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

    private static Related blend(Site site, Map<String, Map<String, Double>> similar) {
        Map<String, List<Page>> byTag = new HashMap<>();
        for (TagGroup g : site.tags()) byTag.put(g.tag().slug(), g.pages());
        Map<String, Page> byUrl = new HashMap<>();
        for (Page p : site.pages()) byUrl.put(p.url(), p);
        Map<String, List<Page>> result = new HashMap<>();
        for (Page page : site.pages()) {
            Map<String, Double> score = new HashMap<>(similar.getOrDefault(page.url(), Map.of()));
            for (var t : page.article().tags()) {
                for (Page p : byTag.getOrDefault(t.slug(), List.of())) score.merge(p.url(), TAG_WEIGHT, Double::sum);
            }
            score.remove(page.url());
            // The best LIMIT by score, then URL: a selection, not a sort of every candidate.
            List<Map.Entry<String, Double>> best = new ArrayList<>(LIMIT + 1);
            for (Map.Entry<String, Double> e : score.entrySet()) {
                if (best.size() == LIMIT && BEST_FIRST.compare(e, best.getLast()) >= 0) continue;
                int at = 0;
                while (at < best.size() && BEST_FIRST.compare(best.get(at), e) < 0) at++;
                best.add(at, e);
                if (best.size() > LIMIT) best.removeLast();
            }
            List<Page> top = best.stream().map(e -> byUrl.get(e.getKey())).toList();
            if (!top.isEmpty()) result.put(page.url(), top);
        }
        return new Related(result);
    }

    /**
     * A view of a single-segment reader for MoreLikeThis's statistics: {@code docFreq} of the one field
     * answered from a map filled once, everything else as the wrapped reader.
     */
    static final class DocFreqs extends FilterLeafReader {
        private final String field;
        private final Map<BytesRef, Integer> docFreq = new HashMap<>();

        DocFreqs(LeafReader in, String field) throws IOException {
            super(in);
            this.field = field;
            Terms terms = in.terms(field);
            if (terms != null) {
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) docFreq.put(BytesRef.deepCopyOf(t), te.docFreq());
            }
        }

        @Override
        public Terms terms(String f) throws IOException {
            Terms t = super.terms(f);
            if (t == null || !f.equals(field)) return t;
            return new FilterTerms(t) {
                @Override
                public TermsEnum iterator() {
                    return new Lookup(docFreq);
                }
            };
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }

        /** Answers seekExact and docFreq only: all MoreLikeThis needs. */
        private static final class Lookup extends BaseTermsEnum {
            private final Map<BytesRef, Integer> docFreq;
            private int current;

            Lookup(Map<BytesRef, Integer> docFreq) {
                this.docFreq = docFreq;
            }

            @Override
            public boolean seekExact(BytesRef text) {
                Integer df = docFreq.get(text);
                current = df == null ? 0 : df;
                return df != null;
            }

            @Override
            public int docFreq() {
                return current;
            }

            @Override
            public SeekStatus seekCeil(BytesRef text) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void seekExact(long ord) {
                throw new UnsupportedOperationException();
            }

            @Override
            public BytesRef term() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long ord() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long totalTermFreq() {
                throw new UnsupportedOperationException();
            }

            @Override
            public PostingsEnum postings(PostingsEnum reuse, int flags) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ImpactsEnum impacts(int flags) {
                throw new UnsupportedOperationException();
            }

            @Override
            public BytesRef next() {
                throw new UnsupportedOperationException();
            }
        }
    }

    /** Title (twice), summary and body with Markdown syntax, link targets, URLs and HTML tags removed. */
    static String plainText(Article a, String markdown) {
        String body = markdown.length() > MAX_CHARS ? markdown.substring(0, MAX_CHARS) : markdown;
        body = FENCE.matcher(body).replaceAll(" ");
        body = LINK_TARGET.matcher(body).replaceAll("] ");
        body = TAG.matcher(body).replaceAll(" ");
        body = URL.matcher(body).replaceAll(" ");
        body = MARKS.matcher(body).replaceAll(" ");
        return a.title() + "\n" + a.title() + "\n" + a.summary() + "\n" + body;
    }

    private static <T, R> List<R> map(ForkJoinPool pool, List<T> items, Function<T, R> f) {
        try {
            return pool.submit(() -> items.parallelStream().map(f).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

}

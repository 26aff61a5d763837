package dev.peerhub.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.util.BytesRef;

/**
 * The pages one thread adds, inverted in memory for Lucene: what {@link org.apache.lucene.index.IndexWriter}
 * would build from the documents {@link SearchIndexer#toLucene} makes (the same fields, terms, postings,
 * positions, norms and doc values), built faster because {@link FastEnglishAnalyzer}'s tokenizer already
 * knows each token's term as a number: a token costs an array look-up and a few bytes appended, where
 * Lucene's indexing chain hashes its UTF-8 bytes and writes them into byte slices. {@link InvertedPagesReader}
 * serves the result through Lucene's reader API, and {@link SearchIndexer} hands it to
 * {@code IndexWriter.addIndexes}, so Lucene writes a real segment with its own codec.
 * {@code PageInverterTest} holds the two indexes to the same content.
 *
 * <p>Not thread-safe: one per thread.
 */
final class PageInverter {
    /** Text fields, in {@link SearchFields#TEXT_FIELDS} order. */
    final TextPostings[] text = new TextPostings[SearchFields.TEXT_FIELDS.size()];
    /** Keyword fields: url, section, type, tag (each value a term, in the order of {@link #KEYWORD_FIELDS}). */
    static final List<String> KEYWORD_FIELDS =
            List.of(SearchFields.URL, SearchFields.F_SECTION, SearchFields.F_TYPE, SearchFields.F_TAG);

    final FastEnglishAnalyzer.FastEnglishTokenizer tokenizer;
    int maxDoc;
    /** Per page: url, section, type (for both the keyword postings and the sorted doc values). */
    String[] urls = new String[64];
    String[] sections = new String[64];
    String[] types = new String[64];
    String[][] tags = new String[64][];
    byte[][] display = new byte[64][];
    private long bytes;

    PageInverter() {
        this(FastEnglishAnalyzer.CACHE_LIMIT);
    }

    PageInverter(int cacheLimit) {
        tokenizer = new FastEnglishAnalyzer.FastEnglishTokenizer(cacheLimit);
        for (int f = 0; f < text.length; f++) text[f] = new TextPostings();
    }

    /** Adds a page, whose display entry ({@link DisplayData#stored}) is {@code displayEntry}. */
    void add(SearchDocument doc, byte[] displayEntry) throws IOException {
        int d = maxDoc;
        if (d == urls.length) {
            int n = d * 2;
            urls = Arrays.copyOf(urls, n);
            sections = Arrays.copyOf(sections, n);
            types = Arrays.copyOf(types, n);
            tags = Arrays.copyOf(tags, n);
            display = Arrays.copyOf(display, n);
        }
        // the same values, in the same fields, as SearchIndexer.toLucene
        text[0].invert(tokenizer, doc.title(), d);
        text[1].invert(tokenizer, String.join("\n", doc.tags()), d);
        text[2].invert(tokenizer, String.join("\n", doc.headings()), d);
        text[3].invert(tokenizer, doc.summary(), d);
        text[4].invert(tokenizer, doc.body(), d);
        urls[d] = doc.url();
        sections[d] = doc.section();
        types[d] = doc.type();
        tags[d] = doc.tags().toArray(String[]::new);
        display[d] = displayEntry;
        bytes += 64 + displayEntry.length + 2L * (doc.url().length() + doc.section().length() + doc.type().length());
        maxDoc = d + 1;
    }

    /** About how many bytes of heap this holds (for deciding when to hand it to Lucene). */
    long ramBytes() {
        long sum = bytes + 64L * maxDoc;
        for (TextPostings t : text) sum += t.ramBytes();
        return sum;
    }

    /** The text of term number {@code stem} (see {@link FastEnglishAnalyzer.FastEnglishTokenizer#nextStem}). */
    BytesRef termBytes(int stem) {
        char[] c = tokenizer.stemChars(stem);
        return new BytesRef(new String(c));
    }

    /** The keyword postings of field {@code k} ({@link #KEYWORD_FIELDS}): each value with its pages, sorted. */
    TreeMap<BytesRef, int[]> keywordPostings(int k) {
        TreeMap<BytesRef, IntList> map = new TreeMap<>();
        for (int d = 0; d < maxDoc; d++) {
            switch (k) {
                case 0 -> add(map, urls[d], d);
                case 1 -> add(map, sections[d], d);
                case 2 -> add(map, types[d], d);
                default -> {
                    for (String t : tags[d]) add(map, t, d);
                }
            }
        }
        TreeMap<BytesRef, int[]> out = new TreeMap<>();
        map.forEach((term, docs) -> out.put(term, docs.toArray()));
        return out;
    }

    private static void add(TreeMap<BytesRef, IntList> map, String value, int doc) {
        IntList docs = map.computeIfAbsent(new BytesRef(value), v -> new IntList());
        if (docs.size == 0 || docs.values[docs.size - 1] != doc) docs.add(doc); // a tag given twice is one posting
    }

    /** A growing list of ints. */
    static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * One text field's tokens and, once {@link #freeze frozen}, its postings. While pages are added each token
     * is logged as its term and position (two ints, in page order); {@link #freeze} sorts the log by term with
     * a counting sort, which keeps the pages and positions of each term in order. (Appending each token to its
     * own term's list as it comes cost a cache miss or two per token, three times as long in all.)
     */
    static final class TextPostings {
        private static final int CHUNK_BITS = 16;
        private static final int CHUNK = 1 << CHUNK_BITS;
        /** Term index by stem number, -1 when the field has no such term yet. */
        private int[] termOfStem = filled(1024);
        int terms;
        int[] stemOf = new int[256];
        /**
         * The token log, in chunks of {@link #CHUNK} tokens (no copying as it grows): each token's term, and its
         * position increment as a byte (255: the increment is the next of {@link #bigIncrements}).
         */
        private int[][] tokenTerm = new int[16][];
        private byte[][] tokenIncrement = new byte[16][];
        private final IntList bigIncrements = new IntList();
        private int tokens;
        /** Per page, the index of its first token in the log; {@code pageStart[maxDoc]} is the log's end. */
        private int[] pageStart = new int[65];
        private int pages;
        /** Per page, the field's length in tokens (0: no token). */
        int[] lengths = new int[64];

        /** After {@link #freeze}: per term, where its postings start in {@link #docs} and {@link #positions}. */
        int[] start;
        /** After {@link #freeze}: page and position of every token, sorted by term, then page and position. */
        int[] docs;
        int[] positions;
        /** After {@link #freeze}: per term, how many pages have it. */
        int[] docFreq;

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }

        void invert(FastEnglishAnalyzer.FastEnglishTokenizer tokenizer, String value, int doc) throws IOException {
            if (doc != pages) throw new IllegalStateException("pages out of order");
            if (doc + 2 > pageStart.length) {
                pageStart = Arrays.copyOf(pageStart, pageStart.length * 2);
                lengths = Arrays.copyOf(lengths, pageStart.length);
            }
            pageStart[doc] = tokens;
            pages = doc + 1;
            if (!value.isEmpty()) {
                tokenizer.startText(value);
                int n = tokens;
                int[] termOfStem = this.termOfStem;
                int[] terms = n >>> CHUNK_BITS < tokenTerm.length ? tokenTerm[n >>> CHUNK_BITS] : null;
                byte[] increments = terms == null ? null : tokenIncrement[n >>> CHUNK_BITS];
                for (int stem; (stem = tokenizer.nextStem()) >= 0; ) {
                    if (stem >= termOfStem.length) {
                        int old = termOfStem.length;
                        termOfStem = this.termOfStem = Arrays.copyOf(termOfStem, Math.max(stem + 1, old * 2));
                        Arrays.fill(termOfStem, old, termOfStem.length, -1);
                    }
                    int t = termOfStem[stem];
                    if (t < 0) t = termOfStem[stem] = newTerm(stem);
                    int k = n & (CHUNK - 1);
                    if (k == 0 || terms == null) {
                        int c = n >>> CHUNK_BITS;
                        if (c == tokenTerm.length) {
                            tokenTerm = Arrays.copyOf(tokenTerm, c * 2);
                            tokenIncrement = Arrays.copyOf(tokenIncrement, c * 2);
                        }
                        if (tokenTerm[c] == null) {
                            tokenTerm[c] = new int[CHUNK];
                            tokenIncrement[c] = new byte[CHUNK];
                        }
                        terms = tokenTerm[c];
                        increments = tokenIncrement[c];
                    }
                    terms[k] = t;
                    int increment = tokenizer.increment();
                    if (increment < 255) {
                        increments[k] = (byte) increment;
                    } else {
                        increments[k] = (byte) 255;
                        bigIncrements.add(increment);
                    }
                    n++;
                }
                tokenizer.end();
                lengths[doc] = n - tokens;
                tokens = n;
            }
            pageStart[pages] = tokens;
        }

        private int newTerm(int stem) {
            int t = terms++;
            if (t == stemOf.length) stemOf = Arrays.copyOf(stemOf, t * 2);
            stemOf[t] = stem;
            return t;
        }

        /**
         * Heap this field needs at most: the log (5 bytes a token) and, while {@link #freeze} runs, the sorted
         * postings beside it (8 bytes a token).
         */
        long ramBytes() {
            return 13L * tokens + 4L * bigIncrements.size + 8L * lengths.length + 4L * termOfStem.length + 8L * stemOf.length;
        }

        /** Sorts the token log into postings (see the class comment); the log is let go. */
        void freeze() {
            if (start != null) return;
            int[] at = new int[terms + 1];
            for (int i = 0; i < tokens; i++) at[tokenTerm[i >>> CHUNK_BITS][i & (CHUNK - 1)] + 1]++;
            for (int t = 0; t < terms; t++) at[t + 1] += at[t];
            start = at.clone();
            docs = new int[tokens];
            positions = new int[tokens];
            int big = 0;
            int chunk = 0;
            for (int d = 0; d < pages; d++) {
                int position = -1;
                for (int i = pageStart[d], end = pageStart[d + 1]; i < end; i++) {
                    int c = i >>> CHUNK_BITS;
                    int k = i & (CHUNK - 1);
                    while (chunk < c) { // done with it: let it go as the postings grow
                        tokenTerm[chunk] = null;
                        tokenIncrement[chunk++] = null;
                    }
                    int increment = tokenIncrement[c][k] & 0xFF;
                    position += increment == 255 ? bigIncrements.values[big++] : increment;
                    int j = at[tokenTerm[c][k]]++;
                    docs[j] = d;
                    positions[j] = position;
                }
            }
            tokenTerm = null;
            tokenIncrement = null;
            docFreq = new int[terms];
            for (int t = 0; t < terms; t++) {
                int n = 0;
                for (int i = start[t], end = start[t + 1], last = -1; i < end; i++) {
                    if (docs[i] != last) {
                        n++;
                        last = docs[i];
                    }
                }
                docFreq[t] = n;
            }
        }

        /** The terms' indexes in Lucene's order of their UTF-8 bytes, with those bytes. */
        Sorted sorted(PageInverter owner) {
            BytesRef[] bytes = new BytesRef[terms];
            Integer[] order = new Integer[terms];
            for (int t = 0; t < terms; t++) {
                bytes[t] = owner.termBytes(stemOf[t]);
                order[t] = t;
            }
            Arrays.sort(order, (a, b) -> bytes[a].compareTo(bytes[b]));
            int[] ids = new int[terms];
            BytesRef[] sortedBytes = new BytesRef[terms];
            for (int i = 0; i < terms; i++) {
                ids[i] = order[i];
                sortedBytes[i] = bytes[order[i]];
            }
            return new Sorted(ids, sortedBytes);
        }

        record Sorted(int[] terms, BytesRef[] bytes) {}
    }
}

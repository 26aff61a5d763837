package dev.peerhub.search;

import dev.peerhub.output.OutputFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.zip.Deflater;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * Reads a committed Lucene index (any number of segments; pages numbered in URL order by
 * {@link DocOrder}) back through Lucene's APIs and writes the static
 * client index. The format is described in {@code docs/search.md}; in short (varints are
 * unsigned LEB128):
 *
 * <ul>
 *   <li>{@code search/manifest.json}: field statistics and boosts, the first term of every term
 *       part, one lexicon file per leading character, and the names of the document files.
 *   <li>{@code search/t/HASH/N.bin}, a term part: a contiguous range of terms (all fields merged,
 *       in Lucene's byte order), each with per-field doc freq, postings and positions lengths, and postings (all doc deltas,
 *       then all freqs, then all one-byte norms).
 *   <li>{@code search/p/HASH/N.bin}: the positions of the same terms, fetched only for phrases;
 *       {@code search/r/HASH.bin}: all of them end to end, uncompressed, for range requests (each
 *       term part starts with its base offset there and gives each term's positions length).
 *   <li>{@code search/t/HASH.bin}, {@code l/HASH.bin}: packs of the numbered
 *       files, each entry (and each numbered file) a varint length and raw DEFLATE, padded to
 *       256-byte blocks in the pack (sizes in
 *       the manifest's {@code tBlocks}, {@code pBlocks}, {@code lBlocks}), for multi-range requests;
 *   <li>{@code search/l/HASH/N.bin}: a lexicon range: terms with per-field doc freq, no postings,
 *       for prefix and fuzzy expansion.
 *   <li>{@code search/d/HASH.bin}: the display data of every page (one JSON object each,
 *       concatenated in doc-id order), addressed with {@code search/o/HASH.bin} (uint32 offsets),
 *       and the same entries {@value #DOC_GROUP} to a file, end to end, as {@code search/d/HASH2/K.bin}
 *       (K the doc number divided by the group size; HASH2 a hash of the pack's name and the group size); each entry is a
 *       varint length and the raw-DEFLATE compressed object, padded to {@value #DOC_BLOCK_BYTES}
 *       bytes in the pack; the manifest's {@code docBlocks} gives each entry's size in blocks;
 *       {@code search/f/HASH.json}: section, type and tags of every page, for filters and facets.
 * </ul>
 */
final class IndexExporter {

    /**
     * DEFLATE level of every compressed file but the display data. Measured on the 10k benchmark corpus's 923
     * term parts (16.0 MB before compression), 2026-11-24: level 6 made them 6.41 MB in 794 ms, level 4 6.53 MB
     * (1.9 % more) in 332 ms, level 1 6.92 MB (8 % more) in 254 ms; level 9 had been 0.8 % smaller than 6 at
     * four times its time. A query fetches two or three parts, so level 4 costs it about half a KB.
     */
    static final int COMPRESSION_LEVEL = 4;

    /**
     * DEFLATE level of the display data's entries ({@link DisplayData#stored}), the largest thing compressed
     * (45 MB at 10k, the build's largest single cost in the index after analysis). Measured on the 10k
     * benchmark's entries, 2026-11-24, with the build's JVM: level 1 made 24.2 MB in 0.73 to 0.86 s, level 4
     * 23.5 MB (3.0 % less) in 0.90 to 0.97 s, level 6 23.4 MB in 1.0 to 1.16 s; on the sample hub's own prose
     * level 1 is 3.5 % larger than level 4. Ten results' display data is about 17 KB, so level 1 costs a first
     * query about half a KB; DEFLATE without matches (Huffman codes only) was twice as fast but 8 % larger on
     * the corpus and 15 % on prose.
     */
    static final int DISPLAY_LEVEL = 1;

    /**
     * The client index's format, {@code v} in the manifest; client.js refuses another. 2: display data
     * entries in {@link DisplayData}'s binary encoding (1 had JSON).
     */
    static final int FORMAT_VERSION = 2;

    /** A term part is closed once its postings reach this many bytes. */
    static final int PART_TARGET_BYTES = 16 * 1024;

    /**
     * Each document's entry in the documents file starts on a multiple of this many bytes, so the
     * manifest can list entry sizes in blocks (small numbers that compress well) and the client
     * can fetch a page of results in one range request without first fetching offsets.
     */
    static final int DOC_BLOCK_BYTES = 256;

    /**
     * Pages per fallback file of display data ({@code d/HASH2/K.bin}), read only where the server ignores
     * range requests: 8 entries are about 20 KB, close to a term part, so a first query without ranges costs
     * a few hundred KB while the build writes an eighth of the files a file per page took.
     */
    static final int DOC_GROUP = 8;

    /** Above this many pages the block table moves out of the manifest (the uint32 offsets file remains). */
    static final int EMBED_DOC_TABLE_MAX_DOCS = 20_000;

    /** A lexicon file is closed once it reaches this many bytes. */
    static final int LEXICON_TARGET_BYTES = 16 * 1024;

    private final DirectoryReader reader;
    private final String language;
    /** Where each file goes as soon as it is complete (the build's output: nothing is held until the end). */
    private java.util.function.Consumer<OutputFile> out;

    private synchronized void emit(OutputFile file) {
        out.accept(file);
    }

    private final int embedDocTableMaxDocs;

    /** Client doc numbers (URL order) of Lucene's doc ids. */
    private DocOrder order;

    IndexExporter(DirectoryReader reader, String language) {
        this(reader, language, EMBED_DOC_TABLE_MAX_DOCS);
    }

    private static final String FINAL_DIGITS = "0123456789abcdefghijklmnopqrstuv";
    private static final String MORE_DIGITS = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    /**
     * Appends a block count in base 32, most significant digit first, the last digit from
     * {@link #FINAL_DIGITS} and the others from {@link #MORE_DIGITS}: one character for counts
     * under 32, no separators, and JSON-safe.
     */
    static void blockNumber(StringBuilder sb, int v) {
        int digits = 1;
        for (int x = v >>> 5; x > 0; x >>>= 5) digits++;
        for (int i = digits - 1; i > 0; i--) sb.append(MORE_DIGITS.charAt((v >>> (5 * i)) & 31));
        sb.append(FINAL_DIGITS.charAt(v & 31));
    }

    /** For tests: a lower threshold exercises the large-site layout on a small corpus. */
    IndexExporter(DirectoryReader reader, String language, int embedDocTableMaxDocs) {
        this.embedDocTableMaxDocs = embedDocTableMaxDocs;
        this.reader = reader;
        this.language = language;
    }

    /**
     * Exports with a private pool of one thread per core (shut down before returning): the
     * postings of ranges of terms, the display data of ranges of pages and the compression of the
     * files are independent pieces of work.
     */
    List<OutputFile> export() throws IOException {
        List<OutputFile> files = new ArrayList<>();
        export(files::add);
        return List.copyOf(files);
    }

    /** Exports as {@link #export()} does, handing each file to {@code out} as soon as it is complete. */
    void export(java.util.function.Consumer<OutputFile> out) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads <= 1) {
            export(null, out);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "peerhub-search-export");
            t.setDaemon(true);
            return t;
        });
        try {
            export(pool, out);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Exports, running the pieces of work on {@code pool} (on the calling thread when it is null).
     * The files do not depend on the pool or the number of threads: the pieces are put together
     * in a fixed order.
     */
    List<OutputFile> export(ExecutorService pool) throws IOException {
        List<OutputFile> files = new ArrayList<>();
        export(pool, files::add);
        return List.copyOf(files);
    }

    /** Exports on {@code pool}, handing each file to {@code out} (from one thread at a time) as soon as it is complete. */
    void export(ExecutorService pool, java.util.function.Consumer<OutputFile> out) throws IOException {
        this.pool = pool;
        this.out = out;
        int maxDoc = reader.maxDoc();
        order = DocOrder.of(reader);
        int nFields = SearchFields.TEXT_FIELDS.size();
        IndexSearcher searcher = new IndexSearcher(reader);
        StringBuilder manifest = new StringBuilder();
        manifest.append("{\"v\":" + FORMAT_VERSION + ",\"lang\":").append(Json.quote(language))
                .append(",\"k1\":").append(SearchFields.K1).append(",\"b\":").append(SearchFields.B)
                .append(",\"n\":").append(maxDoc).append(",\"fields\":[");
        for (int f = 0; f < nFields; f++) {
            String field = SearchFields.TEXT_FIELDS.get(f);
            CollectionStatistics stats = searcher.collectionStatistics(field);
            long docCount = stats == null ? 0 : stats.docCount();
            long sumTtf = stats == null ? 0 : stats.sumTotalTermFreq();
            if (f > 0) manifest.append(',');
            manifest.append("{\"name\":").append(Json.quote(field)).append(",\"boost\":")
                    .append(SearchFields.BOOSTS[f]).append(",\"docCount\":").append(docCount)
                    .append(",\"sumTtf\":").append(sumTtf).append('}');
        }
        manifest.append(']');
        if (maxDoc == 0) {
            manifest.append(",\"parts\":[],\"t\":\"\",\"p\":\"\",\"lex\":[],\"l\":\"\"");
            exportDocs(maxDoc, manifest, new DocData(new byte[0][], new String[0][]));
        } else {
            // The terms' postings are encoded in ranges of terms, queued first; the pages' display
            // data behind them; the term files are put together here as the ranges come in.
            List<Future<Encoded[]>> encoded = encodeTerms();
            List<Future<?>> docTasks = new ArrayList<>();
            DocData docs = readDocs(maxDoc, docTasks);
            exportTerms(maxDoc, manifest, encoded);
            for (Future<?> f : docTasks) get(f);
            exportDocs(maxDoc, manifest, docs);
        }
        manifest.append("}\n");
        emit(new OutputFile("search/manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The pool the pieces of work run on, or null for the calling thread. */
    private ExecutorService pool;

    /** Where the work on the pool's threads adds its CPU time (null: not measured). */
    private java.util.concurrent.atomic.LongAdder cpu;

    /** Adds the CPU time of the work done on the pool's threads to {@code cpu}; returns this. */
    IndexExporter cpu(java.util.concurrent.atomic.LongAdder cpu) {
        this.cpu = cpu;
        return this;
    }

    private <T> Future<T> submit(Callable<T> task) {
        if (pool != null && cpu != null) {
            return pool.submit(() -> {
                long t0 = SearchIndexer.threadCpu();
                try {
                    return task.call();
                } finally {
                    cpu.add(SearchIndexer.threadCpu() - t0);
                }
            });
        }
        if (pool != null) return pool.submit(task);
        FutureTask<T> f = new FutureTask<>(task);
        f.run();
        return f;
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("search index export interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            dev.peerhub.concurrent.Failures.throwIfUnchecked(c);
            throw new IOException(c);
        }
    }

    /** Every term of every field, in Lucene's byte order, with a bit per field that has it. */
    private BytesRef[] allTerms;
    private int[] allMasks;
    /** Every field's norm byte of every page, by client doc number. */
    private byte[][] norms;

    /** The postings of one term: per field (0 for the fields without it) doc freq, postings, positions. */
    private record Encoded(long[] dfs, byte[][] postings, byte[][] positions) {}

    /** How many ranges of terms the postings are encoded in (more than threads, for balance). */
    private static final int TERM_RANGES = 32;

    private List<Future<Encoded[]>> encodeTerms() throws IOException {
        int nFields = SearchFields.TEXT_FIELDS.size();
        int maxDoc = reader.maxDoc();
        TreeMap<BytesRef, Integer> masks = new TreeMap<>();
        norms = new byte[nFields][maxDoc];
        for (int f = 0; f < nFields; f++) {
            String field = SearchFields.TEXT_FIELDS.get(f);
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                masks.merge(BytesRef.deepCopyOf(t), 1 << f, (a, b) -> a | b);
            }
            for (LeafReaderContext ctx : reader.leaves()) {
                NumericDocValues nv = ctx.reader().getNormValues(field);
                if (nv == null) continue;
                for (int d = nv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = nv.nextDoc()) {
                    norms[f][order.rank[ctx.docBase + d]] = (byte) nv.longValue();
                }
            }
        }
        allTerms = new BytesRef[masks.size()];
        allMasks = new int[masks.size()];
        int i = 0;
        for (Map.Entry<BytesRef, Integer> e : masks.entrySet()) {
            allTerms[i] = e.getKey();
            allMasks[i++] = e.getValue();
        }
        int n = allTerms.length;
        int ranges = pool == null ? 1 : Math.min(TERM_RANGES, Math.max(1, n));
        List<Future<Encoded[]>> out = new ArrayList<>();
        for (int r = 0; r < ranges; r++) {
            int from = (int) ((long) r * n / ranges);
            int to = (int) ((long) (r + 1) * n / ranges);
            out.add(submit(() -> encode(from, to)));
        }
        return out;
    }

    /** Encodes the postings of terms [from, to) with its own enums (one range per thread at a time). */
    private Encoded[] encode(int from, int to) throws IOException {
        int nFields = SearchFields.TEXT_FIELDS.size();
        TermsEnum[] enums = new TermsEnum[nFields];
        for (int f = 0; f < nFields; f++) {
            Terms terms = MultiTerms.getTerms(reader, SearchFields.TEXT_FIELDS.get(f));
            if (terms != null) enums[f] = terms.iterator();
        }
        PostingsEnum pe = null;
        Postings buf = new Postings();
        ByteSink ps = new ByteSink();
        ByteSink freqs = new ByteSink();
        ByteSink normBytes = new ByteSink();
        ByteSink pos = new ByteSink();
        Encoded[] out = new Encoded[to - from];
        for (int t = from; t < to; t++) {
            BytesRef term = allTerms[t];
            int mask = allMasks[t];
            long[] dfs = new long[nFields];
            byte[][] postings = new byte[nFields][];
            byte[][] positions = new byte[nFields][];
            for (int f = 0; f < nFields; f++) {
                if ((mask & (1 << f)) == 0) continue;
                if (!enums[f].seekExact(term)) throw new IllegalStateException("term vanished");
                dfs[f] = enums[f].docFreq();
                pe = enums[f].postings(pe, PostingsEnum.POSITIONS);
                buf.read(pe, order.rank);
                // Postings as three runs (doc deltas, freqs, norm bytes): like values side by side
                // compress far better than interleaved triples.
                ps.clear();
                freqs.clear();
                normBytes.clear();
                pos.clear();
                byte[] fieldNorms = norms[f];
                int last = 0;
                for (int k = 0; k < buf.size; k++) {
                    int i = (int) buf.keys[k];
                    int d = (int) (buf.keys[k] >>> 32);
                    int freq = buf.freqs[i];
                    ps.varint(d - last);
                    last = d;
                    freqs.varint(freq);
                    normBytes.write(fieldNorms[d]);
                    int lastPos = 0;
                    for (int j = buf.posStart[i], end = j + freq; j < end; j++) {
                        int p = buf.positions[j];
                        pos.varint(p - lastPos);
                        lastPos = p;
                    }
                }
                ps.write(freqs);
                ps.write(normBytes);
                postings[f] = ps.toByteArray();
                positions[f] = pos.toByteArray();
            }
            out[t - from] = new Encoded(dfs, postings, positions);
        }
        return out;
    }

    private void exportTerms(int maxDoc, StringBuilder manifest, List<Future<Encoded[]>> encoded) throws IOException {
        PartBuilder part = new PartBuilder();
        long posBase = 0;
        BytesRef prevLast = null;
        List<String> partSeps = new ArrayList<>();
        List<byte[]> termParts = new ArrayList<>();
        List<byte[]> posParts = new ArrayList<>();
        // Lexicon files: like the term parts, ranges of terms, but only terms and doc freqs.
        List<String> lexSeps = new ArrayList<>();
        List<byte[]> lexFiles = new ArrayList<>();
        LexiconBuilder lex = new LexiconBuilder();
        BytesRef lexPrevLast = null;
        int t = 0;
        for (int r = 0; r < encoded.size(); r++) {
            Encoded[] range = get(encoded.get(r));
            encoded.set(r, null); // what is put together is not kept twice
            for (Encoded e : range) {
                BytesRef term = allTerms[t];
                int mask = allMasks[t++];
                if (lex.isEmpty()) lexSeps.add(lexPrevLast == null ? "" : separator(lexPrevLast, term));
                lex.add(term, mask, e.dfs());
                lexPrevLast = term;
                if (lex.size() >= LEXICON_TARGET_BYTES) {
                    lexFiles.add(lex.toByteArray());
                    lex = new LexiconBuilder();
                }
                // A term whose postings alone fill a part gets a part of its own: the terms next to
                // it (often rare ones) then do not cost its postings too.
                if (!part.isEmpty() && postingsBytes(e) >= PART_TARGET_BYTES) {
                    termParts.add(part.termBytes(posBase));
                    posParts.add(part.positionBytes());
                    posBase += posParts.get(posParts.size() - 1).length;
                    part = new PartBuilder();
                }
                if (part.isEmpty()) partSeps.add(prevLast == null ? "" : separator(prevLast, term));
                part.add(term, mask, e.dfs(), e.postings(), e.positions());
                if (part.postingsBytes() >= PART_TARGET_BYTES) {
                    termParts.add(part.termBytes(posBase));
                    posParts.add(part.positionBytes());
                    posBase += posParts.get(posParts.size() - 1).length;
                    part = new PartBuilder();
                }
                prevLast = term;
            }
        }
        if (!part.isEmpty()) {
            termParts.add(part.termBytes(posBase));
            posParts.add(part.positionBytes());
        }
        if (!lex.isEmpty()) lexFiles.add(lex.toByteArray());
        allTerms = null;
        allMasks = null;
        norms = null;
        // Compress all the numbered files at once (on the pool), then put the packs together.
        List<Future<byte[]>> tEntries = entries(termParts);
        // positions compress to about 0.8 of their size and their numbered files serve only hosts without
        // range support: stored DEFLATE blocks (level 0) save compressing them at every build
        List<Future<byte[]>> pEntries = entries(posParts, Deflater.NO_COMPRESSION);
        List<Future<byte[]>> lEntries = entries(lexFiles);
        StringBuilder blocks = new StringBuilder();
        String t1 = addDirectory("t", termParts, tEntries, blocks, true);
        // Positions: no pack. With range support the client reads its terms' positions from the
        // uncompressed file of all positions (never more bytes than the compressed parts would
        // cost by more than a little, and usually far fewer); the numbered files serve hosts
        // without range support. One copy for ranges, one for whole-file requests.
        String p = addDirectory("p", posParts, pEntries, blocks, false);
        // All positions, uncompressed, end to end: a phrase of rare words fetches just its terms'
        // positions from here by range instead of whole compressed positions files.
        ByteSink raw = new ByteSink();
        for (byte[] b : posParts) raw.write(b);
        String r = addFile("search/r/", ".bin", raw.toByteArray());
        String l = addDirectory("l", lexFiles, lEntries, blocks, true);
        manifest.append(",\"parts\":");
        stringArray(manifest, partSeps);
        manifest.append(",\"t\":").append(Json.quote(t1)).append(",\"p\":").append(Json.quote(p))
                .append(",\"r\":").append(Json.quote(r));
        manifest.append(",\"lex\":");
        stringArray(manifest, lexSeps);
        manifest.append(",\"l\":").append(Json.quote(l)).append(blocks);
    }

    private static int postingsBytes(Encoded e) {
        int n = 0;
        for (byte[] p : e.postings()) if (p != null) n += p.length;
        return n;
    }

    /** Each content compressed as an entry (varint length, raw DEFLATE), on the pool. */
    private List<Future<byte[]>> entries(List<byte[]> contents) {
        return entries(contents, COMPRESSION_LEVEL);
    }

    /** As {@link #entries(List)}, at DEFLATE level {@code level}. */
    private List<Future<byte[]>> entries(List<byte[]> contents, int level) {
        List<Future<byte[]>> out = new ArrayList<>(contents.size());
        for (byte[] c : contents) out.add(submit(() -> entry(c, level)));
        return out;
    }

    /**
     * Adds numbered files {@code search/KIND/HASH/0.bin, 1.bin, ...} where HASH covers all their
     * bytes as served (the compressed entries, so that a change of compression renames them too);
     * returns {@code KIND/HASH/}. One hash for the whole set keeps the manifest small (a name per
     * file would be 12 incompressible bytes each).
     */
    private String addDirectory(String kind, List<byte[]> contents, List<Future<byte[]>> entries,
            StringBuilder manifest, boolean withPack) throws IOException {
        List<byte[]> done = new ArrayList<>(entries.size());
        ByteSink entryHashes = new ByteSink(); // each entry's hash, in order: their hash names the set
        for (Future<byte[]> f : entries) {
            byte[] entry = get(f);
            done.add(entry);
            entryHashes.write(digest(entry, 0, entry.length));
        }
        String hash = hash(entryHashes.toByteArray());
        String dir = kind + "/" + hash + "/";
        // Each file compressed as an entry (varint length, raw DEFLATE): one pack of them padded to
        // 256-byte blocks, so that all the parts a query needs come in one multi-range request
        // (range answers are not compressed by servers), and the same entries one per file for
        // servers without range support.
        ByteSink pack = new ByteSink();
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            byte[] entry = done.get(i);
            emit(new OutputFile("search/" + dir + i + ".bin", entry));
            if (!withPack) continue;
            int start = pack.size();
            pack.write(entry);
            pack.pad(DOC_BLOCK_BYTES);
            blockNumber(blocks, (pack.size() - start) / DOC_BLOCK_BYTES);
        }
        if (!withPack) return dir;
        emit(new OutputFile("search/" + kind + "/" + hash + ".bin", pack.toByteArray()));
        manifest.append(",\"").append(kind).append("Blocks\":\"").append(blocks).append('"');
        return dir;
    }

    /**
     * The shortest prefix of {@code first} that sorts after {@code prevLast}: enough to tell which
     * part a term falls in (part i holds the terms from its separator to the next one's).
     */
    static String separator(BytesRef prevLast, BytesRef first) {
        String f = first.utf8ToString();
        int i = 0;
        while (i < f.length()) {
            i += Character.charCount(f.codePointAt(i));
            BytesRef candidate = new BytesRef(f.substring(0, i));
            if (candidate.compareTo(prevLast) > 0) return f.substring(0, i);
        }
        return f;
    }

    /** The display data of every page (compressed entries) and its tags, by client doc number. */
    private record DocData(byte[][] entries, String[][] tags) {}

    /** Pages per piece of work when reading the display data. */
    private static final int DOCS_PER_TASK = 512;

    /**
     * Reads every page's display data (its client entry, made when the page was added, and its tags; see
     * {@link DisplayData#stored}) from the doc values, in Lucene's doc id order within each segment, in
     * ranges of pages on the pool.
     */
    private DocData readDocs(int maxDoc, List<Future<?>> tasks) {
        byte[][] entries = new byte[maxDoc][];
        String[][] tags = new String[maxDoc][];
        for (LeafReaderContext ctx : reader.leaves()) {
            int n = ctx.reader().maxDoc();
            for (int from = 0; from < n; from += DOCS_PER_TASK) {
                int start = from;
                int end = Math.min(n, from + DOCS_PER_TASK);
                tasks.add(submit(() -> {
                    BinaryDocValues display = ctx.reader().getBinaryDocValues(SearchFields.DISPLAY);
                    for (int d = start; d < end; d++) {
                        if (display == null || !display.advanceExact(d)) {
                            throw new IllegalStateException("page " + (ctx.docBase + d) + " of the search index has no display data");
                        }
                        BytesRef stored = display.binaryValue();
                        int rank = order.rank[ctx.docBase + d];
                        int at = DisplayData.entryStart(stored);
                        entries[rank] = Arrays.copyOfRange(stored.bytes, at, stored.offset + stored.length);
                        tags[rank] = DisplayData.storedTags(stored);
                    }
                    return null;
                }));
            }
        }
        return new DocData(entries, tags);
    }

    private void exportDocs(int maxDoc, StringBuilder manifest, DocData data) throws IOException {
        ByteSink pack = new ByteSink();
        ByteSink offsets = new ByteSink();
        String[] sectionOf = values(SearchFields.F_SECTION, maxDoc);
        String[] typeOf = values(SearchFields.F_TYPE, maxDoc);
        List<String> sections = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        StringBuilder docSections = new StringBuilder();
        StringBuilder docTypes = new StringBuilder();
        StringBuilder docTags = new StringBuilder();
        StringBuilder blocks = new StringBuilder();
        for (int d = 0; d < maxDoc; d++) {
            offsets.u32(pack.size());
            byte[] fragment = data.entries()[d];
            int start = pack.size();
            pack.write(fragment);
            pack.pad(DOC_BLOCK_BYTES);
            blockNumber(blocks, (pack.size() - start) / DOC_BLOCK_BYTES);
            if (d > 0) {
                docSections.append(',');
                docTypes.append(',');
                docTags.append(',');
            }
            docSections.append(intern(sections, sectionOf[d]));
            docTypes.append(intern(types, typeOf[d]));
            docTags.append('[');
            String[] ts = data.tags()[d];
            for (int i = 0; i < ts.length; i++) {
                if (i > 0) docTags.append(',');
                docTags.append(intern(tags, ts[i]));
            }
            docTags.append(']');
        }
        offsets.u32(pack.size());
        StringBuilder facets = new StringBuilder();
        facets.append("{\"sections\":");
        stringArray(facets, sections);
        facets.append(",\"types\":");
        stringArray(facets, types);
        facets.append(",\"tags\":");
        stringArray(facets, tags);
        facets.append(",\"docSection\":[").append(docSections).append("],\"docType\":[").append(docTypes)
                .append("],\"docTags\":[").append(docTags).append("]}\n");
        String docs = addFile("search/d/", ".bin", pack.toByteArray());
        // The same entries, DOC_GROUP to a file (end to end, unpadded), for servers that do not answer
        // range requests: a file per page doubled the site's file count. The folder is named by a hash of
        // the pack's name (its content hash) and the group size, which together determine every byte of it.
        String groups = "d/" + hash(("groups of " + DOC_GROUP + " of " + docs).getBytes(StandardCharsets.UTF_8)) + "/";
        for (int g = 0; g * DOC_GROUP < maxDoc; g++) {
            ByteSink group = new ByteSink();
            for (int d = g * DOC_GROUP; d < Math.min(maxDoc, (g + 1) * DOC_GROUP); d++) group.write(data.entries()[d]);
            emit(new OutputFile("search/" + groups + g + ".bin", group.toByteArray()));
        }
        String offs = addFile("search/o/", ".bin", offsets.toByteArray());
        String fac = addFile("search/f/", ".json", facets.toString().getBytes(StandardCharsets.UTF_8));
        if (maxDoc <= embedDocTableMaxDocs) manifest.append(",\"docBlocks\":\"").append(blocks).append('"');
        manifest.append(",\"docs\":").append(Json.quote(docs))
                .append(",\"docGroups\":").append(Json.quote(groups)).append(",\"docGroup\":").append(DOC_GROUP).append(",\"offsets\":").append(Json.quote(offs))
                .append(",\"facets\":").append(Json.quote(fac));
    }

    /**
     * Raw DEFLATE (what the browser's {@code DecompressionStream("deflate-raw")} reads): range
     * answers are not compressed by servers, so the documents are stored compressed.
     */
    static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(COMPRESSION_LEVEL, true);
        try {
            return deflate(d, in);
        } finally {
            d.end();
        }
    }

    private static byte[] deflate(Deflater d, byte[] in) {
        d.reset();
        d.setInput(in);
        d.finish();
        // room for incompressible input (DEFLATE's stored blocks add 5 bytes per 64 KB), so one call does it
        byte[] out = new byte[in.length + (in.length >> 8) + 64];
        int n = 0;
        while (true) {
            n += d.deflate(out, n, out.length - n);
            if (d.finished()) return n == out.length ? out : Arrays.copyOf(out, n);
            if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
        }
    }

    /** An entry: varint length, then the raw DEFLATE of content. */
    static byte[] entry(byte[] content) {
        return entry(content, COMPRESSION_LEVEL);
    }

    /** As {@link #entry(byte[])}, at DEFLATE level {@code level}. */
    static byte[] entry(byte[] content, int level) {
        Deflater d = new Deflater(level, true);
        try {
            return entry(d, content);
        } finally {
            d.end();
        }
    }

    /** An entry made with {@code d} (reset first). */
    static byte[] entry(Deflater d, byte[] content) {
        ByteSink entry = new ByteSink();
        entry(d, content, entry);
        return entry.toByteArray();
    }

    /** Appends an entry made with {@code d} (reset first) to {@code out}. */
    static void entry(Deflater d, byte[] content, ByteSink out) {
        byte[] deflated = deflate(d, content);
        out.varint(deflated.length);
        out.write(deflated);
    }

    /** Every page's value of a keyword field (from its doc values), by client doc number. */
    private String[] values(String field, int maxDoc) throws IOException {
        String[] out = new String[maxDoc];
        for (LeafReaderContext ctx : reader.leaves()) {
            SortedDocValues dv = ctx.reader().getSortedDocValues(field);
            if (dv == null) continue;
            String[] names = SearchFields.valuesByOrd(dv);
            for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                out[order.rank[ctx.docBase + d]] = names[dv.ordValue()];
            }
        }
        for (int d = 0; d < maxDoc; d++) {
            if (out[d] == null) throw new IllegalStateException("no " + field + " for doc " + d);
        }
        return out;
    }

    /**
     * One term's postings in one field, renumbered to client doc numbers and put in their order:
     * {@code keys[k]} is the new doc number (high 32 bits) and the index of the posting as read.
     */
    private static final class Postings {
        long[] keys = new long[64];
        int[] freqs = new int[64];
        int[] posStart = new int[64];
        int[] positions = new int[256];
        int size;

        void read(PostingsEnum pe, int[] rank) throws IOException {
            size = 0;
            int np = 0;
            boolean sorted = true;
            long prev = -1;
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                    freqs = Arrays.copyOf(freqs, size * 2);
                    posStart = Arrays.copyOf(posStart, size * 2);
                }
                int freq = pe.freq();
                long key = ((long) rank[d] << 32) | size;
                if (key < prev) sorted = false;
                prev = key;
                keys[size] = key;
                freqs[size] = freq;
                posStart[size] = np;
                if (np + freq > positions.length) positions = Arrays.copyOf(positions, Math.max(positions.length * 2, np + freq));
                for (int i = 0; i < freq; i++) positions[np++] = pe.nextPosition();
                size++;
            }
            if (sorted) return;
            if (size < rank.length / 16) {
                Arrays.sort(keys, 0, size);
                return;
            }
            // A long list (postings from several segments): place by rank, then read in order.
            if (slot == null || slot.length < rank.length) slot = new int[rank.length];
            for (int k = 0; k < size; k++) slot[(int) (keys[k] >>> 32)] = (int) keys[k] + 1;
            int k = 0;
            for (int r = 0; r < rank.length && k < size; r++) {
                int i = slot[r];
                if (i == 0) continue;
                slot[r] = 0;
                keys[k++] = ((long) r << 32) | (i - 1);
            }
        }

        /** Scratch for sorting long lists: index + 1 of the posting with each rank, else 0. */
        private int[] slot;
    }

    private static int intern(List<String> values, String v) {
        int i = values.indexOf(v);
        if (i >= 0) return i;
        values.add(v);
        return values.size() - 1;
    }

    private static void stringArray(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            Json.quote(sb, values.get(i));
        }
        sb.append(']');
    }

    /** Adds a file named by its {@link #hash}; returns the name relative to search/. */
    private String addFile(String dir, String ext, byte[] bytes) {
        String name = dir.substring("search/".length()) + hash(bytes) + ext;
        emit(new OutputFile("search/" + name, bytes));
        return name;
    }

    /**
     * The first 12 hex digits of the 128-bit MurmurHash3 of {@code bytes}: names that change whenever the
     * content does, for caching, not a defence against anyone (a writer who wanted two versions of a
     * file to share a name would only defeat their own readers' caches). SHA-256 cost 0.4 s of CPU at
     * 10k pages: without C2 (see the launcher) the JVM computes it without the processor's SHA
     * instructions, 20 times slower than this.
     */
    static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes, 0, bytes.length), 0, 6);
    }

    private static byte[] digest(byte[] bytes, int offset, int length) {
        long[] h = org.apache.lucene.util.StringHelper.murmurhash3_x64_128(bytes, offset, length, 0x70656572);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (h[0] >>> (56 - 8 * i));
            out[8 + i] = (byte) (h[1] >>> (56 - 8 * i));
        }
        return out;
    }

    /** Terms and postings of one part, plus the parallel positions file. */
    private static final class PartBuilder {
        private final ByteSink header = new ByteSink();
        private final ByteSink data = new ByteSink();
        private final ByteSink posData = new ByteSink();
        private int count;
        private byte[] prev = new byte[0];

        boolean isEmpty() {
            return count == 0;
        }

        int postingsBytes() {
            return data.size();
        }

        void add(BytesRef term, int mask, long[] dfs, byte[][] postings, byte[][] positions) {
            count++;
            frontCode(header, prev, term);
            prev = BytesRef.deepCopyOf(term).bytes;
            header.varint(mask);
            for (int f = 0; f < dfs.length; f++) {
                if ((mask & (1 << f)) == 0) continue;
                header.varint(dfs[f]);
                header.varint(postings[f].length);
                header.varint(positions[f].length);
                data.write(postings[f]);
                posData.write(positions[f]);
            }
        }

        /** posBase: where this part's positions start in the file of all positions. */
        byte[] termBytes(long posBase) {
            ByteSink out = new ByteSink();
            out.varint(posBase);
            out.varint(count);
            out.write(header);
            out.write(data);
            return out.toByteArray();
        }

        byte[] positionBytes() {
            return posData.toByteArray();
        }
    }

    /** Terms sharing a first character with their per-field doc freqs, front-coded. */
    private static final class LexiconBuilder {
        private final ByteSink out = new ByteSink();
        private int count;
        private byte[] prev = new byte[0];

        boolean isEmpty() {
            return count == 0;
        }

        int size() {
            return out.size();
        }

        void add(BytesRef term, int mask, long[] dfs) {
            count++;
            frontCode(out, prev, term);
            prev = BytesRef.deepCopyOf(term).bytes;
            out.varint(mask);
            for (int f = 0; f < dfs.length; f++) {
                if ((mask & (1 << f)) != 0) out.varint(dfs[f]);
            }
        }

        byte[] toByteArray() {
            ByteSink all = new ByteSink();
            all.varint(count);
            all.write(out);
            return all.toByteArray();
        }
    }

    /** Writes shared-prefix length, suffix length and suffix bytes. */
    private static void frontCode(ByteSink sink, byte[] prev, BytesRef term) {
        int shared = 0;
        int max = Math.min(prev.length, term.length);
        while (shared < max && prev[shared] == term.bytes[term.offset + shared]) shared++;
        sink.varint(shared);
        sink.varint(term.length - shared);
        sink.write(term.bytes, term.offset + shared, term.length - shared);
    }
}

package dev.peerhub.search;

import dev.peerhub.output.OutputFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Indexes the site's pages with Lucene and exports the static index the browser client reads.
 *
 * <p>{@link #add} may be called from several threads at once. The Lucene index keeps the segments
 * the threads flushed (unsorted, unmerged); the export numbers the pages by their rank in URL
 * order ({@link DocOrder}) whatever order they arrived in, and {@link Searcher} breaks ties in
 * score by the same rank, so ties break the same way on both sides (smaller URL first).
 */
public final class SearchIndexer implements Closeable {

    private final Path luceneDir;
    private final String language;
    private final Directory directory;
    private final IndexWriter writer;
    private final Set<String> urls = ConcurrentHashMap.newKeySet();
    /**
     * Whether pages are inverted by {@link PageInverter} (the English analyzer) rather than by
     * {@code IndexWriter.addDocument}.
     */
    private final boolean inverting;
    /** The inverters of the threads adding pages, each until it is handed to Lucene. */
    private final java.util.concurrent.ConcurrentLinkedQueue<PageInverter> inverters = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ThreadLocal<PageInverter> inverter = new ThreadLocal<>();
    /** Heap one thread's inverter may hold before its pages are written as a segment. */
    private final long inverterBudget;
    private boolean finished;
    private volatile DirectoryReader reader; // once committed
    /** CPU time spent indexing, committing and exporting, on every thread (see {@link #cpuNanos}). */
    private final java.util.concurrent.atomic.LongAdder cpu = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder addCpu = new java.util.concurrent.atomic.LongAdder();

    public SearchIndexer(Path luceneDir, String language) {
        this(luceneDir, language, SearchFields.isEnglish(language),
                Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 24));
    }

    /**
     * With pages inverted by {@link PageInverter} ({@code invert}, English only) or by {@code IndexWriter}, and
     * a thread's inverter written as a segment once it holds about {@code inverterBudget} bytes.
     */
    SearchIndexer(Path luceneDir, String language, boolean invert, long inverterBudget) {
        this.luceneDir = Objects.requireNonNull(luceneDir, "luceneDir");
        this.language = Objects.requireNonNull(language, "language");
        if (invert && !SearchFields.isEnglish(language)) { // FastEnglishAnalyzer's term numbers are needed
            throw new IllegalArgumentException("pages are inverted by PageInverter only for English");
        }
        this.inverting = invert;
        this.inverterBudget = inverterBudget;
        try {
            Files.createDirectories(luceneDir);
            this.directory = FSDirectory.open(luceneDir);
            IndexWriterConfig config = new IndexWriterConfig(SearchFields.indexAnalyzer(language));
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setSimilarity(SearchFields.similarity());
            // No index sort and no forceMerge(1): the export numbers the pages in URL order
            // itself (DocOrder), which costs far less than sorting and rewriting the segments.
            config.setMergePolicy(new OneSegmentPerReader());
            config.setMergeScheduler(new CountingMergeScheduler(cpu));
            config.setRAMBufferSizeMB(256);
            config.setUseCompoundFile(false); // no copying of each flushed segment into a .cfs
            config.setCommitOnClose(false);
            IndexWriter w;
            try {
                w = new IndexWriter(directory, config);
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                directory.close();
                throw new IndexBusyException(luceneDir, e);
            }
            this.writer = w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index in " + luceneDir, e);
        }
    }

    /**
     * Another process (a second {@code peerhub build}, {@code serve} or {@code search} of the same site) is
     * writing this site's search index: its lock is held. Not an internal error; the commands say so and
     * stop without writing anything.
     */
    public static final class IndexBusyException extends RuntimeException {
        private final Path luceneDir;

        public IndexBusyException(Path luceneDir, Throwable cause) {
            super(message(luceneDir.toString()), cause);
            this.luceneDir = luceneDir;
        }

        /** The message, with the index's folder relative to {@code siteDir} when it lies inside it. */
        public String message(Path siteDir) {
            Path site = siteDir.toAbsolutePath().normalize();
            Path dir = luceneDir.toAbsolutePath().normalize();
            return message(dir.startsWith(site) ? site.relativize(dir).toString() : dir.toString());
        }

        private static String message(String dir) {
            return "another peerhub (a build, serve or search of this site) is writing its search index in "
                    + dir + "/; wait for it to finish, or stop it, and run this again";
        }
    }

    /** {@code siteDir/.peerhub-cache/search-index}. */
    public static Path defaultIndexDir(Path siteDir) {
        return siteDir.resolve(".peerhub-cache").resolve("search-index");
    }

    /** Adds one page; thread-safe. Two pages with the same URL are an error. */
    public void add(SearchDocument doc) {
        Objects.requireNonNull(doc, "doc");
        if (!urls.add(doc.url())) {
            throw new IllegalArgumentException("two pages have the URL " + doc.url());
        }
        long t0 = threadCpu();
        try {
            Deflater deflater = deflaters.poll();
            if (deflater == null) deflater = new Deflater(IndexExporter.DISPLAY_LEVEL, true);
            try {
                if (inverting) {
                    invert(doc, deflater);
                } else {
                    writer.addDocument(toLucene(doc, deflater));
                }
            } finally {
                deflaters.add(deflater);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            long used = threadCpu() - t0;
            cpu.add(used);
            addCpu.add(used);
        }
    }

    private void invert(SearchDocument doc, Deflater deflater) throws IOException {
        PageInverter pages = inverter.get();
        if (pages == null) {
            pages = new PageInverter();
            inverter.set(pages);
            inverters.add(pages);
        }
        pages.add(doc, DisplayData.of(doc).stored(deflater));
        if (pages.ramBytes() > inverterBudget) {
            // a large site: these pages are written as a segment on another thread while this one goes on
            // with a new inverter; one such write at a time (it takes a fraction of the time the pages took
            // to add), so the heap holds at most one inverter per adding thread and one being written
            inverters.remove(pages);
            inverter.remove();
            try {
                segmentPermits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("search index interrupted");
            }
            PageInverter full = pages;
            segmentWrites.add(segmentWriters().submit(() -> {
                try {
                    writeSegment(full);
                } finally {
                    segmentPermits.release();
                }
                return null;
            }));
        }
    }

    /** Sorts an inverter's postings and has Lucene write them as a segment; its CPU time is the index's. */
    private void writeSegment(PageInverter pages) throws IOException {
        long t0 = threadCpu();
        try {
            org.apache.lucene.index.CodecReader reader = SlowCodecReaderWrapper.wrap(new InvertedPagesReader(pages));
            cpu.add(threadCpu() - t0); // the merge thread that writes it counts its own (CountingMergeScheduler)
            t0 = threadCpu();
            writer.addIndexes(reader);
        } finally {
            cpu.add(threadCpu() - t0);
        }
    }

    private final java.util.concurrent.Semaphore segmentPermits = new java.util.concurrent.Semaphore(1);
    private final java.util.Queue<java.util.concurrent.Future<Void>> segmentWrites = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private java.util.concurrent.ExecutorService segmentWriters;

    private synchronized java.util.concurrent.ExecutorService segmentWriters() {
        if (segmentWriters == null) {
            segmentWriters = java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                    r -> Thread.ofPlatform().name("peerhub-search-segment").daemon().unstarted(r));
        }
        return segmentWriters;
    }

    /**
     * Hands the inverters' pages to Lucene, each written as a segment of its own, in parallel, and waits for
     * the segments written while pages were added.
     */
    private void addInverted() throws IOException {
        for (PageInverter pages; (pages = inverters.poll()) != null; ) {
            if (pages.maxDoc == 0) continue;
            PageInverter last = pages;
            segmentWrites.add(segmentWriters().submit(() -> {
                writeSegment(last);
                return null;
            }));
        }
        for (java.util.concurrent.Future<Void> f; (f = segmentWrites.poll()) != null; ) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("search index interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                rethrow(e.getCause());
            }
        }
    }

    /**
     * The merge policy: {@link LogByteSizeMergePolicy} that does not merge, and {@code addIndexes} with several
     * readers writes a segment for each (on as many threads as the scheduler runs) rather than one for all.
     */
    private static final class OneSegmentPerReader extends LogByteSizeMergePolicy {
        OneSegmentPerReader() {
            // segments are never merged: the export and the searcher read any number of them, and merging
            // would only write the same postings again (a 100k site is written in a dozen segments or so)
            setMergeFactor(1000);
        }

        @Override
        public MergeSpecification findMerges(org.apache.lucene.index.CodecReader... readers) {
            MergeSpecification spec = new MergeSpecification();
            for (org.apache.lucene.index.CodecReader r : readers) spec.add(new OneMerge(r));
            return spec;
        }
    }

    /** Lucene's concurrent scheduler, a merge thread per core, unthrottled, adding its threads' CPU time to the index's. */
    private static final class CountingMergeScheduler extends org.apache.lucene.index.ConcurrentMergeScheduler {
        private final java.util.concurrent.atomic.LongAdder cpu;

        CountingMergeScheduler(java.util.concurrent.atomic.LongAdder cpu) {
            this.cpu = cpu;
            int cores = Runtime.getRuntime().availableProcessors();
            setMaxMergesAndThreads(cores + 4, cores);
            disableAutoIOThrottle();
        }

        @Override
        protected void doMerge(MergeSource mergeSource, org.apache.lucene.index.MergePolicy.OneMerge merge) throws IOException {
            long t0 = threadCpu();
            try {
                super.doMerge(mergeSource, merge);
            } finally {
                cpu.add(threadCpu() - t0);
            }
        }
    }

    /** The part of {@link #cpuNanos} spent adding pages (analysing and inverting their text). */
    public long addingCpuNanos() {
        return addCpu.sum();
    }

    /**
     * The CPU time this index has cost so far, in nanoseconds, on every thread: adding pages (analysis and
     * inversion), committing, and exporting the client index (including writing its files). Not the related
     * pages, which read the index for a feature of their own. What {@code --verbose} reports as the search
     * index's share of the build. 0 where the JVM cannot measure thread CPU time.
     */
    public long cpuNanos() {
        return cpu.sum();
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The current thread's CPU time in nanoseconds (0 when unsupported). */
    static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Deflaters for the display data, one per thread adding pages at a time; ended by {@link #close}. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Deflater> deflaters = new java.util.concurrent.ConcurrentLinkedQueue<>();

    static Document toLucene(SearchDocument doc, Deflater deflater) {
        Document d = new Document();
        d.add(new StringField(SearchFields.URL, doc.url(), Field.Store.NO));
        d.add(new SortedDocValuesField(SearchFields.URL, new BytesRef(doc.url())));
        d.add(new TextField(SearchFields.TITLE, doc.title(), Field.Store.NO));
        d.add(new TextField(SearchFields.TAGS, String.join("\n", doc.tags()), Field.Store.NO));
        d.add(new TextField(SearchFields.HEADINGS, String.join("\n", doc.headings()), Field.Store.NO));
        d.add(new TextField(SearchFields.SUMMARY, doc.summary(), Field.Store.NO));
        d.add(new TextField(SearchFields.BODY, doc.body(), Field.Store.NO));
        d.add(new StringField(SearchFields.F_SECTION, doc.section(), Field.Store.NO));
        d.add(new SortedDocValuesField(SearchFields.F_SECTION, new BytesRef(doc.section())));
        d.add(new StringField(SearchFields.F_TYPE, doc.type(), Field.Store.NO));
        d.add(new SortedDocValuesField(SearchFields.F_TYPE, new BytesRef(doc.type())));
        for (String tag : doc.tags()) {
            d.add(new StringField(SearchFields.F_TAG, tag, Field.Store.NO));
            d.add(new SortedSetDocValuesField(SearchFields.F_TAG, new BytesRef(tag)));
        }
        // Only what the export and the CLI show, in one field, already in the client's form (see DisplayData).
        d.add(new BinaryDocValuesField(SearchFields.DISPLAY, new BytesRef(DisplayData.of(doc).stored(deflater))));
        return d;
    }

    /**
     * Commits the Lucene index (no page may be added afterwards) and opens it for reading; called by
     * {@link #similarPages} and {@link #finish} when not called before. Idempotent.
     */
    public synchronized void commit() {
        if (reader != null) return;
        long t0 = threadCpu();
        try {
            writer.setLiveCommitData(Map.of(SearchFields.LANGUAGE_KEY, language, SearchFields.FORMAT_KEY, SearchFields.FORMAT).entrySet());
            if (inverting) addInverted();
            flushInParallel();
            writer.commit(); // writes what flushInParallel left: the segments file
            writer.close();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write search index in " + luceneDir, e);
        } finally {
            cpu.add(threadCpu() - t0);
        }
    }

    /**
     * Writes the pages' in-memory segments (one per thread that added pages) to disk, one per core at a time.
     * A commit alone writes them one after the other on the calling thread: 0.8 to 1.2 s at 10k, in which the
     * other core idled, since everything after the commit reads the committed index.
     */
    private void flushInParallel() throws IOException {
        int helpers = Runtime.getRuntime().availableProcessors() - 1;
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < helpers; i++) {
            threads.add(Thread.ofPlatform().name("peerhub-search-flush").daemon().start(() -> {
                long t0 = threadCpu();
                try {
                    while (writer.flushNextBuffer()) {
                        // the next one
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    cpu.add(threadCpu() - t0);
                }
            }));
        }
        try {
            while (writer.flushNextBuffer()) {
                // the next one
            }
        } finally {
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("search index commit interrupted");
                }
            }
        }
        if (failure.get() != null) rethrow(failure.get());
    }

    /** Throws what another thread of the index failed with, as it was (wrapped only if it is checked and not I/O). */
    private static void rethrow(Throwable e) throws IOException {
        if (e instanceof IOException io) throw io;
        dev.peerhub.concurrent.Failures.throwIfUnchecked(e);
        throw new IllegalStateException(e);
    }

    /**
     * Content similarity between the indexed pages (see {@link SimilarPages}), from the committed index;
     * its queries run on {@code pool}. May run while another thread calls {@link #finish}.
     */
    public Map<String, Map<String, Double>> similarPages(java.util.concurrent.ForkJoinPool pool) {
        commit();
        try {
            return SimilarPages.compute(reader, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read search index in " + luceneDir, e);
        }
    }

    /**
     * Commits the Lucene index when not yet done and returns the client index files, every path under
     * {@code search/}.
     */
    public List<OutputFile> finish() {
        List<OutputFile> files = new java.util.ArrayList<>();
        finish(files::add);
        return List.copyOf(files);
    }

    /**
     * As {@link #finish()}, handing each file to {@code out} as soon as it is made (one call at a time),
     * so the client index is never held in memory whole.
     */
    public void finish(java.util.function.Consumer<OutputFile> out) {
        if (finished) throw new IllegalStateException("finish() already called");
        finished = true;
        commit();
        long t0 = threadCpu();
        try {
            new IndexExporter(reader, language).cpu(cpu).export(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write search index in " + luceneDir, e);
        } finally {
            cpu.add(threadCpu() - t0); // the export's own threads add theirs (IndexExporter#cpu)
        }
    }

    @Override
    public void close() throws IOException {
        for (Deflater d; (d = deflaters.poll()) != null; ) d.end();
        synchronized (this) {
            if (segmentWriters != null) segmentWriters.shutdownNow();
        }
        try {
            if (writer.isOpen()) writer.rollback();
            if (reader != null) reader.close();
        } finally {
            directory.close();
        }
    }
}

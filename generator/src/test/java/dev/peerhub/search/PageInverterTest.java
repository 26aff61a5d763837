package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.output.OutputFile;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PageInverter} and {@link InvertedPagesReader} make the index {@code IndexWriter.addDocument} makes
 * from {@link SearchIndexer#toLucene}: the same field options, terms, statistics, postings with frequencies
 * and positions, norms and doc values, page by page; and {@link SearchIndexer} exports the same client
 * index either way, however its pages are split between threads and segments.
 */
class PageInverterTest {
    @TempDir
    Path tmp;

    @Test
    void theSameIndexAsIndexWriter() throws IOException {
        List<SearchDocument> docs = corpus();
        try (Directory lucene = byIndexWriter(docs); Directory ours = byInverter(docs, FastEnglishAnalyzer.CACHE_LIMIT);
             Directory smallCache = byInverter(docs, 16)) {
            sameIndex(lucene, ours);
            sameIndex(lucene, smallCache);
        }
    }

    @Test
    void emptyValuesAndRepeatedTags() throws IOException {
        List<SearchDocument> docs = List.of(
                doc("/a/", "", "", List.of(), "", "", ""),
                doc("/b/", "The", "a an the", List.of("x", "x", "Y"), "s", "t", "the of and"),
                doc("/c/", "Word", "", List.of("Y", "x"), "s", "", "word word. Word's words"),
                doc("/d/", "", "café ﬁne 日本語", List.of(""), "", "t", ""),
                // a position increment too big for the token log's byte (300 stop words in a row)
                doc("/e/", "Long gap", "", List.of(), "", "", "start " + "the ".repeat(300) + "end " + "a ".repeat(254) + "fin"));
        try (Directory lucene = byIndexWriter(docs); Directory ours = byInverter(docs, FastEnglishAnalyzer.CACHE_LIMIT)) {
            sameIndex(lucene, ours);
        }
    }

    /**
     * The client index SearchIndexer exports is the same, file for file, whether pages are inverted by
     * {@code IndexWriter} or by the inverters of four threads, each written as a segment every few dozen pages.
     */
    @Test
    void theSameExportWhateverTheSegments() throws Exception {
        List<SearchDocument> docs = TestCorpus.generate(21, 400, 300, 200);
        List<OutputFile> byWriter;
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve("w"), "en", false, 0)) {
            for (SearchDocument d : docs) indexer.add(d);
            byWriter = indexer.finish();
        }
        List<OutputFile> byInverters;
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve("i"), "en", true, 200_000)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (SearchDocument d : docs) done.add(pool.submit(() -> indexer.add(d)));
                for (var f : done) f.get();
            } finally {
                pool.shutdown();
            }
            byInverters = indexer.finish();
            try (Directory dir = org.apache.lucene.store.FSDirectory.open(tmp.resolve("i"));
                 DirectoryReader r = DirectoryReader.open(dir)) {
                assertTrue(r.leaves().size() > 4, "segments: " + r.leaves().size());
                assertEquals(docs.size(), r.maxDoc());
            }
        }
        assertEquals(byWriter.size(), byInverters.size());
        for (int i = 0; i < byWriter.size(); i++) {
            assertEquals(byWriter.get(i).path(), byInverters.get(i).path());
            assertArrayEquals(byWriter.get(i).bytes(), byInverters.get(i).bytes(), byWriter.get(i).path());
        }
    }

    private static SearchDocument doc(String url, String title, String summary, List<String> tags, String section,
                                      String type, String body) {
        return new SearchDocument(url, title, summary, tags, section, type, LocalDate.of(2024, 1, 1), "",
                List.of(new SearchDocument.Passage("", "", body), new SearchDocument.Passage("h", title, summary)));
    }

    /** Generated pages, the sample hub's and the seeds' Markdown as bodies, and text on the fast path's edges. */
    private static List<SearchDocument> corpus() throws IOException {
        List<SearchDocument> docs = new ArrayList<>(TestCorpus.generate(11, 500, 400, 300));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestSite.repo().resolve("content"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(TestSite.repo().resolve("generator/src/test/resources/seeds"))) {
            s.sorted().forEach(files::add);
        }
        Random r = new Random(3);
        String[] pieces = {"word", "THE", "runner's", "don’t", "e.g.", "a:b", "self-care", "x_y", "R2D2", "3.14",
            "café", "e\u0301", "x\u200Dy", "👍🏽", "日本語", "ΣΊΣΥΦΟΣ", "\u00A0", "<b>", "d".repeat(300), "ponies"};
        for (Path f : files) {
            String text = Files.readString(f);
            StringBuilder odd = new StringBuilder();
            for (int i = 0; i < 60; i++) odd.append(pieces[r.nextInt(pieces.length)]).append(i % 5 == 0 ? "\n" : " ");
            docs.add(doc("/files/" + f.getFileName() + "/", f.getFileName().toString(), odd.toString(),
                    List.of("seed", "Peer Support"), "files", "guide", text));
        }
        return docs;
    }

    private static IndexWriterConfig config() {
        IndexWriterConfig c = new IndexWriterConfig(new FastEnglishAnalyzer());
        c.setSimilarity(SearchFields.similarity());
        c.setMergePolicy(NoMergePolicy.INSTANCE);
        c.setUseCompoundFile(false);
        return c;
    }

    private static Directory byIndexWriter(List<SearchDocument> docs) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        Deflater deflater = new Deflater(IndexExporter.DISPLAY_LEVEL, true);
        try (IndexWriter w = new IndexWriter(dir, config())) {
            for (SearchDocument d : docs) w.addDocument(SearchIndexer.toLucene(d, deflater));
            w.commit();
        } finally {
            deflater.end();
        }
        return dir;
    }

    private static Directory byInverter(List<SearchDocument> docs, int cacheLimit) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        Deflater deflater = new Deflater(IndexExporter.DISPLAY_LEVEL, true);
        PageInverter pages = new PageInverter(cacheLimit);
        for (SearchDocument d : docs) pages.add(d, DisplayData.of(d).stored(deflater));
        deflater.end();
        try (IndexWriter w = new IndexWriter(dir, config())) {
            w.addIndexes(SlowCodecReaderWrapper.wrap(new InvertedPagesReader(pages)));
            w.commit();
        }
        return dir;
    }

    private static void sameIndex(Directory expectedDir, Directory actualDir) throws IOException {
        try (DirectoryReader expectedReader = DirectoryReader.open(expectedDir);
             DirectoryReader actualReader = DirectoryReader.open(actualDir)) {
            assertEquals(1, expectedReader.leaves().size());
            assertEquals(1, actualReader.leaves().size());
            LeafReader expected = expectedReader.leaves().get(0).reader();
            LeafReader actual = actualReader.leaves().get(0).reader();
            assertEquals(expected.maxDoc(), actual.maxDoc());
            assertEquals(expected.getFieldInfos().size(), actual.getFieldInfos().size());
            for (FieldInfo e : expected.getFieldInfos()) {
                FieldInfo a = actual.getFieldInfos().fieldInfo(e.name);
                assertNotNull(a, e.name);
                assertEquals(e.getIndexOptions(), a.getIndexOptions(), e.name);
                assertEquals(e.getDocValuesType(), a.getDocValuesType(), e.name);
                assertEquals(e.omitsNorms(), a.omitsNorms(), e.name);
                assertEquals(e.hasNorms(), a.hasNorms(), e.name);
                assertEquals(e.hasPayloads(), a.hasPayloads(), e.name);
                assertEquals(e.hasTermVectors(), a.hasTermVectors(), e.name);
                sameTerms(e.name, expected.terms(e.name), actual.terms(e.name));
                if (e.hasNorms()) sameNumeric(e.name, expected.getNormValues(e.name), actual.getNormValues(e.name));
                switch (e.getDocValuesType()) {
                    case SORTED -> sameSorted(e.name, expected.getSortedDocValues(e.name), actual.getSortedDocValues(e.name));
                    case SORTED_SET -> sameSortedSet(e.name, expected.getSortedSetDocValues(e.name), actual.getSortedSetDocValues(e.name));
                    case BINARY -> sameBinary(e.name, expected.getBinaryDocValues(e.name), actual.getBinaryDocValues(e.name));
                    case NONE -> { }
                    default -> throw new AssertionError("unexpected doc values in " + e.name);
                }
            }
        }
    }

    private static void sameTerms(String field, Terms e, Terms a) throws IOException {
        if (e == null) {
            assertNull(a, field);
            return;
        }
        assertNotNull(a, field);
        assertEquals(e.size(), a.size(), field);
        assertEquals(e.getDocCount(), a.getDocCount(), field);
        assertEquals(e.getSumDocFreq(), a.getSumDocFreq(), field);
        assertEquals(e.getSumTotalTermFreq(), a.getSumTotalTermFreq(), field);
        assertEquals(e.hasFreqs(), a.hasFreqs(), field);
        assertEquals(e.hasPositions(), a.hasPositions(), field);
        TermsEnum te = e.iterator();
        TermsEnum ta = a.iterator();
        int terms = 0;
        for (BytesRef t; (t = te.next()) != null; terms++) {
            BytesRef u = ta.next();
            assertEquals(t, u, field);
            String where = field + ":" + t.utf8ToString();
            assertEquals(te.docFreq(), ta.docFreq(), where);
            assertEquals(te.totalTermFreq(), ta.totalTermFreq(), where);
            PostingsEnum pe = te.postings(null, PostingsEnum.ALL);
            PostingsEnum pa = ta.postings(null, PostingsEnum.ALL);
            for (int d; (d = pe.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS; ) {
                assertEquals(d, pa.nextDoc(), where);
                assertEquals(pe.freq(), pa.freq(), where + " in " + d);
                if (e.hasPositions()) {
                    for (int i = 0; i < pe.freq(); i++) assertEquals(pe.nextPosition(), pa.nextPosition(), where + " in " + d);
                }
            }
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, pa.nextDoc(), where);
        }
        assertNull(ta.next(), field);
        assertTrue(terms > 0 || e.size() == 0, field);
    }

    private static void sameNumeric(String field, NumericDocValues e, NumericDocValues a) throws IOException {
        assertNotNull(e, field);
        assertNotNull(a, field);
        for (int d; (d = e.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS; ) {
            assertEquals(d, a.nextDoc(), field);
            assertEquals(e.longValue(), a.longValue(), field + " norm of " + d);
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, a.nextDoc(), field);
    }

    private static void sameSorted(String field, SortedDocValues e, SortedDocValues a) throws IOException {
        assertEquals(e.getValueCount(), a.getValueCount(), field);
        for (int d; (d = e.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS; ) {
            assertEquals(d, a.nextDoc(), field);
            assertEquals(e.ordValue(), a.ordValue(), field);
            assertEquals(e.lookupOrd(e.ordValue()), a.lookupOrd(a.ordValue()), field);
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, a.nextDoc(), field);
    }

    private static void sameSortedSet(String field, SortedSetDocValues e, SortedSetDocValues a) throws IOException {
        assertEquals(e.getValueCount(), a.getValueCount(), field);
        for (int d; (d = e.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS; ) {
            assertEquals(d, a.nextDoc(), field);
            assertEquals(e.docValueCount(), a.docValueCount(), field + " in " + d);
            for (int i = 0; i < e.docValueCount(); i++) {
                long o = e.nextOrd();
                assertEquals(o, a.nextOrd(), field);
                assertEquals(e.lookupOrd(o), a.lookupOrd(o), field);
            }
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, a.nextDoc(), field);
    }

    private static void sameBinary(String field, BinaryDocValues e, BinaryDocValues a) throws IOException {
        for (int d; (d = e.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS; ) {
            assertEquals(d, a.nextDoc(), field);
            assertEquals(e.binaryValue(), a.binaryValue(), field + " of " + d);
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, a.nextDoc(), field);
    }
}

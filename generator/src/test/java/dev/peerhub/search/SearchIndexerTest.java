package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.output.OutputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexerTest {

    @TempDir
    Path tmp;

    static SearchDocument doc(String url, String title, String body, String... tags) {
        return new SearchDocument(url, title, "", List.of(tags), "guides", "guide", LocalDate.of(2024, 5, 1), "",
                List.of(new SearchDocument.Passage("", "", body)));
    }

    static final List<SearchDocument> SMALL = List.of(
            doc("/b/", "Starting a peer support circle", "Circles meet weekly. Support each other.", "groups"),
            doc("/a/", "Sleep and anxiety", "Breathing helps sleep. Sleep sleep sleep.", "sleep", "anxiety"),
            doc("/c/", "Listening", "Listening is support; listening well takes practice.", "skills"));

    private List<OutputFile> build(Path dir, List<SearchDocument> docs) {
        try (SearchIndexer indexer = new SearchIndexer(dir, "en")) {
            docs.parallelStream().forEach(indexer::add);
            return indexer.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the index stores of a page comes back whole, whatever its characters. */
    @Test
    void displayDataRoundTrips() {
        DisplayData d = new DisplayData("/a/ü/", "T <x> \"q\"", "", "2024-01-02", "note ✓", new String[] {"a", "b c"},
                new String[] {"", "h-1"}, new String[] {"", "Héading"}, new String[] {"text 😀", ""});
        DisplayData back = DisplayData.decode(new org.apache.lucene.util.BytesRef(d.encode()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(d.encode(), back.encode());
        assertEquals(List.of(d.tags()), List.of(back.tags()));
        // The form the index keeps: tags, then the client's compressed entry; at an offset inside a
        // larger array, as doc values may hand it out.
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(IndexExporter.DISPLAY_LEVEL, true);
        byte[] stored;
        try {
            stored = d.stored(deflater);
        } finally {
            deflater.end();
        }
        byte[] padded = new byte[stored.length + 7];
        System.arraycopy(stored, 0, padded, 3, stored.length);
        org.apache.lucene.util.BytesRef ref = new org.apache.lucene.util.BytesRef(padded, 3, stored.length);
        assertEquals(List.of("a", "b c"), List.of(DisplayData.storedTags(ref)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(d.encode(), DisplayData.fromStored(ref).encode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(IndexExporter.entry(d.encode(), IndexExporter.DISPLAY_LEVEL),
                java.util.Arrays.copyOfRange(padded, DisplayData.entryStart(ref), 3 + stored.length));
        assertEquals("", DisplayData.decode(new org.apache.lucene.util.BytesRef(new DisplayData("/", "", "", "", "",
                new String[0], new String[0], new String[0], new String[0]).encode())).title());
    }

    /** An index written by an earlier peerhub (no format mark) is not reused. */
    @Test
    void anIndexOfAnotherFormatCountsAsNone() throws Exception {
        java.nio.file.Path dir = tmp.resolve("old");
        try (var d = FSDirectory.open(dir);
             var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            w.addDocument(new org.apache.lucene.document.Document());
            w.commit();
        }
        assertFalse(Searcher.indexExists(dir));
        build(tmp.resolve("new"), SMALL);
        assertTrue(Searcher.indexExists(tmp.resolve("new")));
    }

    @Test
    void theDefaultIndexLivesInTheSiteCache() {
        assertEquals(Path.of("site/.peerhub-cache/search-index"), SearchIndexer.defaultIndexDir(Path.of("site")));
    }

    @Test
    void everyFileIsUnderSearchAndAllButTheManifestAreContentHashed() {
        List<OutputFile> files = build(tmp.resolve("i"), SMALL);
        assertTrue(files.stream().anyMatch(f -> f.path().equals("search/manifest.json")));
        for (OutputFile f : files) {
            assertTrue(f.path().startsWith("search/"), f.path());
            if (!f.path().equals("search/manifest.json")) {
                assertTrue(f.path().matches("search/[a-z]/[0-9a-f]{12}(\\.bin|\\.json|/[0-9]+\\.bin)"), f.path());
            }
        }
    }

    private static String url(DirectoryReader r, int doc) throws java.io.IOException {
        return Searcher.display(r, doc).url();
    }

    @Test
    void docIdsFollowUrlOrderWhateverTheOrderOfAdding() throws Exception {
        build(tmp.resolve("i"), SMALL);
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(tmp.resolve("i")))) {
            DocOrder order = DocOrder.of(r);
            assertEquals("/a/", url(r, order.doc[0]));
            assertEquals("/b/", url(r, order.doc[1]));
            assertEquals("/c/", url(r, order.doc[2]));
            for (int d = 0; d < 3; d++) assertEquals(d, order.rank[order.doc[d]]);
        }
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() {
        List<SearchDocument> docs = TestCorpus.generate(5, 300, 200, 80);
        List<SearchDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(1));
        Map<String, byte[]> a = build(tmp.resolve("a"), docs).stream()
                .collect(Collectors.toMap(OutputFile::path, OutputFile::bytes));
        Map<String, byte[]> b = build(tmp.resolve("b"), shuffled).stream()
                .collect(Collectors.toMap(OutputFile::path, OutputFile::bytes));
        assertEquals(a.keySet(), b.keySet());
        for (String p : a.keySet()) assertArrayEquals(a.get(p), b.get(p), p);
    }

    @Test
    void aSecondBuildReplacesThePreviousIndex() throws Exception {
        build(tmp.resolve("i"), SMALL);
        build(tmp.resolve("i"), SMALL.subList(0, 1));
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(tmp.resolve("i")))) {
            assertEquals(1, r.numDocs());
        }
    }

    @Test
    void twoPagesWithOneUrlAreRefused() throws Exception {
        try (SearchIndexer indexer = new SearchIndexer(tmp.resolve("i"), "en")) {
            indexer.add(SMALL.get(0));
            assertThrows(IllegalArgumentException.class, () -> indexer.add(SMALL.get(0)));
        }
    }

    /** Decodes the exported term parts and checks every posting against Lucene's. */
    @Test
    void exportedTermsPostingsAndNormsRoundTripThroughLucene() throws Exception {
        List<OutputFile> files = build(tmp.resolve("i"), TestCorpus.generate(9, 120, 150, 60));
        Map<String, byte[]> byPath = new HashMap<>();
        for (OutputFile f : files) byPath.put(f.path(), f.bytes());
        String manifest = new String(byPath.get("search/manifest.json"), StandardCharsets.UTF_8);
        java.util.regex.Matcher tm = java.util.regex.Pattern.compile("\"t\":\"(t/[0-9a-f]+/)\"").matcher(manifest);
        assertTrue(tm.find(), manifest);
        List<String> partNames = new ArrayList<>();
        for (int i = 0; byPath.containsKey("search/" + tm.group(1) + i + ".bin"); i++) partNames.add(tm.group(1) + i + ".bin");
        assertTrue(partNames.size() > 1, "several parts");
        java.util.Iterator<String> m = partNames.iterator();
        int checked = 0;
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(tmp.resolve("i")))) {
            DocOrder order = DocOrder.of(r);
            String prevTerm = "";
            while (m.hasNext()) {
                byte[] part = inflateEntry(byPath.get("search/" + m.next()));
                int[] pos = {0};
                varint(part, pos); // where the part's positions start in the file of all positions
                int count = (int) varint(part, pos);
                byte[] prev = new byte[0];
                List<Object[]> entries = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int shared = (int) varint(part, pos);
                    int len = (int) varint(part, pos);
                    byte[] t = new byte[shared + len];
                    System.arraycopy(prev, 0, t, 0, shared);
                    System.arraycopy(part, pos[0], t, shared, len);
                    pos[0] += len;
                    prev = t;
                    int mask = (int) varint(part, pos);
                    long[] df = new long[5];
                    long[] bytes = new long[5];
                    for (int f = 0; f < 5; f++) {
                        if ((mask & (1 << f)) != 0) {
                            df[f] = varint(part, pos);
                            bytes[f] = varint(part, pos);
                            varint(part, pos); // positions length
                        }
                    }
                    entries.add(new Object[] {new String(t, StandardCharsets.UTF_8), mask, df});
                }
                for (Object[] e : entries) {
                    String term = (String) e[0];
                    assertTrue(new BytesRef(term).compareTo(new BytesRef(prevTerm)) > 0, "terms in order");
                    prevTerm = term;
                    for (int f = 0; f < 5; f++) {
                        String field = SearchFields.TEXT_FIELDS.get(f);
                        long df = ((long[]) e[2])[f];
                        assertEquals(r.docFreq(new Term(field, term)), df, term + " in " + field);
                        if (df == 0) continue;
                        TermsEnum te = org.apache.lucene.index.MultiTerms.getTerms(r, field).iterator();
                        assertTrue(te.seekExact(new BytesRef(term)));
                        PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
                        // Lucene's postings renumbered to client doc numbers (URL order).
                        java.util.TreeMap<Integer, Integer> lucene = new java.util.TreeMap<>();
                        for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                            lucene.put(order.rank[d], pe.freq());
                        }
                        java.util.Iterator<Map.Entry<Integer, Integer>> li = lucene.entrySet().iterator();
                        NumericDocValues norms = org.apache.lucene.index.MultiDocValues.getNormValues(r, field);
                        int[] docs = new int[(int) df];
                        int[] freqs = new int[(int) df];
                        int doc = 0;
                        for (int k = 0; k < df; k++) docs[k] = doc += (int) varint(part, pos);
                        for (int k = 0; k < df; k++) freqs[k] = (int) varint(part, pos);
                        for (int k = 0; k < df; k++) {
                            doc = docs[k];
                            int freq = freqs[k];
                            byte norm = part[pos[0]++];
                            Map.Entry<Integer, Integer> expected = li.next();
                            assertEquals(expected.getKey(), doc);
                            assertEquals(expected.getValue(), freq);
                            norms = org.apache.lucene.index.MultiDocValues.getNormValues(r, field);
                            assertTrue(norms.advanceExact(order.doc[doc]));
                            assertEquals((byte) norms.longValue(), norm);
                            checked++;
                        }
                    }
                }
                assertEquals(part.length, pos[0], "part fully read");
            }
        }
        assertTrue(checked > 1000, "checked " + checked + " postings");
    }

    @Test
    void theManifestCarriesLuceneFieldStatistics() throws Exception {
        List<OutputFile> files = build(tmp.resolve("i"), SMALL);
        String manifest = files.stream().filter(f -> f.path().equals("search/manifest.json")).findFirst()
                .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow();
        assertTrue(manifest.contains("\"n\":3"), manifest);
        assertTrue(manifest.contains("{\"name\":\"title\",\"boost\":5.0,\"docCount\":3,\"sumTtf\":"), manifest);
        assertTrue(manifest.contains("\"lang\":\"en\""), manifest);
    }

    @Test
    void emptySitesExportAnEmptyIndex() {
        List<OutputFile> files = build(tmp.resolve("i"), List.of());
        assertTrue(files.stream().anyMatch(f -> f.path().equals("search/manifest.json")));
    }

    /** A numbered file: varint length, then raw DEFLATE. */
    static byte[] inflateEntry(byte[] entry) throws java.util.zip.DataFormatException {
        int[] pos = {0};
        int len = (int) varint(entry, pos);
        java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
        inf.setInput(entry, pos[0], len);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!inf.finished()) {
            int n = inf.inflate(buf);
            if (n == 0 && inf.needsInput()) break;
            out.write(buf, 0, n);
        }
        inf.end();
        return out.toByteArray();
    }

    static long varint(byte[] b, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b[pos[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
            shift += 7;
        }
    }
}

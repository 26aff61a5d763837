package dev.peerhub.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValuesSkipIndexType;
import org.apache.lucene.index.DocValuesSkipper;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdTermState;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * A {@link PageInverter}'s pages as a Lucene {@link LeafReader}, for {@code IndexWriter.addIndexes}: its
 * fields, with the options {@code IndexWriter} gives the fields of {@link SearchIndexer#toLucene} (text
 * fields with frequencies, positions and norms; keyword fields with documents only and no norms; sorted,
 * sorted-set and binary doc values), its terms in Lucene's order, postings, norms computed by the
 * similarity from each field's length, and doc values. Read once, by the merge that writes the segment.
 */
final class InvertedPagesReader extends LeafReader {
    private final PageInverter pages;
    private final FieldInfos fieldInfos;
    private final Map<String, Integer> textField = new java.util.HashMap<>();
    private final PageInverter.TextPostings.Sorted[] sortedText;
    private final List<TreeMap<BytesRef, int[]>> keywords = new ArrayList<>();
    private final Similarity similarity = SearchFields.similarity();
    /** Made when first asked for (the merge asks more than once). */
    private final int[][] sortedOrds = new int[3][];
    private int[][] tagOrds;
    private final BytesRef[][] keywordTerms = new BytesRef[4][];

    private BytesRef[] keywordTerms(int k) {
        if (keywordTerms[k] == null) keywordTerms[k] = keywords.get(k).keySet().toArray(BytesRef[]::new);
        return keywordTerms[k];
    }

    InvertedPagesReader(PageInverter pages) {
        this.pages = pages;
        List<FieldInfo> infos = new ArrayList<>();
        int number = 0;
        // the order IndexWriter meets them in toLucene: url, title, tags, headings, summary, body, section, type, tag, display
        infos.add(field(SearchFields.URL, number++, IndexOptions.DOCS, true, DocValuesType.SORTED));
        for (String f : SearchFields.TEXT_FIELDS) {
            textField.put(f, textField.size());
            infos.add(field(f, number++, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false, DocValuesType.NONE));
        }
        infos.add(field(SearchFields.F_SECTION, number++, IndexOptions.DOCS, true, DocValuesType.SORTED));
        infos.add(field(SearchFields.F_TYPE, number++, IndexOptions.DOCS, true, DocValuesType.SORTED));
        infos.add(field(SearchFields.F_TAG, number++, IndexOptions.DOCS, true, DocValuesType.SORTED_SET));
        infos.add(field(SearchFields.DISPLAY, number, IndexOptions.NONE, false, DocValuesType.BINARY));
        fieldInfos = new FieldInfos(infos.toArray(FieldInfo[]::new));
        sortedText = new PageInverter.TextPostings.Sorted[pages.text.length];
        for (int f = 0; f < pages.text.length; f++) {
            pages.text[f].freeze();
            sortedText[f] = pages.text[f].sorted(pages);
        }
        for (int k = 0; k < PageInverter.KEYWORD_FIELDS.size(); k++) keywords.add(pages.keywordPostings(k));
    }

    private static FieldInfo field(String name, int number, IndexOptions index, boolean omitNorms, DocValuesType dv) {
        return new FieldInfo(name, number, false, index == IndexOptions.NONE || omitNorms, false, index, dv,
                DocValuesSkipIndexType.NONE, -1, Map.of(), 0, 0, 0, 0, VectorEncoding.FLOAT32,
                VectorSimilarityFunction.EUCLIDEAN, false, false);
    }

    @Override
    public Terms terms(String field) {
        Integer f = textField.get(field);
        if (f != null) return new TextTerms(pages.text[f], sortedText[f]);
        int k = PageInverter.KEYWORD_FIELDS.indexOf(field);
        return k < 0 ? null : new KeywordTerms(keywords.get(k));
    }

    @Override
    public NumericDocValues getNormValues(String field) {
        Integer f = textField.get(field);
        if (f == null) return null;
        int[] lengths = pages.text[f].lengths;
        long[] norms = new long[pages.maxDoc];
        for (int d = 0; d < norms.length; d++) {
            // as IndexingChain: 0 for a field with no token, else the similarity's norm of its length
            if (lengths[d] == 0) continue;
            FieldInvertState state = new FieldInvertState(Version.LATEST.major, field,
                    IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, lengths[d] - 1, lengths[d], 0, 0, 0, 0);
            norms[d] = similarity.computeNorm(state);
        }
        return new NumericDocValues() {
            int doc = -1;

            @Override
            public long longValue() {
                return norms[doc];
            }

            @Override
            public boolean advanceExact(int target) {
                doc = target;
                return true;
            }

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return doc = doc + 1 < norms.length ? doc + 1 : NO_MORE_DOCS;
            }

            @Override
            public int advance(int target) {
                return doc = target < norms.length ? target : NO_MORE_DOCS;
            }

            @Override
            public long cost() {
                return norms.length;
            }
        };
    }

    @Override
    public SortedDocValues getSortedDocValues(String field) {
        String[] values;
        int k;
        switch (field) {
            case SearchFields.URL -> { values = pages.urls; k = 0; }
            case SearchFields.F_SECTION -> { values = pages.sections; k = 1; }
            case SearchFields.F_TYPE -> { values = pages.types; k = 2; }
            default -> { return null; }
        }
        BytesRef[] distinct = keywordTerms(k);
        int[] ords = sortedOrds[k];
        if (ords == null) {
            java.util.HashMap<String, Integer> ordOf = new java.util.HashMap<>();
            for (int o = 0; o < distinct.length; o++) ordOf.put(distinct[o].utf8ToString(), o);
            ords = sortedOrds[k] = new int[pages.maxDoc];
            for (int d = 0; d < ords.length; d++) ords[d] = ordOf.get(values[d]);
        }
        int[] pageOrds = ords;
        return new SortedDocValues() {
            int doc = -1;

            @Override
            public int ordValue() {
                return pageOrds[doc];
            }

            @Override
            public BytesRef lookupOrd(int ord) {
                return distinct[ord];
            }

            @Override
            public int getValueCount() {
                return distinct.length;
            }

            @Override
            public boolean advanceExact(int target) {
                doc = target;
                return true;
            }

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return doc = doc + 1 < pageOrds.length ? doc + 1 : NO_MORE_DOCS;
            }

            @Override
            public int advance(int target) {
                return doc = target < pageOrds.length ? target : NO_MORE_DOCS;
            }

            @Override
            public long cost() {
                return pageOrds.length;
            }
        };
    }

    @Override
    public SortedSetDocValues getSortedSetDocValues(String field) {
        if (!field.equals(SearchFields.F_TAG)) return null;
        BytesRef[] distinct = keywordTerms(3);
        if (tagOrds == null) {
            java.util.HashMap<String, Integer> ordOf = new java.util.HashMap<>();
            for (int o = 0; o < distinct.length; o++) ordOf.put(distinct[o].utf8ToString(), o);
            tagOrds = new int[pages.maxDoc][];
            for (int d = 0; d < tagOrds.length; d++) {
                int[] o = new int[pages.tags[d].length];
                for (int i = 0; i < o.length; i++) o[i] = ordOf.get(pages.tags[d][i]);
                Arrays.sort(o);
                int n = 0;
                for (int i = 0; i < o.length; i++) if (n == 0 || o[n - 1] != o[i]) o[n++] = o[i];
                tagOrds[d] = Arrays.copyOf(o, n);
            }
        }
        int[][] ords = tagOrds;
        return new SortedSetDocValues() {
            int doc = -1;
            int next;

            @Override
            public long nextOrd() {
                return ords[doc][next++];
            }

            @Override
            public int docValueCount() {
                return ords[doc].length;
            }

            @Override
            public BytesRef lookupOrd(long ord) {
                return distinct[(int) ord];
            }

            @Override
            public long getValueCount() {
                return distinct.length;
            }

            @Override
            public boolean advanceExact(int target) {
                doc = target;
                next = 0;
                return ords[target].length > 0;
            }

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return advance(doc + 1);
            }

            @Override
            public int advance(int target) {
                for (int d = target; d < ords.length; d++) {
                    if (ords[d].length > 0) {
                        next = 0;
                        return doc = d;
                    }
                }
                return doc = NO_MORE_DOCS;
            }

            @Override
            public long cost() {
                return ords.length;
            }
        };
    }

    @Override
    public BinaryDocValues getBinaryDocValues(String field) {
        if (!field.equals(SearchFields.DISPLAY)) return null;
        byte[][] display = pages.display;
        int max = pages.maxDoc;
        return new BinaryDocValues() {
            int doc = -1;
            final BytesRef value = new BytesRef();

            @Override
            public BytesRef binaryValue() {
                value.bytes = display[doc];
                value.offset = 0;
                value.length = display[doc].length;
                return value;
            }

            @Override
            public boolean advanceExact(int target) {
                doc = target;
                return true;
            }

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return doc = doc + 1 < max ? doc + 1 : NO_MORE_DOCS;
            }

            @Override
            public int advance(int target) {
                return doc = target < max ? target : NO_MORE_DOCS;
            }

            @Override
            public long cost() {
                return max;
            }
        };
    }

    @Override
    public NumericDocValues getNumericDocValues(String field) {
        return null;
    }

    @Override
    public SortedNumericDocValues getSortedNumericDocValues(String field) {
        return null;
    }

    @Override
    public DocValuesSkipper getDocValuesSkipper(String field) {
        return null;
    }

    @Override
    public FloatVectorValues getFloatVectorValues(String field) {
        return null;
    }

    @Override
    public ByteVectorValues getByteVectorValues(String field) {
        return null;
    }

    @Override
    public void searchNearestVectors(String field, float[] target, KnnCollector knnCollector, AcceptDocs acceptDocs) {
        // no vectors
    }

    @Override
    public void searchNearestVectors(String field, byte[] target, KnnCollector knnCollector, AcceptDocs acceptDocs) {
        // no vectors
    }

    @Override
    public FieldInfos getFieldInfos() {
        return fieldInfos;
    }

    @Override
    public Bits getLiveDocs() {
        return null;
    }

    @Override
    public PointValues getPointValues(String field) {
        return null;
    }

    @Override
    public void checkIntegrity() {
        // in memory
    }

    @Override
    public LeafMetaData getMetaData() {
        return new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);
    }

    @Override
    public TermVectors termVectors() {
        return TermVectors.EMPTY;
    }

    @Override
    public StoredFields storedFields() {
        return new StoredFields() {
            @Override
            public void document(int docID, StoredFieldVisitor visitor) {
                // nothing is stored
            }
        };
    }

    @Override
    public int numDocs() {
        return pages.maxDoc;
    }

    @Override
    public int maxDoc() {
        return pages.maxDoc;
    }

    @Override
    protected void doClose() {
        // nothing to release
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    /** Terms of a sorted list, by ordinal; the subclass gives each term's statistics and postings. */
    private abstract static class SortedTerms extends Terms {
        final BytesRef[] bytes;

        SortedTerms(BytesRef[] bytes) {
            this.bytes = bytes;
        }

        abstract int docFreq(int ord);

        abstract long totalTermFreq(int ord);

        abstract PostingsEnum postings(int ord);

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public long getSumDocFreq() {
            long sum = 0;
            for (int i = 0; i < bytes.length; i++) sum += docFreq(i);
            return sum;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public TermsEnum iterator() {
            return new BaseTermsEnum() {
                int ord = -1;

                @Override
                public SeekStatus seekCeil(BytesRef text) {
                    int i = Arrays.binarySearch(bytes, text);
                    if (i >= 0) {
                        ord = i;
                        return SeekStatus.FOUND;
                    }
                    ord = -i - 1;
                    return ord >= bytes.length ? SeekStatus.END : SeekStatus.NOT_FOUND;
                }

                @Override
                public void seekExact(long ord) {
                    this.ord = (int) ord;
                }

                @Override
                public BytesRef term() {
                    return bytes[ord];
                }

                @Override
                public long ord() {
                    return ord;
                }

                @Override
                public int docFreq() {
                    return SortedTerms.this.docFreq(ord);
                }

                @Override
                public long totalTermFreq() {
                    return SortedTerms.this.totalTermFreq(ord);
                }

                @Override
                public PostingsEnum postings(PostingsEnum reuse, int flags) {
                    return SortedTerms.this.postings(ord);
                }

                @Override
                public ImpactsEnum impacts(int flags) {
                    return new SlowImpactsEnum(postings(null, flags));
                }

                @Override
                public TermState termState() {
                    OrdTermState state = new OrdTermState();
                    state.ord = ord;
                    return state;
                }

                @Override
                public void seekExact(BytesRef term, TermState state) {
                    ord = (int) ((OrdTermState) state).ord;
                }

                @Override
                public BytesRef next() {
                    return ++ord < bytes.length ? bytes[ord] : null;
                }
            };
        }
    }

    /** A text field's terms: postings with frequencies and positions, from the inverter's sorted tokens. */
    private static final class TextTerms extends SortedTerms {
        private final PageInverter.TextPostings postings;
        private final int[] ids;

        TextTerms(PageInverter.TextPostings postings, PageInverter.TextPostings.Sorted sorted) {
            super(sorted.bytes());
            this.postings = postings;
            this.ids = sorted.terms();
        }

        @Override
        int docFreq(int ord) {
            return postings.docFreq[ids[ord]];
        }

        @Override
        long totalTermFreq(int ord) {
            int t = ids[ord];
            return postings.start[t + 1] - postings.start[t];
        }

        @Override
        public long getSumTotalTermFreq() {
            return postings.docs.length;
        }

        @Override
        public int getDocCount() {
            int n = 0;
            for (int len : postings.lengths) if (len > 0) n++;
            return n;
        }

        @Override
        public boolean hasFreqs() {
            return true;
        }

        @Override
        public boolean hasPositions() {
            return true;
        }

        @Override
        PostingsEnum postings(int ord) {
            int t = ids[ord];
            return new TextPostingsEnum(postings.docs, postings.positions, postings.start[t], postings.start[t + 1]);
        }
    }

    /** Pages, frequencies and positions of one term of a text field: a run of the sorted tokens. */
    private static final class TextPostingsEnum extends PostingsEnum {
        private final int[] docs;
        private final int[] positions;
        private final int end;
        /** The current page's first token, and the next page's. */
        private int at;
        private int next;
        private int position;
        private int doc = -1;

        TextPostingsEnum(int[] docs, int[] positions, int start, int end) {
            this.docs = docs;
            this.positions = positions;
            this.end = end;
            this.next = start;
        }

        @Override
        public int nextDoc() {
            if (next >= end) return doc = NO_MORE_DOCS;
            at = position = next;
            doc = docs[next];
            while (next < end && docs[next] == doc) next++;
            return doc;
        }

        @Override
        public int nextPosition() {
            return positions[position++];
        }

        @Override
        public int freq() {
            return next - at;
        }

        @Override
        public int startOffset() {
            return -1;
        }

        @Override
        public int endOffset() {
            return -1;
        }

        @Override
        public BytesRef getPayload() {
            return null;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int advance(int target) {
            int d;
            do {
                d = nextDoc();
            } while (d < target);
            return d;
        }

        @Override
        public long cost() {
            return end - next;
        }
    }

    /** A keyword field's terms: documents only. */
    private static final class KeywordTerms extends SortedTerms {
        private final int[][] docs;

        KeywordTerms(TreeMap<BytesRef, int[]> postings) {
            super(postings.keySet().toArray(BytesRef[]::new));
            this.docs = postings.values().toArray(int[][]::new);
        }

        @Override
        int docFreq(int ord) {
            return docs[ord].length;
        }

        @Override
        long totalTermFreq(int ord) {
            return docs[ord].length;
        }

        @Override
        public long getSumTotalTermFreq() {
            return getSumDocFreq();
        }

        @Override
        public int getDocCount() {
            java.util.BitSet seen = new java.util.BitSet();
            for (int[] d : docs) for (int doc : d) seen.set(doc);
            return seen.cardinality();
        }

        @Override
        public boolean hasFreqs() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        PostingsEnum postings(int ord) {
            int[] list = docs[ord];
            return new PostingsEnum() {
                int i = -1;

                @Override
                public int freq() {
                    return 1;
                }

                @Override
                public int nextPosition() {
                    return -1;
                }

                @Override
                public int startOffset() {
                    return -1;
                }

                @Override
                public int endOffset() {
                    return -1;
                }

                @Override
                public BytesRef getPayload() {
                    return null;
                }

                @Override
                public int docID() {
                    return i < 0 ? -1 : i < list.length ? list[i] : NO_MORE_DOCS;
                }

                @Override
                public int nextDoc() {
                    i++;
                    return docID();
                }

                @Override
                public int advance(int target) {
                    int d;
                    do {
                        d = nextDoc();
                    } while (d < target);
                    return d;
                }

                @Override
                public long cost() {
                    return list.length;
                }
            };
        }
    }
}

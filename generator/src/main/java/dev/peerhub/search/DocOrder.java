package dev.peerhub.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * The pages' numbers in the client index: their rank in URL order (UTF-8 byte order, as Lucene
 * compares terms). The Lucene index is neither sorted nor merged into one segment (pages arrive
 * from several threads, in any order); the export renumbers Lucene's doc ids with this, and
 * {@link Searcher} breaks ties in score with it, so both sides order equal scores by URL.
 */
final class DocOrder {
    /** rank of each Lucene doc id (index: top-level doc id). */
    final int[] rank;
    /** Lucene doc id of each rank. */
    final int[] doc;

    private DocOrder(int[] rank, int[] doc) {
        this.rank = rank;
        this.doc = doc;
    }

    static DocOrder of(IndexReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        java.util.List<LeafReaderContext> leaves = reader.leaves();
        // Within a segment the URL doc values' ordinals are already in URL order, one page to an ordinal (URLs
        // are unique), so each segment's pages come in order without a comparison; the segments' lists are
        // then merged, comparing only their heads.
        int[][] inOrder = new int[leaves.size()][];
        SortedDocValues[] lookup = new SortedDocValues[leaves.size()];
        for (int s = 0; s < leaves.size(); s++) {
            LeafReaderContext ctx = leaves.get(s);
            SortedDocValues dv = ctx.reader().getSortedDocValues(SearchFields.URL);
            int n = ctx.reader().maxDoc();
            if (n == 0) {
                inOrder[s] = new int[0];
                continue;
            }
            if (dv == null || dv.getValueCount() != n) {
                throw new IllegalStateException("segment " + s + " has " + n + " pages but "
                        + (dv == null ? 0 : dv.getValueCount()) + " distinct URLs");
            }
            int[] byOrd = new int[n];
            Arrays.fill(byOrd, -1);
            int seen = 0;
            for (int d = dv.nextDoc(); d != SortedDocValues.NO_MORE_DOCS; d = dv.nextDoc()) {
                byOrd[dv.ordValue()] = ctx.docBase + d;
                seen++;
            }
            if (seen != n) throw new IllegalStateException("segment " + s + " has a page without a URL");
            inOrder[s] = byOrd;
            lookup[s] = ctx.reader().getSortedDocValues(SearchFields.URL); // for lookupOrd while dv is spent
        }
        int[] rank = new int[maxDoc];
        int[] doc = new int[maxDoc];
        int[] next = new int[leaves.size()];
        BytesRef[] head = new BytesRef[leaves.size()];
        java.util.PriorityQueue<Integer> queue = new java.util.PriorityQueue<>((a, b) -> head[a].compareTo(head[b]));
        for (int s = 0; s < leaves.size(); s++) {
            if (inOrder[s].length == 0) continue;
            head[s] = BytesRef.deepCopyOf(lookup[s].lookupOrd(0));
            queue.add(s);
        }
        for (int r = 0; r < maxDoc; r++) {
            int s = queue.remove();
            int d = inOrder[s][next[s]++];
            doc[r] = d;
            rank[d] = r;
            if (next[s] < inOrder[s].length) {
                head[s] = BytesRef.deepCopyOf(lookup[s].lookupOrd(next[s]));
                queue.add(s);
            }
        }
        return new DocOrder(rank, doc);
    }
}

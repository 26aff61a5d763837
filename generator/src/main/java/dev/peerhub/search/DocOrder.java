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
        BytesRef[] urls = new BytesRef[maxDoc];
        for (LeafReaderContext ctx : reader.leaves()) {
            SortedDocValues dv = ctx.reader().getSortedDocValues(SearchFields.URL);
            if (dv == null) continue;
            for (int d = dv.nextDoc(); d != SortedDocValues.NO_MORE_DOCS; d = dv.nextDoc()) {
                urls[ctx.docBase + d] = BytesRef.deepCopyOf(dv.lookupOrd(dv.ordValue()));
            }
        }
        Integer[] order = new Integer[maxDoc];
        for (int i = 0; i < maxDoc; i++) {
            if (urls[i] == null) throw new IllegalStateException("doc " + i + " has no URL");
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> urls[a].compareTo(urls[b]));
        int[] rank = new int[maxDoc];
        int[] doc = new int[maxDoc];
        for (int r = 0; r < maxDoc; r++) {
            doc[r] = order[r];
            rank[order[r]] = r;
        }
        return new DocOrder(rank, doc);
    }
}

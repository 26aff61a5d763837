package dev.peerhub.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Related pages for each article: up to {@link #LIMIT}, chosen by content similarity blended with
 * shared tags. Deterministic: the same site gives the same lists (ties are broken by URL).
 *
 * <p>The similarity comes from the search index ({@code dev.peerhub.search.SimilarPages}: each page's
 * most distinctive terms, read from the index's postings, queried against the index with BM25, in the
 * manner of Lucene's MoreLikeThis), so a page's text is analysed once per build, for search and for
 * this alike. A candidate's similarity lies in 0..1 (divided by the best of that page's hits); then
 * {@link #TAG_WEIGHT} is added per shared tag. Pages that share tags but are not among the similar hits
 * still compete with their tag score alone.
 */
public final class Related {

    public static final int LIMIT = 5;
    /** What each shared tag adds to a candidate's normalised similarity. */
    public static final double TAG_WEIGHT = 0.25;

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

    /**
     * Related by shared tags only: what {@link #from} gives with no similarity, counted once per set of tags
     * ({@link RelatedByTags}, milliseconds where this costs a second at 10k pages).
     */
    public static Related byTags(Site site) {
        return RelatedByTags.compute(site);
    }

    /**
     * Blends content similarity ({@code similar}: for a page's URL, other pages' URLs with a score in 0..1)
     * with shared tags; runs on {@code pool} when not null.
     */
    public static Related from(Site site, Map<String, Map<String, Double>> similar, ForkJoinPool pool) {
        List<Page> pages = site.pages();
        int n = pages.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) index.put(pages.get(i).url(), i);
        // ties break by URL: a page's rank in URL order
        Integer[] byUrlOrder = new Integer[n];
        for (int i = 0; i < n; i++) byUrlOrder[i] = i;
        java.util.Arrays.sort(byUrlOrder, Comparator.comparing(i -> pages.get(i).url()));
        int[] urlRank = new int[n];
        for (int r = 0; r < n; r++) urlRank[byUrlOrder[r]] = r;
        Map<String, int[]> byTag = new HashMap<>();
        for (TagGroup g : site.tags()) {
            byTag.put(g.tag().slug(), g.pages().stream().map(p -> index.get(p.url())).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray());
        }
        ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[n]);
        ThreadLocal<int[]> touchedList = ThreadLocal.withInitial(() -> new int[n]);
        java.util.function.IntFunction<List<Page>> pick = i -> {
            Page page = pages.get(i);
            double[] score = scratch.get();
            int[] touched = touchedList.get();
            int count = 0;
            for (Map.Entry<String, Double> e : similar.getOrDefault(page.url(), Map.of()).entrySet()) {
                Integer j = index.get(e.getKey());
                if (j == null) continue;
                if (score[j] == 0) touched[count++] = j;
                score[j] += e.getValue();
            }
            for (var t : page.article().tags()) {
                for (int j : byTag.getOrDefault(t.slug(), new int[0])) {
                    if (score[j] == 0) touched[count++] = j;
                    score[j] += TAG_WEIGHT;
                }
            }
            // the best LIMIT by score, then URL: a selection, not a sort of every candidate
            int[] best = new int[LIMIT];
            int size = 0;
            for (int k = 0; k < count; k++) {
                int j = touched[k];
                if (j == i) continue;
                if (size == LIMIT && !better(score, urlRank, j, best[LIMIT - 1])) continue;
                int at = size == LIMIT ? LIMIT - 1 : size++;
                while (at > 0 && better(score, urlRank, j, best[at - 1])) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = j;
            }
            List<Page> top = new ArrayList<>(size);
            for (int k = 0; k < size; k++) top.add(pages.get(best[k]));
            for (int k = 0; k < count; k++) score[touched[k]] = 0;
            return top;
        };
        List<List<Page>> lists = pool == null || n < 1000
                ? java.util.stream.IntStream.range(0, n).mapToObj(pick).toList()
                : dev.peerhub.concurrent.Pools.map(pool, n, pick);
        Map<String, List<Page>> result = new HashMap<>();
        for (int i = 0; i < n; i++) if (!lists.get(i).isEmpty()) result.put(pages.get(i).url(), List.copyOf(lists.get(i)));
        return new Related(result);
    }

    /** Higher score first, then smaller URL. */
    private static boolean better(double[] score, int[] urlRank, int a, int b) {
        return score[a] > score[b] || (score[a] == score[b] && urlRank[a] < urlRank[b]);
    }
}

package dev.peerhub.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Related pages for each article: up to {@link #LIMIT} pages sharing the most tags, newest first among
 * equals. Deterministic for the same site.
 */
public final class Related {

    public static final int LIMIT = 5;

    private final Map<String, List<Page>> byUrl;

    private Related(Map<String, List<Page>> byUrl) {
        this.byUrl = Map.copyOf(byUrl);
    }

    /** The related pages of {@code page} (empty when none). */
    public List<Page> of(Page page) {
        return byUrl.getOrDefault(page.url(), List.of());
    }

    /**
     * Related by shared tags only: the pages sharing the most tags, newest first among equals. Works on
     * page indices (the site's pages are already newest first), so 10k pages take milliseconds.
     */
    public static Related byTags(Site site) {
        List<Page> pages = site.pages();
        Map<Page, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < pages.size(); i++) index.put(pages.get(i), i);
        Map<String, int[]> members = new HashMap<>();
        for (TagGroup g : site.tags()) {
            members.put(g.tag().slug(), g.pages().stream().mapToInt(index::get).sorted().toArray());
        }
        int[] counts = new int[pages.size()];
        int[] touched = new int[pages.size()];
        Map<String, List<Page>> result = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            int n = 0;
            for (var t : page.article().tags()) {
                for (int j : members.getOrDefault(t.slug(), new int[0])) {
                    if (j == i) continue;
                    if (counts[j]++ == 0) touched[n++] = j;
                }
            }
            if (n == 0) continue;
            // best LIMIT by (count desc, index asc), without sorting all candidates
            int[] best = new int[Math.min(LIMIT, n)];
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int j = touched[k];
                int pos = kept;
                while (pos > 0 && better(j, best[pos - 1], counts)) pos--;
                if (pos < best.length) {
                    int end = Math.min(kept, best.length - 1);
                    System.arraycopy(best, pos, best, pos + 1, end - pos);
                    best[pos] = j;
                    if (kept < best.length) kept++;
                }
            }
            List<Page> chosen = new java.util.ArrayList<>(kept);
            for (int k = 0; k < kept; k++) chosen.add(pages.get(best[k]));
            result.put(page.url(), List.copyOf(chosen));
            for (int k = 0; k < n; k++) counts[touched[k]] = 0;
        }
        return new Related(result);
    }

    private static boolean better(int a, int b, int[] counts) {
        return counts[a] > counts[b] || (counts[a] == counts[b] && a < b);
    }

    /** Wraps a computed mapping (for other strategies). */
    public static Related of(Map<String, List<Page>> byUrl) {
        return new Related(byUrl);
    }
}

package dev.peerhub.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Related pages by shared tags only ({@link Related#byTags}): what {@link Related#from} chooses when there
 * is no content similarity (each shared tag adds {@link Related#TAG_WEIGHT}; the best {@link Related#LIMIT}
 * by score, ties by URL), counted once per set of tags, since pages with the same tags have the same
 * candidates. {@code peerhub check} and sites without a search index need them for every page; this takes
 * milliseconds where counting per page takes about a second at 10k pages. Same site, same lists:
 * {@code RelatedByTagsTest} holds it to {@code Related.from} with no similarity.
 */
public final class RelatedByTags {

    private static final int[] NONE = new int[0];

    private RelatedByTags() {}

    /** The related pages of every page of {@code site}, equal to {@code Related.from(site, Map.of(), null)}. */
    public static Related compute(Site site) {
        // every URL a page or tag group names, numbered in URL order (the tie-break of Related)
        Map<String, Page> byUrl = new HashMap<>();
        for (Page p : site.pages()) byUrl.put(p.url(), p);
        Map<String, Integer> ids = new HashMap<>();
        List<String> urls = new ArrayList<>();
        for (Page p : site.pages()) if (ids.putIfAbsent(p.url(), 0) == null) urls.add(p.url());
        for (TagGroup g : site.tags()) {
            for (Page p : g.pages()) if (ids.putIfAbsent(p.url(), 0) == null) urls.add(p.url());
        }
        urls.sort(null);
        for (int i = 0; i < urls.size(); i++) ids.put(urls.get(i), i);
        Map<String, int[]> byTag = new HashMap<>();
        for (TagGroup g : site.tags()) {
            byTag.put(g.tag().slug(), g.pages().stream().mapToInt(p -> ids.get(p.url())).toArray());
        }

        // Pages with the same tags have the same candidates: count once per set of tags, keep one more than
        // the limit, and leave each page itself out of its list.
        Map<List<String>, List<Page>> byTags = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            List<String> slugs = new ArrayList<>();
            for (var t : page.article().tags()) slugs.add(t.slug());
            slugs.sort(null);
            byTags.computeIfAbsent(slugs, k -> new ArrayList<>()).add(page);
        }
        int[] shared = new int[urls.size()];
        int[] touched = new int[urls.size()];
        int[] best = new int[Related.LIMIT + 1];
        Map<String, List<Page>> result = new HashMap<>();
        for (Map.Entry<List<String>, List<Page>> e : byTags.entrySet()) {
            int n = 0;
            for (String slug : e.getKey()) {
                for (int id : byTag.getOrDefault(slug, NONE)) {
                    if (shared[id]++ == 0) touched[n++] = id;
                }
            }
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int id = touched[k];
                // insert into best (most shared tags first, then lower URL number)
                if (kept == best.length && !before(id, best[kept - 1], shared)) continue;
                int at = kept < best.length ? kept : best.length - 1;
                while (at > 0 && before(id, best[at - 1], shared)) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = id;
                if (kept < best.length) kept++;
            }
            for (int k = 0; k < n; k++) shared[touched[k]] = 0;
            for (Page page : e.getValue()) {
                int self = ids.get(page.url());
                List<Page> top = new ArrayList<>(Related.LIMIT);
                for (int k = 0; k < kept && top.size() < Related.LIMIT; k++) {
                    if (best[k] != self) top.add(byUrl.get(urls.get(best[k])));
                }
                if (!top.isEmpty()) result.put(page.url(), Collections.unmodifiableList(top));
            }
        }
        return Related.of(result);
    }

    /** True when candidate {@code a} ranks before {@code b}: more shared tags, or as many and a lower URL. */
    private static boolean before(int a, int b, int[] shared) {
        return shared[a] > shared[b] || (shared[a] == shared[b] && a < b);
    }
}

package dev.peerhub.site;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Related by shared tags only. */
    public static Related byTags(Site site) {
        Map<String, List<Page>> result = new HashMap<>();
        for (Page page : site.pages()) {
            Set<String> mine = new HashSet<>();
            page.article().tags().forEach(t -> mine.add(t.slug()));
            if (mine.isEmpty()) continue;
            Map<Page, Integer> shared = new HashMap<>();
            for (TagGroup g : site.tags()) {
                if (!mine.contains(g.tag().slug())) continue;
                for (Page p : g.pages()) {
                    if (p != page) shared.merge(p, 1, Integer::sum);
                }
            }
            result.put(page.url(), shared.entrySet().stream()
                    .sorted(Map.Entry.<Page, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey(SiteAssembler.NEWEST_FIRST)))
                    .limit(LIMIT).map(Map.Entry::getKey).toList());
        }
        return new Related(result);
    }

    /** Wraps a computed mapping (for other strategies). */
    public static Related of(Map<String, List<Page>> byUrl) {
        return new Related(byUrl);
    }
}

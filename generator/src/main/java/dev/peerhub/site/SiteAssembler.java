package dev.peerhub.site;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.content.Article;
import dev.peerhub.content.Tag;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code all articles -> Site}: places every article, groups sections and tags, finds collisions. */
public final class SiteAssembler {

    /** Top-level output folders and files the generator writes itself. */
    public static final Set<String> RESERVED = Set.of("tags/", "search/", "assets/", "page/", "feed.xml", "sitemap.xml",
            "robots.txt", "404.html", "calendar.ics", "index.html");

    /** Newest first, then title, then path: the order of lists and feeds. */
    public static final Comparator<Page> NEWEST_FIRST = Comparator
            .comparing((Page p) -> p.article().sortDate(), Comparator.reverseOrder())
            .thenComparing(p -> p.article().title().toLowerCase(Locale.ROOT))
            .thenComparing(p -> p.article().sourcePath());

    /** Section order: weight, then newest first. */
    public static final Comparator<Page> SECTION_ORDER = Comparator
            .comparingInt((Page p) -> p.article().weight() == 0 ? Integer.MAX_VALUE : p.article().weight())
            .thenComparing(NEWEST_FIRST);

    private SiteAssembler() {}

    /**
     * @param articles    every parsed article that is to be published (drafts already left out when they should be)
     * @param staticFiles content paths of non-Markdown files under {@code content/}
     */
    public static Site assemble(SiteConfig config, List<Article> articles, List<String> staticFiles, LocalDate buildDate,
                                Diagnostics out) {
        Map<String, Page> byPath = new TreeMap<>();
        Map<String, Page> bySource = new HashMap<>();
        List<Page> pages = new ArrayList<>();
        Page home = null;
        Map<String, Page> sectionIndexes = new TreeMap<>();
        Map<String, List<Page>> sectionPages = new TreeMap<>();

        List<Article> ordered = new ArrayList<>(articles);
        ordered.sort(Comparator.comparing(Article::sourcePath));
        for (Article a : ordered) {
            String path = switch (a.kind()) {
                case HOME -> "";
                case SECTION_INDEX -> a.section() + "/";
                case ARTICLE -> (a.section().isEmpty() ? "" : a.section() + "/") + a.slug() + "/";
            };
            Page page = new Page(a, path, config.basePath() + path, config.baseUrl() + path);
            Page clash = byPath.putIfAbsent(path, page);
            if (clash != null) {
                out.error(SourcePosition.of(a.sourcePath()), "this file and " + clash.article().sourcePath()
                        + " both publish " + page.url() + " (change one file's name or its 'slug')");
                continue;
            }
            if (a.kind() == Article.Kind.ARTICLE && a.section().isEmpty() && RESERVED.contains(path)) {
                out.error(SourcePosition.of(a.sourcePath()), page.url() + " is used by the generator itself; choose another"
                        + " file name or 'slug'");
                continue;
            }
            bySource.put(a.sourcePath(), page);
            switch (a.kind()) {
                case HOME -> home = page;
                case SECTION_INDEX -> sectionIndexes.put(a.section(), page);
                case ARTICLE -> {
                    pages.add(page);
                    if (!a.section().isEmpty()) {
                        sectionPages.computeIfAbsent(a.section(), k -> new ArrayList<>()).add(page);
                    }
                }
            }
        }

        // A section exists for every folder with articles or an _index.md, and for each of its parents.
        Set<String> sectionKeys = new TreeSet<>(sectionPages.keySet());
        sectionKeys.addAll(sectionIndexes.keySet());
        for (String key : List.copyOf(sectionKeys)) {
            String k = key;
            while (k.contains("/")) {
                k = k.substring(0, k.lastIndexOf('/'));
                sectionKeys.add(k);
            }
        }
        List<Section> sections = new ArrayList<>();
        for (String key : sectionKeys) {
            Page index = sectionIndexes.get(key);
            List<Page> list = new ArrayList<>(sectionPages.getOrDefault(key, List.of()));
            list.sort(SECTION_ORDER);
            String title = index != null ? index.article().title() : words(key.substring(key.lastIndexOf('/') + 1));
            String path = key + "/";
            sections.add(new Section(key, title, index, path, config.basePath() + path, list));
            // a page whose URL is a section's pagination folder would be overwritten
            Page clash = byPath.get(path + "page/");
            if (clash != null) {
                out.error(SourcePosition.of(clash.article().sourcePath()), clash.url()
                        + " is where the section's list continues; choose another file name or 'slug'");
            }
        }

        pages.sort(NEWEST_FIRST);
        List<TagGroup> tags = tags(pages, config, out);
        checkAliases(pages, byPath, config, out);

        Map<String, String> fileUrls = new HashMap<>();
        List<StaticFile> files = new ArrayList<>();
        for (String f : new TreeSet<>(staticFiles)) {
            String outPath = f.substring("content/".length());
            if (byPath.containsKey(outPath) || outPath.equals("index.html")) {
                out.error(SourcePosition.of(f), "this file would overwrite a page at " + config.basePath() + outPath);
                continue;
            }
            files.add(new StaticFile(f, outPath));
            fileUrls.put(f, config.basePath() + outPath);
        }
        return new Site(config, pages, home, sections, tags, files, buildDate, bySource, fileUrls);
    }

    /**
     * The site with some articles replaced by new versions that keep their place: the same kind, URL,
     * section and tags (serve's rebuild after an edit). Only the lists holding a replaced page are copied.
     * Empty when a replaced article would move in a list (its title decides its place among pages of the
     * same date), or is not in the site: the caller then assembles the site again.
     */
    public static java.util.Optional<Site> replace(Site site, Map<String, Article> changed) {
        if (changed.isEmpty()) return java.util.Optional.of(site);
        Map<Page, Page> swap = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, Article> e : changed.entrySet()) {
            Page old = site.bySource().get(e.getKey());
            Article a = e.getValue();
            if (old == null || old.article().kind() != a.kind() || !old.article().section().equals(a.section())
                    || !old.article().slug().equals(a.slug()) || !old.article().tags().equals(a.tags())) {
                return java.util.Optional.empty();
            }
            swap.put(old, new Page(a, old.path(), old.url(), old.permalink()));
        }
        List<Page> pages = swapped(site.pages(), swap, NEWEST_FIRST);
        if (pages == null) return java.util.Optional.empty();
        List<Section> sections = new ArrayList<>(site.sections().size());
        for (Section s : site.sections()) {
            List<Page> list = swapped(s.pages(), swap, SECTION_ORDER);
            if (list == null) return java.util.Optional.empty();
            Page index = s.index() == null ? null : swap.getOrDefault(s.index(), s.index());
            sections.add(list == s.pages() && index == s.index() ? s : new Section(s.key(), s.title(), index, s.path(), s.url(), list));
        }
        List<TagGroup> tags = new ArrayList<>(site.tags().size());
        for (TagGroup g : site.tags()) {
            List<Page> list = swapped(g.pages(), swap, NEWEST_FIRST);
            if (list == null) return java.util.Optional.empty();
            tags.add(list == g.pages() ? g : new TagGroup(g.tag(), g.path(), g.url(), list));
        }
        Map<String, Page> bySource = new HashMap<>(site.bySource());
        for (Page p : swap.values()) bySource.put(p.article().sourcePath(), p);
        Page home = site.home() == null ? null : swap.getOrDefault(site.home(), site.home());
        return java.util.Optional.of(new Site(site.config(), pages, home, sections, tags, site.files(), site.buildDate(),
                bySource, site.fileUrls()));
    }

    /** {@code list} with the pages of {@code swap} replaced (the same list when it holds none), or null when one moves. */
    private static List<Page> swapped(List<Page> list, Map<Page, Page> swap, Comparator<Page> order) {
        List<Page> copy = null;
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < list.size() && at.size() < swap.size(); i++) {
            Page now = swap.get(list.get(i));
            if (now == null) continue;
            if (copy == null) copy = new ArrayList<>(list);
            copy.set(i, now);
            at.add(i);
        }
        if (copy == null) return list;
        for (int i : at) {
            if (i > 0 && order.compare(copy.get(i - 1), copy.get(i)) >= 0) return null;
            if (i + 1 < copy.size() && order.compare(copy.get(i), copy.get(i + 1)) >= 0) return null;
        }
        return copy;
    }

    private static List<TagGroup> tags(List<Page> pages, SiteConfig config, Diagnostics out) {
        Map<String, List<Page>> bySlug = new TreeMap<>();
        Map<String, Map<String, List<String>>> spellings = new TreeMap<>();
        for (Page p : pages) {
            for (Tag t : p.article().tags()) {
                bySlug.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(p);
                spellings.computeIfAbsent(t.slug(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(t.name(), k -> new ArrayList<>()).add(p.article().sourcePath());
            }
        }
        List<TagGroup> result = new ArrayList<>();
        for (Map.Entry<String, List<Page>> e : bySlug.entrySet()) {
            Map<String, List<String>> names = spellings.get(e.getKey());
            String name = names.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, List<String>> n) -> n.getValue().size())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            if (names.size() > 1) {
                for (Map.Entry<String, List<String>> n : names.entrySet()) {
                    if (n.getKey().equals(name)) continue;
                    for (String file : n.getValue()) {
                        out.warning(SourcePosition.of(file), "tag \"" + n.getKey() + "\" differs from \"" + name
                                + "\" only in case, spacing or punctuation; both are shown as \"" + name + "\"");
                    }
                }
            }
            List<Page> list = new ArrayList<>(e.getValue());
            list.sort(NEWEST_FIRST);
            String path = "tags/" + e.getKey() + "/";
            result.add(new TagGroup(new Tag(name, e.getKey()), path, config.basePath() + path, list));
        }
        return result;
    }

    private static void checkAliases(List<Page> pages, Map<String, Page> byPath, SiteConfig config, Diagnostics out) {
        Map<String, Page> seen = new HashMap<>();
        for (Page p : pages) {
            for (String alias : p.article().aliases()) {
                String path = alias.substring(1);
                if (byPath.containsKey(path)) {
                    out.error(SourcePosition.of(p.article().sourcePath()), "alias " + alias + " is the address of "
                            + byPath.get(path).article().sourcePath() + "; a redirect there would replace that page");
                }
                Page other = seen.putIfAbsent(path, p);
                if (other != null && other != p) {
                    out.error(SourcePosition.of(p.article().sourcePath()), "alias " + alias + " is also an alias of "
                            + other.article().sourcePath());
                }
            }
        }
    }

    /** "harm-reduction" -> "Harm reduction". */
    static String words(String key) {
        String s = key.replace('-', ' ').replace('_', ' ').strip();
        return s.isEmpty() ? key : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

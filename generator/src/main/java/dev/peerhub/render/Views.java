package dev.peerhub.render;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.markdown.TocEntry;
import java.util.List;

/**
 * The values templates receive. Every template gets {@code site} ({@link SiteView}) and {@code page}
 * ({@link PageMeta}); the rest depends on the template. Documented field by field in
 * {@code templates/README.md}. Strings are plain text (templates escape them) unless their name ends in
 * {@code Html}, which is trusted markup produced by the generator.
 */
public final class Views {

    private Views() {}

    /** The site, the same on every page. */
    public record SiteView(String title, String description, String baseUrl, String basePath, String language,
                           SiteConfig.Organisation organisation, List<MenuLink> menu, String footerHtml,
                           SiteConfig.CrisisSupport crisis, String crisisPageUrl, SiteConfig.QuickExit quickExit,
                           Assets assets, String searchUrl, String tagsUrl, String feedUrl, String safetyUrl,
                           String privacyUrl, int buildYear, boolean serveMode) {}

    /** A navigation link. */
    public record MenuLink(String name, String url, boolean external) {}

    /** Facts about the page being rendered. */
    public record PageMeta(String kind, String title, String description, String url, String canonical, String ogType,
                           String feedUrl, boolean noindex, boolean draft) {}

    /** An article shown on its own page. */
    public record ArticleView(String title, String url, String permalink, String dateIso, String date, String updatedIso,
                              String updated, int readingMinutes, List<TagLink> tags, String summary,
                              String contentNote, String type, String typeLabel, List<String> authors, boolean draft,
                              String sectionTitle, String sectionUrl, List<TocEntry> toc, String contentHtml,
                              CircleView circle, EventView event, CitationView citation, String language) {}

    /** An article in a list. */
    public record ArticleCard(String title, String url, String dateIso, String date, String summary, List<TagLink> tags,
                              int readingMinutes, String contentNote, String type, String typeLabel, boolean draft,
                              String language) {}

    /** A tag link; {@code count} is the number of pages with it. */
    public record TagLink(String name, String slug, String url, int count) {}

    /** A section on the home page or as a subsection. */
    public record SectionCard(String title, String url, String summary, int count) {}

    /**
     * Page numbers of a paginated list. {@code pages} is the window to show (see {@link #window}), not every
     * page: a section of 10,000 guides has a thousand pages, and a thousand links on each of them.
     */
    public record Pager(int number, int total, String previousUrl, String nextUrl, List<PagerLink> pages) {

        /** Pages shown on each side of the current one. */
        public static final int AROUND = 2;

        /**
         * The page numbers to link from page {@code number} of {@code total}: the first, the last, and
         * {@value #AROUND} on each side of the current page; a gap of a single page is filled with that page
         * rather than marked. {@code gapBefore} marks the links that follow left-out pages.
         */
        public static List<PagerLink> window(int number, int total, java.util.function.IntFunction<String> url) {
            java.util.TreeSet<Integer> shown = new java.util.TreeSet<>();
            shown.add(1);
            shown.add(total);
            for (int k = Math.max(1, number - AROUND); k <= Math.min(total, number + AROUND); k++) shown.add(k);
            for (int k : List.copyOf(shown)) {
                Integer next = shown.higher(k);
                if (next != null && next == k + 2) shown.add(k + 1); // "1 … 3" would hide a single page: show 2
            }
            List<PagerLink> out = new java.util.ArrayList<>(shown.size());
            int previous = 0;
            for (int k : shown) {
                out.add(new PagerLink(k, url.apply(k), k == number, k > previous + 1));
                previous = k;
            }
            return List.copyOf(out);
        }
    }

    /** One page number; {@code gapBefore}: pages between the previous link and this one are left out. */
    public record PagerLink(int number, String url, boolean current, boolean gapBefore) {}

    /** A circle's facts (on circle pages and in the directory). */
    public record CircleView(String format, String formatLabel, String timezone, String place, String weekday,
                             String weekdayLabel, String time, int durationMinutes, String frequency,
                             List<String> languages, String cost, String costLabel, String costNote, String ledBy,
                             String ledByLabel, List<String> affinity, String accessibility, String contact,
                             String contactUrl, List<String> agreements, String calendarUrl, String webcalUrl,
                             List<EventEntry> events) {}

    /** An event's facts. */
    public record EventView(String startIso, String endIso, String when, String timezone, String recurrence,
                            List<String> cancelled, String nextIso, String next, boolean upcoming, String location,
                            boolean online, String circleTitle, String circleUrl, String calendarUrl,
                            String webcalUrl) {}

    /** A research entry's citation. */
    public record CitationView(List<String> authors, int year, String title, String venue, String doi, String link,
                               String text, String doiUrl) {}

    /** A choice of a directory filter: {@code value} goes in the item's data attribute, {@code count} items have it. */
    public record FilterOption(String value, String label, int count) {}

    /** A filter of a directory page: {@code key} names the data attribute ({@code data-KEY}) it matches. */
    public record Filter(String key, String label, List<FilterOption> options) {}

    /** A circle in the directory: its card and facts; {@code languageKeys} are lower-case, space-separated. */
    public record CircleEntry(ArticleCard card, CircleView circle, String languageKeys) {}

    /** Circles meeting on one weekday ({@code key} is {@code monday}...). */
    public record CircleGroup(String key, String heading, List<CircleEntry> items) {}

    /** An event in the events list. */
    public record EventEntry(ArticleCard card, EventView event) {}

    /** Library entries of one resource type ({@code key} is the type, e.g. {@code research}). */
    public record LibraryGroup(String key, String heading, List<ArticleCard> items) {}
}

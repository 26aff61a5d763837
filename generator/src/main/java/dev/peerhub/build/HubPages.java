package dev.peerhub.build;

import dev.peerhub.calendar.CalendarEntry;
import dev.peerhub.calendar.CalendarWriter;
import dev.peerhub.content.Article;
import dev.peerhub.content.Circle;
import dev.peerhub.content.Event;
import dev.peerhub.content.ResourceType;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.output.OutputFile;
import dev.peerhub.output.OutputSink;
import dev.peerhub.render.Models;
import dev.peerhub.render.Occurrences;
import dev.peerhub.render.TemplateEngine;
import dev.peerhub.render.ViewFactory;
import dev.peerhub.render.Views;
import dev.peerhub.site.Page;
import dev.peerhub.site.Section;
import dev.peerhub.site.Site;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hub's own pages beyond articles and lists: the circles directory, events with their calendar
 * feeds, the resource library. Called once after the article pages are written.
 *
 * <p>The directory pages replace the plain section lists of {@code circles/}, {@code events/} and
 * {@code library/} when the theme has {@code circles.ftlh}, {@code events.ftlh} and {@code library.ftlh};
 * a theme without them keeps the plain lists. Calendar feeds are written whatever the theme.
 */
final class HubPages {

    /** Section key and template of each directory page. */
    static final Map<String, String> DIRECTORIES = Map.of("circles", "circles.ftlh", "events", "events.ftlh",
            "library", "library.ftlh");

    /** What the hook wrote: page URLs (for the link checker and the sitemap) and the count of files. */
    record Written(List<String> pageUrls, int files) {}

    private HubPages() {}

    /** The section keys whose list page this class writes for a theme folder. */
    static Set<String> sections(Path templatesDir) {
        Set<String> keys = new TreeSet<>();
        DIRECTORIES.forEach((key, template) -> {
            if (Files.isRegularFile(templatesDir.resolve(template))) keys.add(key);
        });
        return keys;
    }

    /**
     * Writes the hub pages and calendar feeds.
     *
     * @param sections  section keys to write directory pages for (from {@link #sections(Path)})
     * @param introHtml rendered introductions by source path ({@code content/circles/_index.md})
     */
    static Written write(Site site, ViewFactory views, TemplateEngine engine, OutputSink sink, Diagnostics out,
                         Set<String> sections, Function<String, String> introHtml) {
        List<String> urls = new ArrayList<>();
        int[] files = {0};
        String host = host(site.config().baseUrl());
        Map<String, List<Page>> eventsByCircle = new TreeMap<>();
        List<Page> events = site.pages().stream().filter(p -> p.article().details() instanceof Event).toList();
        List<CalendarEntry> all = new ArrayList<>();
        for (Page p : events) {
            CalendarEntry entry = entry(p, host);
            all.add(entry);
            sink.write(new OutputFile(p.path() + "event.ics", CalendarWriter.write(p.article().title(), List.of(entry))));
            files[0]++;
            Event e = (Event) p.article().details();
            if (!e.circle().isEmpty()) {
                eventsByCircle.computeIfAbsent(e.circle(), k -> new ArrayList<>()).add(p);
                if (site.page("content/circles/" + e.circle() + ".md").isEmpty()) {
                    out.warning(dev.peerhub.diagnostic.SourcePosition.of(p.article().sourcePath()), "'circle: " + e.circle()
                            + "' names no circle: there is no content/circles/" + e.circle() + ".md, so the event is in"
                            + " no circle's calendar");
                }
            }
        }
        sink.write(new OutputFile("calendar.ics", CalendarWriter.write(site.config().title(), all)));
        files[0]++;
        for (Page p : site.pages()) {
            if (!(p.article().details() instanceof Circle)) continue;
            List<CalendarEntry> mine = eventsByCircle.getOrDefault(p.article().name(), List.of()).stream()
                    .map(e -> entry(e, host)).toList();
            sink.write(new OutputFile(p.path() + "calendar.ics", CalendarWriter.write(p.article().title() + " \u00b7 "
                    + site.config().title(), mine)));
            files[0]++;
        }

        for (String key : sections) {
            Optional<Section> section = site.section(key);
            if (section.isEmpty() && !key.equals("library")) continue;
            String title = section.map(Section::title).orElse("Library");
            String summary = section.map(Section::summary).orElse("");
            String intro = section.map(Section::index).map(i -> introHtml.apply(i.article().sourcePath())).orElse("");
            String path = section.map(Section::path).orElse(key + "/");
            String url = site.config().basePath() + path;
            Views.PageMeta meta = views.meta("section", title, summary, url, "website", null, false);
            Object model = switch (key) {
                case "circles" -> circles(site, views, meta, title, intro);
                case "events" -> events(site, views, meta, title, intro);
                default -> library(site, views, meta, title, intro);
            };
            Optional<byte[]> html = engine.render(DIRECTORIES.get(key), model, out);
            if (html.isPresent()) {
                sink.write(new OutputFile(path + "index.html", html.get()));
                files[0]++;
                urls.add(url);
            }
        }
        return new Written(urls, files[0]);
    }

    /** The next {@code limit} upcoming events, soonest first (for the home page). */
    static List<Views.EventEntry> upcoming(Site site, ViewFactory views, int limit) {
        Map<Page, LocalDateTime> next = new java.util.HashMap<>();
        for (Page p : site.pages()) {
            if (p.article().details() instanceof Event e) Occurrences.next(e, site.buildDate()).ifPresent(n -> next.put(p, n));
        }
        return next.entrySet().stream()
                .sorted(Map.Entry.<Page, LocalDateTime>comparingByValue().thenComparing(x -> x.getKey().url()))
                .limit(limit).map(x -> new Views.EventEntry(views.card(x.getKey()), views.details().event(x.getKey()))).toList();
    }

    private static CalendarEntry entry(Page p, String host) {
        Article a = p.article();
        Event e = (Event) a.details();
        StringBuilder description = new StringBuilder(a.summary());
        if (e.recurrence() != null && !e.recurrence().except().isEmpty()) {
            description.append("\n\nCancelled: ").append(e.recurrence().except().stream().sorted()
                    .map(ViewFactory::display).collect(Collectors.joining(", "))).append('.');
        }
        description.append("\n\nCheck for changes: ").append(p.permalink());
        return new CalendarEntry(CalendarWriter.uid(a.sourcePath(), host), CalendarWriter.stamp(a.updated(), a.date()), e,
                a.title(), description.toString().strip(), p.permalink());
    }

    static String host(String baseUrl) {
        try {
            String h = URI.create(baseUrl).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Models.CirclesModel circles(Site site, ViewFactory views, Views.PageMeta meta, String title,
                                               String intro) {
        List<Views.CircleEntry> entries = new ArrayList<>();
        for (Page p : site.pages()) {
            if (!(p.article().details() instanceof Circle c)) continue;
            Views.CircleView cv = views.details().circle(p);
            String langs = c.languages().stream().map(HubPages::key).collect(Collectors.joining(" "));
            entries.add(new Views.CircleEntry(views.card(p), cv, langs));
        }
        entries.sort(Comparator.comparing((Views.CircleEntry e) -> e.circle().time()).thenComparing(e -> e.card().title())
                .thenComparing(e -> e.card().url()));
        Map<DayOfWeek, List<Views.CircleEntry>> byDay = new EnumMap<>(DayOfWeek.class);
        for (Views.CircleEntry e : entries) {
            byDay.computeIfAbsent(DayOfWeek.valueOf(e.circle().weekday().toUpperCase(Locale.ROOT)), d -> new ArrayList<>())
                    .add(e);
        }
        List<Views.CircleGroup> groups = byDay.entrySet().stream().map(d -> new Views.CircleGroup(
                d.getKey().name().toLowerCase(Locale.ROOT), d.getKey().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                d.getValue())).toList();

        List<Views.Filter> filters = List.of(
                filter("format", "Format", entries, e -> List.of(e.circle().format()), e -> e.circle().formatLabel()),
                filter("language", "Language", entries, e -> List.of(e.languageKeys().split(" ")),
                        e -> String.join(" ", e.circle().languages())),
                filter("cost", "Cost", entries, e -> List.of(e.circle().cost()), e -> e.circle().costLabel()),
                filter("weekday", "Day", entries, e -> List.of(e.circle().weekday()), e -> e.circle().weekdayLabel()));
        String cal = site.config().basePath() + "calendar.ics";
        return new Models.CirclesModel(views.site(), meta, title, intro, entries.size(), filters, groups, cal,
                webcal(site.config().baseUrl() + "calendar.ics"));
    }

    /**
     * A filter whose options are the values the items have, each with its count: days in week order, the
     * rest by label. A language's label is the language as the circle writes it.
     */
    private static Views.Filter filter(String key, String label, List<Views.CircleEntry> entries,
                                       Function<Views.CircleEntry, List<String>> values,
                                       Function<Views.CircleEntry, String> labels) {
        Map<String, String> labelOf = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Views.CircleEntry e : entries) {
            List<String> vs = values.apply(e);
            for (int i = 0; i < vs.size(); i++) {
                String v = vs.get(i);
                count.merge(v, 1, Integer::sum);
                if (key.equals("language")) labelOf.putIfAbsent(v, e.circle().languages().get(i));
                else labelOf.putIfAbsent(v, labels.apply(e));
            }
        }
        List<String> order = new ArrayList<>(labelOf.keySet());
        if (key.equals("weekday")) {
            order.sort(Comparator.comparing(v -> DayOfWeek.valueOf(v.toUpperCase(Locale.ROOT))));
        } else {
            order.sort(Comparator.comparing(labelOf::get));
        }
        return new Views.Filter(key, label, order.stream().map(v -> new Views.FilterOption(v, labelOf.get(v),
                count.get(v))).toList());
    }

    private static Models.EventsModel events(Site site, ViewFactory views, Views.PageMeta meta, String title,
                                             String intro) {
        List<Views.EventEntry> upcoming = new ArrayList<>();
        List<Views.EventEntry> past = new ArrayList<>();
        Map<Views.EventEntry, LocalDateTime> sortKey = new java.util.HashMap<>();
        for (Page p : site.pages()) {
            if (!(p.article().details() instanceof Event e)) continue;
            Views.EventEntry entry = new Views.EventEntry(views.card(p), views.details().event(p));
            Optional<LocalDateTime> next = Occurrences.next(e, site.buildDate());
            if (next.isPresent()) {
                upcoming.add(entry);
                sortKey.put(entry, next.get());
            } else {
                past.add(entry);
                sortKey.put(entry, e.start());
            }
        }
        upcoming.sort(Comparator.comparing((Views.EventEntry x) -> sortKey.get(x)).thenComparing(x -> x.card().url()));
        past.sort(Comparator.comparing((Views.EventEntry x) -> sortKey.get(x)).reversed()
                .thenComparing(x -> x.card().url()));
        String cal = site.config().basePath() + "calendar.ics";
        return new Models.EventsModel(views.site(), meta, title, intro, ViewFactory.display(site.buildDate()), upcoming,
                past, cal, webcal(site.config().baseUrl() + "calendar.ics"));
    }

    /**
     * The library: every article of the whole site with a resource type (guides in any section count),
     * except circles and events, which have their own directories.
     */
    private static Models.LibraryModel library(Site site, ViewFactory views, Views.PageMeta meta, String title,
                                               String intro) {
        Map<ResourceType, List<Views.ArticleCard>> byType = new EnumMap<>(ResourceType.class);
        int total = 0;
        for (Page p : site.pages()) {
            Article a = p.article();
            if (a.type() == ResourceType.PAGE || a.details() instanceof Circle || a.details() instanceof Event) continue;
            if (a.section().equals("circles") || a.section().equals("events")) continue;
            byType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(views.card(p));
            total++;
        }
        List<Views.LibraryGroup> groups = new ArrayList<>();
        List<Views.FilterOption> options = new ArrayList<>();
        for (Map.Entry<ResourceType, List<Views.ArticleCard>> g : byType.entrySet()) {
            List<Views.ArticleCard> items = new ArrayList<>(g.getValue());
            items.sort(Comparator.comparing(Views.ArticleCard::title).thenComparing(Views.ArticleCard::url));
            groups.add(new Views.LibraryGroup(g.getKey().key(), g.getKey().plural(), items));
            options.add(new Views.FilterOption(g.getKey().key(), g.getKey().plural(), items.size()));
        }
        return new Models.LibraryModel(views.site(), meta, title, intro, total,
                List.of(new Views.Filter("type", "Type", options)), groups);
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).strip().replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    static String webcal(String permalink) {
        if (permalink.startsWith("https://")) return "webcal://" + permalink.substring("https://".length());
        if (permalink.startsWith("http://")) return "webcal://" + permalink.substring("http://".length());
        return "";
    }
}

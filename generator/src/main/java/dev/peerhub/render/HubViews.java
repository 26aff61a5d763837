package dev.peerhub.render;

import dev.peerhub.content.Article;
import dev.peerhub.content.Circle;
import dev.peerhub.content.Citation;
import dev.peerhub.content.Event;
import dev.peerhub.render.Views.CircleView;
import dev.peerhub.render.Views.CitationView;
import dev.peerhub.render.Views.EventView;
import dev.peerhub.site.Page;
import dev.peerhub.site.Site;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Views of the hub's structured content: circles, events and citations. */
public final class HubViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Site site;
    private final ViewFactory views;

    private final java.util.Set<String> circlesWithEvents;

    HubViews(Site site, ViewFactory views) {
        this.site = site;
        this.views = views;
        this.circlesWithEvents = site.pages().stream()
                .map(p -> p.article().details() instanceof Event e ? e.circle() : "")
                .filter(c -> !c.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public CircleView circle(Page p) {
        if (!(p.article().details() instanceof Circle c)) return null;
        boolean hasEvents = circlesWithEvents.contains(p.article().name());
        String cal = hasEvents ? p.url() + "calendar.ics" : "";
        return new CircleView(c.format().key(), c.format().label(), c.timezone().getId(), c.place(),
                c.schedule().weekday().name().toLowerCase(Locale.ROOT),
                c.schedule().weekday().getDisplayName(TextStyle.FULL, Locale.ENGLISH), TIME.format(c.schedule().time()),
                c.schedule().durationMinutes(), c.schedule().frequency(), c.languages(), c.cost().key(), c.cost().label(),
                c.costNote(), c.ledBy().key(), c.ledBy().label(), c.affinity(), c.accessibility(), c.contact(),
                contactUrl(c.contact()), c.agreements(), cal, hasEvents ? webcal(p.permalink() + "calendar.ics") : "",
                hasEvents ? eventsOf(p) : List.of());
    }

    /** The events naming this circle: upcoming first (soonest next meeting), then past. */
    private List<Views.EventEntry> eventsOf(Page circle) {
        String name = circle.article().name();
        return site.pages().stream()
                .filter(e -> e.article().details() instanceof Event ev && ev.circle().equals(name))
                .map(e -> new Views.EventEntry(views.card(e), event(e)))
                .sorted(java.util.Comparator.comparing((Views.EventEntry x) -> !x.event().upcoming())
                        .thenComparing(x -> x.event().upcoming() ? x.event().nextIso() : x.event().startIso())
                        .thenComparing(x -> x.card().url()))
                .toList();
    }

    public EventView event(Page p) {
        if (!(p.article().details() instanceof Event e)) return null;
        Optional<LocalDateTime> next = Occurrences.next(e, site.buildDate());
        boolean upcoming = next.isPresent();
        Optional<Page> circle = e.circle().isEmpty() ? Optional.empty() : site.page("content/circles/" + e.circle() + ".md");
        String cal = p.url() + "event.ics";
        return new EventView(e.start().toString(), e.end().toString(), WHEN.format(e.start()) + "\u2013"
                + (e.end().toLocalDate().equals(e.start().toLocalDate()) ? TIME.format(e.end()) : WHEN.format(e.end())),
                e.timezone().getId(), Occurrences.describe(e),
                e.recurrence() == null ? List.of() : e.recurrence().except().stream().map(ViewFactory::display).toList(),
                next.map(LocalDateTime::toString).orElse(""), next.map(WHEN::format).orElse(""), upcoming, e.location(),
                e.online(), circle.map(c -> c.article().title()).orElse(""), circle.map(Page::url).orElse(""), cal,
                webcal(p.permalink() + "event.ics"));
    }

    public CitationView citation(Article a) {
        if (!(a.details() instanceof Citation c)) return null;
        StringBuilder text = new StringBuilder();
        List<String> names = c.authors();
        if (names.size() == 1) text.append(names.getFirst()).append(' ');
        else if (names.size() > 1) text.append(String.join(", ", names.subList(0, names.size() - 1))).append(", & ")
                .append(names.getLast()).append(' ');
        if (c.year() > 0) text.append('(').append(c.year()).append("). ");
        text.append(c.title());
        if (!c.title().endsWith(".")) text.append('.');
        if (!c.venue().isEmpty()) text.append(' ').append(c.venue()).append('.');
        String doiUrl = c.doi().isEmpty() ? "" : "https://doi.org/" + c.doi();
        return new CitationView(c.authors(), c.year(), c.title(), c.venue(), c.doi(), c.link(), text.toString().strip(),
                doiUrl);
    }

    static String contactUrl(String contact) {
        if (contact.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) return "mailto:" + contact;
        if (contact.startsWith("https://") || contact.startsWith("http://")) return contact;
        return "";
    }

    /** {@code webcal:} form of an absolute http(s) URL; empty when the site has no absolute base URL. */
    static String webcal(String permalink) {
        if (permalink.startsWith("https://")) return "webcal://" + permalink.substring("https://".length());
        if (permalink.startsWith("http://")) return "webcal://" + permalink.substring("http://".length());
        return "";
    }

}

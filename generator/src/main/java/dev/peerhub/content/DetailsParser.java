package dev.peerhub.content;

import dev.peerhub.diagnostic.DidYouMean;
import dev.peerhub.yaml.YamlMap;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the structured front matter of circles ({@code content/circles/}), events
 * ({@code content/events/}) and research citations (anywhere), with a clear error for each wrong value.
 */
public final class DetailsParser {

    public static final String CIRCLE = "circle";
    public static final String EVENT = "event";
    public static final String GENERAL = "general";

    static final Set<String> CIRCLE_KEYS = Set.of("format", "timezone", "place", "schedule", "languages", "cost",
            "cost_note", "led_by", "affinity", "accessibility", "contact", "agreements");
    static final Set<String> EVENT_KEYS = Set.of("start", "end", "duration", "timezone", "recurrence", "location",
            "online", "circle");
    static final Set<String> GENERAL_KEYS = Set.of("citation");

    private DetailsParser() {}

    /** Which schema a section's files follow. */
    public static String schemaOf(String section) {
        return switch (section) {
            case "circles" -> CIRCLE;
            case "events" -> EVENT;
            default -> GENERAL;
        };
    }

    public static Set<String> keysOf(String schema) {
        return switch (schema) {
            case CIRCLE -> CIRCLE_KEYS;
            case EVENT -> EVENT_KEYS;
            default -> GENERAL_KEYS;
        };
    }

    /** The details of a file; {@link Details#NONE} for section introductions and ordinary guides. */
    public static Details parse(String schema, YamlMap y, boolean isArticle) {
        if (!isArticle) {
            return Details.NONE;
        }
        return switch (schema) {
            case CIRCLE -> circle(y);
            case EVENT -> event(y);
            default -> y.has("citation") ? y.map("citation").<Details>map(DetailsParser::citation).orElse(Details.NONE) : Details.NONE;
        };
    }

    private static Details circle(YamlMap y) {
        y.requireKey("format", "format: online");
        y.requireKey("timezone", "timezone: Europe/London");
        y.requireKey("schedule", "schedule: { weekday: tuesday, time: \"19:00\", duration: 90, frequency: weekly }");
        y.requireKey("cost", "cost: free");
        y.requireKey("led_by", "led_by: peer");
        Circle.Format format = choice(y, "format", Circle.Format.values(), Circle.Format::key).orElse(Circle.Format.ONLINE);
        ZoneId zone = zone(y, "timezone").orElse(ZoneId.of("UTC"));
        Circle.Schedule schedule = y.map("schedule").map(DetailsParser::schedule)
                .orElse(new Circle.Schedule(DayOfWeek.MONDAY, LocalTime.NOON, 60, "weekly"));
        List<String> languages = y.stringList("languages");
        if (languages.isEmpty() && y.has("languages")) {
            y.diagnostics().error(y.valuePositionOf("languages"), "'languages' must name at least one language");
        }
        Circle.Cost cost = choice(y, "cost", Circle.Cost.values(), Circle.Cost::key).orElse(Circle.Cost.FREE);
        Circle.LedBy ledBy = choice(y, "led_by", Circle.LedBy.values(), Circle.LedBy::key).orElse(Circle.LedBy.PEER);
        if (format != Circle.Format.ONLINE && !y.has("place")) {
            y.diagnostics().error(y.position(), "an " + format.key() + " circle needs 'place' (where it meets)");
        }
        return new Circle(format, zone, y.string("place").orElse(""), schedule,
                languages.isEmpty() ? List.of("English") : languages, cost, y.string("cost_note").orElse(""), ledBy,
                y.stringList("affinity"), y.string("accessibility").orElse(""), y.lenientString("contact").orElse(""),
                y.stringList("agreements"));
    }

    private static Circle.Schedule schedule(YamlMap s) {
        s.warnUnknownKeys(Set.of("weekday", "time", "duration", "frequency"), " in schedule");
        s.requireKey("weekday", "weekday: tuesday");
        s.requireKey("time", "time: \"19:00\"");
        DayOfWeek day = s.string("weekday").flatMap(w -> {
            try {
                return Optional.of(DayOfWeek.valueOf(w.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                List<String> days = Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
                s.diagnostics().error(s.valuePositionOf("weekday"), "'weekday' must be a day like tuesday, got \"" + w + "\""
                        + DidYouMean.hint(w.toLowerCase(Locale.ROOT), days));
                return Optional.empty();
            }
        }).orElse(DayOfWeek.MONDAY);
        LocalTime time = s.lenientString("time").flatMap(t -> parseTime(t.strip()).or(() -> {
            s.diagnostics().error(s.valuePositionOf("time"), "'time' must be a 24-hour time like \"19:00\", got \"" + t + "\"");
            return Optional.empty();
        })).orElse(LocalTime.NOON);
        int duration = s.integer("duration", 5, 24 * 60).orElse(90);
        String frequency = s.string("frequency").map(f -> f.strip().toLowerCase(Locale.ROOT)).orElse("weekly");
        List<String> frequencies = List.of("weekly", "fortnightly", "monthly");
        if (!frequencies.contains(frequency)) {
            s.diagnostics().error(s.valuePositionOf("frequency"), "'frequency' must be weekly, fortnightly or monthly, got \""
                    + frequency + "\"" + DidYouMean.hint(frequency, frequencies));
        }
        return new Circle.Schedule(day, time, duration, frequency);
    }

    static Optional<LocalTime> parseTime(String t) {
        if (!t.matches("\\d{1,2}:\\d{2}")) return Optional.empty();
        String[] p = t.split(":");
        int h = Integer.parseInt(p[0]), m = Integer.parseInt(p[1]);
        if (h > 23 || m > 59) return Optional.empty();
        return Optional.of(LocalTime.of(h, m));
    }

    private static Details event(YamlMap y) {
        y.requireKey("start", "start: 2026-12-01T19:00");
        y.requireKey("timezone", "timezone: Europe/London");
        Optional<LocalDateTime> start = y.localDateTime("start");
        ZoneId zone = zone(y, "timezone").orElse(ZoneId.of("UTC"));
        LocalDateTime end;
        if (y.has("end") && y.has("duration")) {
            y.diagnostics().error(y.positionOf("duration"), "give either 'end' or 'duration', not both");
        }
        if (y.has("end")) {
            end = y.localDateTime("end").orElse(null);
        } else if (y.has("duration")) {
            int minutes = y.integer("duration", 1, 14 * 24 * 60).orElse(60);
            end = start.map(s -> s.plusMinutes(minutes)).orElse(null);
        } else {
            y.diagnostics().error(y.position(), "an event needs 'end' (like 2026-12-01T20:30) or 'duration' (minutes)");
            end = null;
        }
        if (start.isPresent() && end != null && !end.isAfter(start.get())) {
            y.diagnostics().error(y.valuePositionOf("end"), "'end' (" + end + ") must be after 'start' (" + start.get() + ")");
        }
        Event.Recurrence recurrence = y.map("recurrence").map(r -> recurrence(r, start.orElse(null))).orElse(null);
        String location = y.string("location").orElse("");
        boolean online = y.bool("online").orElse(false);
        if (location.isEmpty() && !online) {
            y.diagnostics().error(y.position(), "an event needs 'location' (a venue) or 'online: true'");
        }
        if (start.isEmpty() || end == null) {
            return Details.NONE;
        }
        return new Event(start.get(), end, zone, recurrence, location.isEmpty() ? "Online" : location, online,
                y.string("circle").orElse(""));
    }

    private static Event.Recurrence recurrence(YamlMap r, LocalDateTime start) {
        r.warnUnknownKeys(Set.of("frequency", "interval", "until", "count", "except"), " in recurrence");
        r.requireKey("frequency", "frequency: weekly");
        Event.Frequency freq = r.string("frequency").flatMap(f -> {
            List<String> keys = List.of("daily", "weekly", "monthly");
            String k = f.strip().toLowerCase(Locale.ROOT);
            if (!keys.contains(k)) {
                r.diagnostics().error(r.valuePositionOf("frequency"), "'frequency' must be daily, weekly or monthly, got \""
                        + f + "\"" + DidYouMean.hint(k, keys));
                return Optional.empty();
            }
            return Optional.of(Event.Frequency.valueOf(k.toUpperCase(Locale.ROOT)));
        }).orElse(Event.Frequency.WEEKLY);
        int interval = r.integer("interval", 1, 52).orElse(1);
        LocalDate until = r.date("until").orElse(null);
        int count = r.integer("count", 1, 1000).orElse(0);
        if (until != null && count > 0) {
            r.diagnostics().error(r.positionOf("count"), "give either 'until' or 'count', not both");
        }
        if (until != null && start != null && until.isBefore(start.toLocalDate())) {
            r.diagnostics().error(r.valuePositionOf("until"), "'until' (" + until + ") is before the event starts ("
                    + start.toLocalDate() + ")");
        }
        List<LocalDate> except = new ArrayList<>();
        for (String raw : r.stringList("except")) {
            try {
                except.add(LocalDate.parse(raw.strip()));
            } catch (DateTimeException e) {
                r.diagnostics().error(r.valuePositionOf("except"), "each of 'except' must be a date like 2026-12-29, got \""
                        + raw + "\"");
            }
        }
        if (start != null) {
            for (LocalDate d : except) {
                if (!meetsOn(start.toLocalDate(), freq, interval, until, count, d)) {
                    r.diagnostics().error(r.valuePositionOf("except"), "'except' " + d + " is not a date this event meets on"
                            + " (it starts " + start.toLocalDate() + ", " + freq.name().toLowerCase(Locale.ROOT)
                            + (interval > 1 ? ", every " + interval : "") + "); a cancellation must name a meeting day");
                }
            }
        }
        return new Event.Recurrence(freq, interval, until, count, except);
    }

    /** Whether the recurrence has an occurrence on {@code day} (before cancellations). */
    static boolean meetsOn(LocalDate first, Event.Frequency freq, int interval, LocalDate until, int count, LocalDate day) {
        if (day.isBefore(first) || (until != null && day.isAfter(until))) return false;
        for (int i = 0; count == 0 || i < count; i++) {
            long step = (long) i * interval;
            LocalDate d = switch (freq) {
                case DAILY -> first.plusDays(step);
                case WEEKLY -> first.plusWeeks(step);
                case MONTHLY -> first.plusMonths(step);
            };
            if (d.equals(day)) return true;
            if (d.isAfter(day)) return false;
        }
        return false;
    }

    private static Citation citation(YamlMap c) {
        c.warnUnknownKeys(Set.of("authors", "year", "title", "venue", "doi", "url"), " in citation");
        c.requireKey("title", "title: \"Exact title of the paper\"");
        int year = c.integer("year", 1500, 2100).orElse(0);
        String doi = c.lenientString("doi").map(String::strip).orElse("");
        if (!doi.isEmpty() && !doi.matches("10\\.\\d{4,9}/\\S+")) {
            c.diagnostics().error(c.valuePositionOf("doi"), "'doi' must look like 10.1000/xyz123, got \"" + doi + "\"");
        }
        String url = c.string("url").orElse("");
        if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
            c.diagnostics().error(c.valuePositionOf("url"), "'url' must start with https://, got \"" + url + "\"");
        }
        return new Citation(c.stringList("authors"), year, c.string("title").orElse(""), c.string("venue").orElse(""), doi, url);
    }

    private static Optional<ZoneId> zone(YamlMap y, String key) {
        return y.string(key).flatMap(z -> {
            try {
                return Optional.of(ZoneId.of(z.strip()));
            } catch (DateTimeException e) {
                y.diagnostics().error(y.valuePositionOf(key), "'" + key + "' must be a time zone name like Europe/London or"
                        + " America/New_York, got \"" + z + "\"" + DidYouMean.hint(z, ZoneId.getAvailableZoneIds()));
                return Optional.empty();
            }
        });
    }

    private static <E> Optional<E> choice(YamlMap y, String key, E[] values, Function<E, String> keyOf) {
        return y.string(key).flatMap(v -> {
            String k = v.strip().toLowerCase(Locale.ROOT);
            for (E e : values) {
                if (keyOf.apply(e).equals(k)) return Optional.of(e);
            }
            List<String> keys = Arrays.stream(values).map(keyOf).toList();
            y.diagnostics().error(y.valuePositionOf(key), "'" + key + "' must be one of " + String.join(", ", keys)
                    + ", got \"" + v + "\"" + DidYouMean.hint(k, keys));
            return Optional.empty();
        });
    }
}

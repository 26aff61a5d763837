package dev.peerhub.calendar;

import dev.peerhub.content.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an iCalendar object (RFC 5545) with one VEVENT per entry and one VTIMEZONE per zone used.
 * Output is a pure function of its input: the same entries give the same bytes.
 */
public final class CalendarWriter {

    /** The product identifier of every feed. */
    public static final String PRODID = "-//peerhub//peerhub static site generator//EN";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** How far an open-ended recurrence's time zone data reaches after the last explicit date. */
    private static final int OPEN_ENDED_YEARS = 2;

    private CalendarWriter() {}

    /**
     * The feed's bytes (UTF-8, CRLF).
     *
     * @param name shown as the calendar's name by apps that read {@code X-WR-CALNAME}
     */
    public static byte[] write(String name, List<CalendarEntry> entries) {
        List<CalendarEntry> sorted = entries.stream()
                .sorted(Comparator.comparing((CalendarEntry e) -> e.event().start()).thenComparing(CalendarEntry::uid))
                .toList();
        StringBuilder out = new StringBuilder(4096);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + ContentLines.escape(name));
        Map<String, LocalDate[]> spans = new TreeMap<>();
        for (CalendarEntry e : sorted) {
            Event ev = e.event();
            LocalDate first = ev.start().toLocalDate();
            LocalDate last = lastDate(ev);
            spans.merge(ev.timezone().getId(), new LocalDate[] {first, last}, (a, b) -> new LocalDate[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        for (Map.Entry<String, LocalDate[]> z : spans.entrySet()) {
            for (String l : TimeZones.vtimezone(ZoneId.of(z.getKey()), z.getValue()[0], z.getValue()[1])) line(out, l);
        }
        for (CalendarEntry e : sorted) vevent(out, e);
        line(out, "END:VCALENDAR");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void vevent(StringBuilder out, CalendarEntry e) {
        Event ev = e.event();
        String tz = ev.timezone().getId();
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + e.uid());
        line(out, "DTSTAMP:" + UTC.format(e.stamp()));
        line(out, "DTSTART;TZID=" + tz + ":" + TimeZones.LOCAL.format(ev.start()));
        line(out, "DTEND;TZID=" + tz + ":" + TimeZones.LOCAL.format(ev.end()));
        Event.Recurrence r = ev.recurrence();
        if (r != null) {
            StringBuilder rule = new StringBuilder("RRULE:FREQ=").append(r.frequency().name());
            if (r.interval() > 1) rule.append(";INTERVAL=").append(r.interval());
            if (r.until() != null) {
                // UNTIL must be UTC when DTSTART has a TZID (RFC 5545 3.3.10): the last possible start.
                Instant until = r.until().atTime(ev.start().toLocalTime()).atZone(ev.timezone()).toInstant();
                rule.append(";UNTIL=").append(UTC.format(until));
            } else if (r.count() > 0) {
                rule.append(";COUNT=").append(r.count());
            }
            line(out, rule.toString());
            for (LocalDate d : r.except().stream().sorted().toList()) {
                line(out, "EXDATE;TZID=" + tz + ":" + TimeZones.LOCAL.format(d.atTime(ev.start().toLocalTime())));
            }
        }
        line(out, "SUMMARY:" + ContentLines.escape(e.summary()));
        if (!e.description().isEmpty()) line(out, "DESCRIPTION:" + ContentLines.escape(e.description()));
        if (!ev.location().isEmpty()) line(out, "LOCATION:" + ContentLines.escape(ev.location()));
        if (!e.url().isEmpty()) line(out, "URL:" + e.url());
        line(out, "STATUS:CONFIRMED");
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
    }

    /** The last day the event (or its recurrence) can reach. */
    static LocalDate lastDate(Event ev) {
        Event.Recurrence r = ev.recurrence();
        if (r == null) return ev.end().toLocalDate();
        if (r.until() != null) return r.until().plusDays(1);
        if (r.count() > 0) {
            LocalDateTime lastStart = dev.peerhub.render.Occurrences.nth(ev, r.count() - 1);
            return lastStart.toLocalDate().plusDays(1);
        }
        return ev.start().toLocalDate().plusYears(OPEN_ENDED_YEARS);
    }

    /** A stable UID: the source path without {@code content/} and {@code .md}, at the site's host. */
    public static String uid(String sourcePath, String host) {
        String p = sourcePath.startsWith("content/") ? sourcePath.substring("content/".length()) : sourcePath;
        if (p.endsWith(".md")) p = p.substring(0, p.length() - 3);
        return p.replace('/', '.') + "@" + (host.isEmpty() ? "peerhub.invalid" : host);
    }

    /** DTSTAMP of a file: midnight UTC of its updated date, else its date, else the epoch. */
    public static Instant stamp(LocalDate updated, LocalDate date) {
        LocalDate d = updated != null ? updated : date;
        return d == null ? Instant.EPOCH : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    private static void line(StringBuilder out, String contentLine) {
        out.append(ContentLines.fold(contentLine));
    }

    /** For tests and callers that want the lines. */
    static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n")) {
            if (l.startsWith(" ") && !lines.isEmpty()) lines.set(lines.size() - 1, lines.getLast() + l.substring(1));
            else lines.add(l);
        }
        return lines;
    }
}

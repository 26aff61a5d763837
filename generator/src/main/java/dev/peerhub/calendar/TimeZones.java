package dev.peerhub.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * VTIMEZONE components built from java.time's zone rules: one STANDARD or DAYLIGHT observance per
 * transition in the span, so a calendar resolves every local time in the span exactly as the JDK does.
 */
final class TimeZones {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private TimeZones() {}

    /** The content lines (unfolded) of a VTIMEZONE for {@code zone} covering {@code from} to {@code to}. */
    static List<String> vtimezone(ZoneId zone, LocalDate from, LocalDate to) {
        ZoneRules rules = zone.getRules();
        Instant start = from.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition t = rules.nextTransition(start);
        while (t != null && t.getInstant().isBefore(end)) {
            transitions.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        // The offset in force at the start of the span, so times before the first transition resolve too.
        ZoneOffset initial = rules.getOffset(start);
        LocalDateTime initialLocal = LocalDateTime.ofInstant(start, initial);
        observance(lines, rules.isDaylightSavings(start), initialLocal, initial, initial, zone, start);
        for (ZoneOffsetTransition tr : transitions) {
            observance(lines, rules.isDaylightSavings(tr.getInstant()), tr.getDateTimeBefore(), tr.getOffsetBefore(),
                    tr.getOffsetAfter(), zone, tr.getInstant());
        }
        lines.add("END:VTIMEZONE");
        return lines;
    }

    private static void observance(List<String> lines, boolean daylight, LocalDateTime onset, ZoneOffset from,
                                   ZoneOffset to, ZoneId zone, Instant at) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        lines.add("BEGIN:" + kind);
        lines.add("DTSTART:" + LOCAL.format(onset));
        lines.add("TZOFFSETFROM:" + offset(from));
        lines.add("TZOFFSETTO:" + offset(to));
        String name = java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.ENGLISH)
                .format(at.atZone(zone));
        if (!name.isBlank()) lines.add("TZNAME:" + ContentLines.escape(name));
        lines.add("END:" + kind);
    }

    /** {@code +0100}, {@code -0500}, {@code +053000} when seconds are not zero. */
    static String offset(ZoneOffset o) {
        int total = o.getTotalSeconds();
        char sign = total < 0 ? '-' : '+';
        int abs = Math.abs(total);
        String s = String.format(java.util.Locale.ROOT, "%c%02d%02d", sign, abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? s : s + String.format(java.util.Locale.ROOT, "%02d", abs % 60);
    }
}

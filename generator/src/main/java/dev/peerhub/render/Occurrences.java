package dev.peerhub.render;

import dev.peerhub.content.Event;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** Expands an event's recurrence the way a calendar would (RRULE with UNTIL or COUNT, minus EXDATEs). */
public final class Occurrences {

    private static final int LIMIT = 5000;

    private Occurrences() {}

    /** The first occurrence starting on or after {@code today}, cancelled ones skipped. */
    public static Optional<LocalDateTime> next(Event e, LocalDate today) {
        Event.Recurrence r = e.recurrence();
        if (r == null) {
            return e.end().toLocalDate().isBefore(today) ? Optional.empty() : Optional.of(e.start());
        }
        int produced = 0;
        for (int i = 0; i < LIMIT; i++) {
            LocalDateTime start = nth(e, i);
            if (r.until() != null && start.toLocalDate().isAfter(r.until())) return Optional.empty();
            if (r.count() > 0 && produced >= r.count()) return Optional.empty();
            produced++;
            if (r.except().contains(start.toLocalDate())) continue;
            if (!start.toLocalDate().isBefore(today)) return Optional.of(start);
        }
        return Optional.empty();
    }

    /** The i-th occurrence's start (0 = the first), before cancellations. */
    public static LocalDateTime nth(Event e, int i) {
        Event.Recurrence r = e.recurrence();
        long step = (long) i * (r == null ? 1 : r.interval());
        if (r == null) return e.start();
        return switch (r.frequency()) {
            case DAILY -> e.start().plusDays(step);
            case WEEKLY -> e.start().plusWeeks(step);
            case MONTHLY -> e.start().plusMonths(step);
        };
    }

    /** "Every week", "Every 2 weeks until 29 June 2027", "Every month, 12 times". */
    public static String describe(Event e) {
        Event.Recurrence r = e.recurrence();
        if (r == null) return "";
        String unit = switch (r.frequency()) {
            case DAILY -> "day";
            case WEEKLY -> "week";
            case MONTHLY -> "month";
        };
        String s = r.interval() == 1 ? "Every " + unit : "Every " + r.interval() + " " + unit + "s";
        if (r.until() != null) s += " until " + ViewFactory.display(r.until());
        if (r.count() > 0) s += ", " + r.count() + " times";
        return s;
    }
}

package dev.peerhub.content;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A meetup or event ({@code content/events/*.md}).
 *
 * @param start      local start in {@code timezone}
 * @param end        local end in {@code timezone}
 * @param timezone   the zone the times are given in
 * @param recurrence how it repeats, or null for a one-off event
 * @param location   a venue address or "Online"
 * @param online     whether it happens online
 * @param circle     the circle's file name (without .md), empty when none
 */
public record Event(LocalDateTime start, LocalDateTime end, ZoneId timezone, Recurrence recurrence, String location,
                    boolean online, String circle) implements Details {

    public Event {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(circle, "circle");
    }

    /**
     * A repetition rule, the part of RFC 5545's RRULE writers need.
     *
     * @param frequency daily, weekly or monthly
     * @param interval  every n-th period (1 = every)
     * @param until     last possible date, or null
     * @param count     number of occurrences, 0 when not limited by count
     * @param except    dates of cancelled occurrences
     */
    public record Recurrence(Frequency frequency, int interval, LocalDate until, int count, List<LocalDate> except) {
        public Recurrence {
            Objects.requireNonNull(frequency, "frequency");
            except = List.copyOf(except);
        }
    }

    /** RRULE frequencies. */
    public enum Frequency {
        DAILY, WEEKLY, MONTHLY
    }
}

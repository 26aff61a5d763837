package dev.peerhub.content;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A circle of the directory ({@code content/circles/*.md}).
 *
 * @param format        online, in person or hybrid
 * @param timezone      the zone its schedule is given in
 * @param place         where it meets (a venue, or how online meetings are reached)
 * @param schedule      when it meets
 * @param languages     languages spoken, as written
 * @param cost          free, donation or fee
 * @param costNote      details of the cost, may be empty
 * @param ledBy         peer-led or facilitated
 * @param affinity      affinity focus (e.g. BIPOC-led), empty for open circles
 * @param accessibility access notes, may be empty
 * @param contact       how to get in touch (e-mail or URL), may be empty
 * @param agreements    the group's agreements
 */
public record Circle(Format format, ZoneId timezone, String place, Schedule schedule, List<String> languages, Cost cost,
                     String costNote, LedBy ledBy, List<String> affinity, String accessibility, String contact,
                     List<String> agreements) implements Details {

    public Circle {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(schedule, "schedule");
        languages = List.copyOf(languages);
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(costNote, "costNote");
        Objects.requireNonNull(ledBy, "ledBy");
        affinity = List.copyOf(affinity);
        Objects.requireNonNull(accessibility, "accessibility");
        Objects.requireNonNull(contact, "contact");
        agreements = List.copyOf(agreements);
    }

    /** How a circle meets. */
    public enum Format {
        ONLINE("online", "Online"), IN_PERSON("in-person", "In person"), HYBRID("hybrid", "Hybrid");

        private final String key;
        private final String label;

        Format(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** What taking part costs. */
    public enum Cost {
        FREE("free", "Free"), DONATION("donation", "Donation"), FEE("fee", "Fee");

        private final String key;
        private final String label;

        Cost(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /** Who holds the space. */
    public enum LedBy {
        PEER("peer", "Peer-led"), FACILITATED("facilitated", "Facilitated");

        private final String key;
        private final String label;

        LedBy(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A regular meeting time in the circle's timezone.
     *
     * @param weekday         the day it meets
     * @param time            local start time
     * @param durationMinutes length of a meeting
     * @param frequency       weekly, fortnightly or monthly
     */
    public record Schedule(DayOfWeek weekday, LocalTime time, int durationMinutes, String frequency) {
        public Schedule {
            Objects.requireNonNull(weekday, "weekday");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(frequency, "frequency");
        }
    }
}

package dev.peerhub.calendar;

import dev.peerhub.content.Event;
import java.time.Instant;
import java.util.Objects;

/**
 * One VEVENT: an event with what a calendar shows about it.
 *
 * @param uid         stable across rebuilds (from the source path and the site's host)
 * @param stamp       DTSTAMP: derived from the file's updated or date, never from the clock
 * @param event       times, zone, recurrence and cancellations
 * @param summary     the title
 * @param description plain text, may be empty
 * @param url         the event page's absolute URL
 */
public record CalendarEntry(String uid, Instant stamp, Event event, String summary, String description, String url) {
    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
    }
}

package dev.peerhub.content;

/**
 * Structured front matter beyond the common keys: the facts of a circle, an event, or a research
 * entry's citation. {@link None} for ordinary guides.
 */
public sealed interface Details permits Details.None, Circle, Event, Citation {

    /** No structured details. */
    record None() implements Details {}

    Details NONE = new None();
}

package dev.peerhub.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the indexer receives for one published page.
 *
 * @param url       the page's site-relative URL, e.g. {@code /guides/starting-a-circle/}
 * @param title     plain-text title
 * @param summary   plain-text summary (may be empty)
 * @param tags      display names of the tags
 * @param section   section key (first folder under {@code content/}, empty for top-level pages)
 * @param type      resource type from front matter (e.g. {@code guide}), empty when none
 * @param date      publication date
 * @param contentNote the content note shown before the text, empty when none
 * @param passages  the body as plain text, cut at headings: the first passage has an empty
 *                  anchor (text before any heading); the others carry the heading's id and text
 */
public record SearchDocument(String url, String title, String summary, List<String> tags, String section,
                             String type, LocalDate date, String contentNote, List<Passage> passages) {

    public SearchDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        tags = List.copyOf(tags);
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(contentNote, "contentNote");
        passages = List.copyOf(passages);
    }

    /** A stretch of body text under one heading. */
    public record Passage(String anchor, String heading, String text) {
        public Passage {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(text, "text");
        }
    }

    /** All headings' text, in order. */
    public List<String> headings() {
        return passages.stream().map(Passage::heading).filter(h -> !h.isEmpty()).toList();
    }

    /** The whole body text, passages joined by blank lines (headings not included). */
    public String body() {
        StringBuilder sb = new StringBuilder();
        for (Passage p : passages) {
            if (!sb.isEmpty()) sb.append("\n\n");
            sb.append(p.text());
        }
        return sb.toString();
    }
}

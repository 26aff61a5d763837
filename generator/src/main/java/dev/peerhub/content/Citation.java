package dev.peerhub.content;

import java.util.List;
import java.util.Objects;

/**
 * The citation of a research entry; empty strings for parts not given, year 0 when unknown.
 */
public record Citation(List<String> authors, int year, String title, String venue, String doi, String url)
        implements Details {

    public Citation {
        authors = List.copyOf(authors);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(url, "url");
    }

    /** The DOI as a resolvable link, or the URL, or empty. */
    public String link() {
        if (!doi.isEmpty()) return "https://doi.org/" + doi;
        return url;
    }
}

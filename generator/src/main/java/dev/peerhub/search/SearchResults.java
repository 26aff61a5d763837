package dev.peerhub.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of results, the same shape {@code client.js} returns.
 *
 * @param total    how many pages match
 * @param results  this page of results, best first
 * @param fallback {@code "any"} when no page had every word and the search fell back to any word,
 *                 else null
 * @param facets   counts per tag, section and type over all matches (keys in count order)
 */
public record SearchResults(long total, List<Result> results, String fallback, Facets facets) {

    public SearchResults {
        results = List.copyOf(results);
        Objects.requireNonNull(facets, "facets");
    }

    public Optional<String> fallbackMode() {
        return Optional.ofNullable(fallback);
    }

    /**
     * One result.
     *
     * @param doc         the doc number shared by Lucene and the client (rank of the URL)
     * @param anchor      id of the best-matching passage's heading, empty for the top of the page
     * @param excerptHtml escaped text with {@code <mark>} around matched words
     */
    public record Result(int doc, String url, String title, String summary, String date, String contentNote, List<String> tags,
                         float score, String anchor, String excerptHtml) {
        public Result {
            tags = List.copyOf(tags);
        }
    }

    /** Facet counts; maps iterate by count descending, then name. */
    public record Facets(Map<String, Integer> tags, Map<String, Integer> sections, Map<String, Integer> types) {}

    /** The JSON {@code client.js} returns for the same query. */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"total\":").append(total).append(",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"url\":");
            Json.quote(sb, r.url());
            sb.append(",\"title\":");
            Json.quote(sb, r.title());
            sb.append(",\"summary\":");
            Json.quote(sb, r.summary());
            sb.append(",\"date\":");
            Json.quote(sb, r.date());
            sb.append(",\"contentNote\":");
            Json.quote(sb, r.contentNote());
            sb.append(",\"tags\":[");
            for (int t = 0; t < r.tags().size(); t++) {
                if (t > 0) sb.append(',');
                Json.quote(sb, r.tags().get(t));
            }
            sb.append("],\"score\":").append(r.score()).append(",\"anchor\":");
            Json.quote(sb, r.anchor());
            sb.append(",\"excerptHtml\":");
            Json.quote(sb, r.excerptHtml());
            sb.append('}');
        }
        sb.append(']');
        if (fallback != null) sb.append(",\"fallback\":").append(Json.quote(fallback));
        sb.append(",\"facets\":{\"tags\":");
        counts(sb, facets.tags());
        sb.append(",\"sections\":");
        counts(sb, facets.sections());
        sb.append(",\"types\":");
        counts(sb, facets.types());
        sb.append("}}");
        return sb.toString();
    }

    private static void counts(StringBuilder sb, Map<String, Integer> m) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            Json.quote(sb, e.getKey());
            sb.append(':').append(e.getValue());
        }
        sb.append('}');
    }
}

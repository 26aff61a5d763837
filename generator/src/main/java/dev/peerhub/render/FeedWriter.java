package dev.peerhub.render;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.site.Page;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Atom 1.0 feeds (RFC 4287) for the site and for each tag. Deterministic: no build time is written. */
public final class FeedWriter {

    private FeedWriter() {}

    /**
     * @param selfUrl  absolute URL of the feed itself
     * @param pageUrl  absolute URL of the page the feed mirrors
     * @param pages    entries, newest first (already cut to the configured limit)
     * @param bodies   full HTML per page URL when the feed carries full content, else empty
     */
    public static byte[] atom(SiteConfig config, String title, String selfUrl, String pageUrl, List<Page> pages,
                              Map<String, String> bodies) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(config.language())).append("\">\n");
        sb.append("  <title>").append(Xml.escape(title)).append("</title>\n");
        if (!config.description().isEmpty()) {
            sb.append("  <subtitle>").append(Xml.escape(config.description())).append("</subtitle>\n");
        }
        sb.append("  <id>").append(Xml.escape(selfUrl)).append("</id>\n");
        sb.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(selfUrl)).append("\"/>\n");
        sb.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(pageUrl)).append("\"/>\n");
        LocalDate latest = pages.stream().map(p -> updatedOf(p)).max(LocalDate::compareTo).orElse(LocalDate.of(2000, 1, 1));
        sb.append("  <updated>").append(stamp(latest)).append("</updated>\n");
        String author = config.organisation().name().isEmpty() ? config.title() : config.organisation().name();
        sb.append("  <author><name>").append(Xml.escape(author)).append("</name></author>\n");
        sb.append("  <generator>peerhub</generator>\n");
        for (Page p : pages) {
            sb.append("  <entry>\n");
            sb.append("    <title>").append(Xml.escape(p.article().title())).append("</title>\n");
            sb.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(p.permalink())).append("\"/>\n");
            sb.append("    <id>").append(Xml.escape(p.permalink())).append("</id>\n");
            if (p.article().date() != null) {
                sb.append("    <published>").append(stamp(p.article().date())).append("</published>\n");
            }
            sb.append("    <updated>").append(stamp(updatedOf(p))).append("</updated>\n");
            for (String a : p.article().authors()) {
                sb.append("    <author><name>").append(Xml.escape(a)).append("</name></author>\n");
            }
            for (var t : p.article().tags()) {
                sb.append("    <category term=\"").append(Xml.escape(t.slug())).append("\" label=\"")
                        .append(Xml.escape(t.name())).append("\"/>\n");
            }
            String summary = p.article().contentNote().isEmpty() ? p.article().summary()
                    : "Content note: " + p.article().contentNote() + ". " + p.article().summary();
            sb.append("    <summary type=\"text\">").append(Xml.escape(summary)).append("</summary>\n");
            String body = bodies.get(p.url());
            if (body != null) {
                sb.append("    <content type=\"html\">").append(Xml.escape(body)).append("</content>\n");
            }
            sb.append("  </entry>\n");
        }
        sb.append("</feed>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static LocalDate updatedOf(Page p) {
        if (p.article().updated() != null) return p.article().updated();
        return p.article().date() == null ? LocalDate.of(2000, 1, 1) : p.article().date();
    }

    private static String stamp(LocalDate d) {
        return d + "T00:00:00Z";
    }
}

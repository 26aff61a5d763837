package dev.peerhub.render;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** {@code sitemap.xml} (sitemaps.org protocol 0.9): every indexable page, sorted by URL. */
public final class SitemapWriter {

    private final Map<String, String> entries = new TreeMap<>();

    /** Adds an absolute URL with its last modification date (empty when unknown). Thread-safe. */
    public synchronized void add(String permalink, String lastmod) {
        entries.put(permalink, lastmod);
    }

    public synchronized byte[] toBytes() {
        StringBuilder sb = new StringBuilder(entries.size() * 96 + 200);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            sb.append("  <url><loc>").append(Xml.escape(e.getKey())).append("</loc>");
            if (!e.getValue().isEmpty()) sb.append("<lastmod>").append(e.getValue()).append("</lastmod>");
            sb.append("</url>\n");
        }
        sb.append("</urlset>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package dev.peerhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads every HTML page of a built site and lists the internal links or anchors that lead nowhere. */
public final class LinkCrawler {

    private LinkCrawler() {}

    /**
     * @param out      the output folder
     * @param basePath the site's base path, e.g. {@code /}
     * @return one line per broken link: {@code page -> href}
     */
    public static List<String> brokenLinks(Path out, String basePath) {
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Document> docs = new HashMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                String url = basePath + (rel.endsWith("index.html") ? rel.substring(0, rel.length() - "index.html".length()) : rel);
                Document doc = Jsoup.parse(p.toFile(), "UTF-8");
                docs.put(url, doc);
                Set<String> set = new HashSet<>();
                for (Element e : doc.select("[id]")) set.add(e.id());
                ids.put(url, set);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, Document> e : docs.entrySet()) {
            for (Element a : e.getValue().select("a[href], link[href], script[src], img[src]")) {
                String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                if (href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || href.startsWith("//")) continue;
                String target;
                String fragment = "";
                int hash = href.indexOf('#');
                if (hash >= 0) {
                    fragment = href.substring(hash + 1);
                    href = href.substring(0, hash);
                }
                if (href.isEmpty()) {
                    target = e.getKey();
                } else {
                    target = URI.create(e.getKey()).resolve(href.replace(" ", "%20")).getPath();
                }
                int q = target.indexOf('?');
                if (q >= 0) target = target.substring(0, q);
                if (ids.containsKey(target)) {
                    if (!fragment.isEmpty() && !ids.get(target).contains(fragment)) {
                        broken.add(e.getKey() + " -> " + href + "#" + fragment + " (no such id)");
                    }
                    continue;
                }
                Path file = out.resolve(target.substring(basePath.length()));
                if (target.endsWith("/")) file = file.resolve("index.html");
                if (!Files.isRegularFile(file)) broken.add(e.getKey() + " -> " + href);
            }
        }
        broken.sort(null);
        return broken;
    }
}

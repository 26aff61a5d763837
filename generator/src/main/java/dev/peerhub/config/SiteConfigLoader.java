package dev.peerhub.config;

import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import dev.peerhub.yaml.YamlMap;
import dev.peerhub.yaml.YamlText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code site.yml} text into a {@link SiteConfig}, reporting every problem with its line. */
public final class SiteConfigLoader {

    public static final String FILE = "site.yml";
    /** The default quick-exit destination: a neutral, widely used weather page. */
    public static final String DEFAULT_QUICK_EXIT = "https://www.bbc.co.uk/weather";

    private static final Set<String> KEYS = Set.of("title", "description", "base_url", "language", "organisation",
            "menu", "paginate", "feed", "crisis", "footer", "quick_exit");

    private SiteConfigLoader() {}

    /** Parses the text of {@code site.yml}; returns empty when it has errors (reported in {@code out}). */
    public static Optional<SiteConfig> parse(String text, Diagnostics out) {
        int errorsBefore = out.errorCount();
        Optional<YamlMap> parsed = YamlText.parseMapping(text, FILE, 0, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlMap y = parsed.get();
        y.warnUnknownKeys(KEYS, " in site.yml");
        y.requireKey("title", "title: \"Riverside Integration Network\"");
        String title = y.string("title").orElse("");
        String description = y.string("description").orElse("");
        String language = y.string("language").orElse("en");
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            out.error(y.valuePositionOf("language"), "'language' must be a language code like en or pt-BR, got \"" + language + "\"");
        }
        String baseUrl = y.string("base_url").orElse("/");
        String[] base = normaliseBaseUrl(baseUrl, y.valuePositionOf("base_url"), out);

        SiteConfig.Organisation org = y.map("organisation").map(o -> {
            o.warnUnknownKeys(Set.of("name", "url", "email"), " in organisation");
            return new SiteConfig.Organisation(o.string("name").orElse(""), o.string("url").orElse(""),
                    o.string("email").orElse(""));
        }).orElse(new SiteConfig.Organisation(title, "", ""));

        List<SiteConfig.MenuItem> menu = new ArrayList<>();
        for (YamlMap m : y.mapList("menu")) {
            m.warnUnknownKeys(Set.of("name", "url"), " in a menu item");
            m.requireKey("name", "name: Guides");
            m.requireKey("url", "url: /guides/");
            menu.add(new SiteConfig.MenuItem(m.string("name").orElse(""), m.string("url").orElse("/")));
        }

        int paginate = y.integer("paginate", 1, 1000).orElse(10);

        SiteConfig.FeedConfig feed = y.map("feed").map(f -> {
            f.warnUnknownKeys(Set.of("limit", "full_content"), " in feed");
            return new SiteConfig.FeedConfig(f.integer("limit", 1, 10_000).orElse(20), f.bool("full_content").orElse(false));
        }).orElse(new SiteConfig.FeedConfig(20, false));

        SiteConfig.CrisisSupport crisis = y.map("crisis").map(SiteConfigLoader::crisis)
                .orElse(new SiteConfig.CrisisSupport("Need help now?", new SiteConfig.Emergency("", "", ""), List.of(), "/get-help/"));

        String footer = y.string("footer").orElse("");

        SiteConfig.QuickExit quickExit = y.map("quick_exit").map(q -> {
            q.warnUnknownKeys(Set.of("url", "label"), " in quick_exit");
            String url = q.string("url").orElse(DEFAULT_QUICK_EXIT);
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                out.error(q.valuePositionOf("url"), "'quick_exit.url' must be an absolute https:// address, got \"" + url + "\"");
            }
            return new SiteConfig.QuickExit(url, q.string("label").orElse("Exit this page"));
        }).orElse(new SiteConfig.QuickExit(DEFAULT_QUICK_EXIT, "Exit this page"));

        if (out.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(title, description, base[0], base[1], language, org, menu, paginate, feed,
                crisis, footer, quickExit));
    }

    private static SiteConfig.CrisisSupport crisis(YamlMap c) {
        c.warnUnknownKeys(Set.of("heading", "emergency", "lines", "page"), " in crisis");
        SiteConfig.Emergency emergency = c.map("emergency").map(e -> {
            e.warnUnknownKeys(Set.of("number", "label", "note"), " in crisis.emergency");
            return new SiteConfig.Emergency(e.lenientString("number").orElse(""), e.string("label").orElse("Emergency services"),
                    e.string("note").orElse(""));
        }).orElse(new SiteConfig.Emergency("", "", ""));
        List<SiteConfig.CrisisLine> lines = new ArrayList<>();
        Set<String> lineKeys = Set.of("name", "phone", "text", "chat", "hours", "region", "url", "note");
        for (YamlMap l : c.mapList("lines")) {
            l.warnUnknownKeys(lineKeys, " in a crisis line");
            l.requireKey("name", "name: \"Peer Support Line\"");
            SiteConfig.CrisisLine line = new SiteConfig.CrisisLine(l.string("name").orElse(""), l.lenientString("phone").orElse(""),
                    l.lenientString("text").orElse(""), l.string("chat").orElse(""), l.string("hours").orElse(""),
                    l.string("region").orElse(""), l.string("url").orElse(""), l.string("note").orElse(""));
            if (line.phone().isEmpty() && line.text().isEmpty() && line.chat().isEmpty() && line.url().isEmpty()) {
                l.diagnostics().error(l.position(), "crisis line '" + line.name()
                        + "' needs at least one way to reach it: phone, text, chat or url");
            }
            lines.add(line);
        }
        return new SiteConfig.CrisisSupport(c.string("heading").orElse("Need help now?"), emergency, lines,
                c.string("page").orElse("/get-help/"));
    }

    /**
     * Checks a base URL and splits it into the absolute URL (ending in /) and its path.
     * A bare path like {@code /} or {@code /hub/} is allowed for sites that do not know their host.
     */
    public static String[] normaliseBaseUrl(String raw, SourcePosition at, Diagnostics out) {
        String url = raw.trim();
        if (url.isEmpty()) url = "/";
        if (!url.endsWith("/")) url = url + "/";
        if (url.startsWith("/")) {
            return new String[] {url, url};
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                out.error(at, "'base_url' must be an absolute address like https://hub.example.org/, got \"" + raw + "\"");
                return new String[] {"/", "/"};
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new String[] {url, path};
        } catch (URISyntaxException e) {
            out.error(at, "'base_url' is not a valid address: \"" + raw + "\"");
            return new String[] {"/", "/"};
        }
    }
}

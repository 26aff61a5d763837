package dev.peerhub.render;

import dev.peerhub.content.Article;
import dev.peerhub.content.ResourceType;
import dev.peerhub.content.Tag;
import dev.peerhub.markdown.RenderedArticle;
import dev.peerhub.render.Views.ArticleCard;
import dev.peerhub.render.Views.ArticleView;
import dev.peerhub.render.Views.MenuLink;
import dev.peerhub.render.Views.PageMeta;
import dev.peerhub.render.Views.SiteView;
import dev.peerhub.render.Views.TagLink;
import dev.peerhub.site.Page;
import dev.peerhub.site.Section;
import dev.peerhub.site.Site;
import dev.peerhub.site.TagGroup;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the site's values into the records templates receive. Immutable and thread-safe. */
public final class ViewFactory {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Site site;
    private final SiteView siteView;
    private final Map<String, Integer> tagCounts = new HashMap<>();
    private final Map<String, String> tagUrls = new HashMap<>();
    private final HubViews details;

    public ViewFactory(Site site, Assets assets, String footerHtml, boolean serveMode, boolean hasSearchPage) {
        this.site = site;
        for (TagGroup g : site.tags()) {
            tagCounts.put(g.tag().slug(), g.pages().size());
            tagUrls.put(g.tag().slug(), g.url());
        }
        String base = site.config().basePath();
        List<MenuLink> menu = site.config().menu().stream()
                .map(m -> new MenuLink(m.name(), link(m.url()), m.url().matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")))
                .toList();
        this.siteView = new SiteView(site.config().title(), site.config().description(), site.config().baseUrl(), base,
                site.config().language(), site.config().organisation(), menu, footerHtml, site.config().crisis(),
                existing(link(site.config().crisis().page())), site.config().quickExit(), assets,
                hasSearchPage ? base + "search/" : "", base + "tags/", base + "feed.xml", existing(base + "safety/"),
                existing(base + "privacy/"), site.buildDate().getYear(), serveMode);
        this.details = new HubViews(site, this);
    }

    /** The URL when a page of the site has it, else the empty string (templates then leave the link out). */
    private String existing(String url) {
        return site.allPages().stream().anyMatch(p -> p.url().equals(url)) ? url : "";
    }

    /** A menu or config URL: site paths get the base path, absolute URLs stay. */
    public String link(String url) {
        if (url.startsWith("/") && !url.startsWith("//")) {
            return site.config().basePath() + url.substring(1);
        }
        return url;
    }

    public SiteView site() {
        return siteView;
    }

    public Site siteModel() {
        return site;
    }

    public static String iso(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public static String display(LocalDate d) {
        return d == null ? "" : DISPLAY.format(d);
    }

    public List<TagLink> tags(List<Tag> tags) {
        return tags.stream().map(t -> new TagLink(t.name(), t.slug(), tagUrls.getOrDefault(t.slug(),
                site.config().basePath() + "tags/" + t.slug() + "/"), tagCounts.getOrDefault(t.slug(), 0))).toList();
    }

    public ArticleCard card(Page p) {
        Article a = p.article();
        return new ArticleCard(a.title(), p.url(), iso(a.date()), display(a.date()), a.summary(), tags(a.tags()),
                a.readingMinutes(), a.contentNote(), a.type() == ResourceType.PAGE ? "" : a.type().key(),
                a.type() == ResourceType.PAGE ? "" : a.type().label(), a.draft());
    }

    public ArticleView article(Page p, RenderedArticle r) {
        Article a = p.article();
        Section section = a.section().isEmpty() ? null : site.section(a.section()).orElse(null);
        return new ArticleView(a.title(), p.url(), p.permalink(), iso(a.date()), display(a.date()), iso(a.updated()),
                display(a.updated()), a.readingMinutes(), tags(a.tags()), a.summary(), a.contentNote(),
                a.type() == ResourceType.PAGE ? "" : a.type().key(), a.type() == ResourceType.PAGE ? "" : a.type().label(),
                a.authors(), a.draft(), section == null ? "" : section.title(), section == null ? "" : section.url(),
                r.toc(), r.html(), details.circle(p), details.event(p), details.citation(a));
    }

    public PageMeta meta(String kind, String title, String description, String url, String ogType, String feedUrl,
                         boolean draft) {
        String canonical = site.config().baseUrl() + url.substring(Math.min(url.length(), site.config().basePath().length()));
        return new PageMeta(kind, title, description.isEmpty() ? site.config().description() : description, url,
                canonical, ogType, feedUrl, draft, draft);
    }

    /** Circle, event and citation views. */
    public HubViews details() {
        return details;
    }
}

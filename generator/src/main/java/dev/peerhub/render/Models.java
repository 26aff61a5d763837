package dev.peerhub.render;

import dev.peerhub.render.Views.ArticleCard;
import dev.peerhub.render.Views.ArticleView;
import dev.peerhub.render.Views.PageMeta;
import dev.peerhub.render.Views.Pager;
import dev.peerhub.render.Views.SectionCard;
import dev.peerhub.render.Views.SiteView;
import dev.peerhub.render.Views.TagLink;
import dev.peerhub.render.Views.CircleGroup;
import dev.peerhub.render.Views.EventEntry;
import dev.peerhub.render.Views.Filter;
import dev.peerhub.render.Views.LibraryGroup;
import java.util.List;

/** The root model of each template: what {@code home.ftlh}, {@code article.ftlh} and the others receive. */
public final class Models {

    private Models() {}

    /** {@code home.ftlh}. */
    public record HomeModel(SiteView site, PageMeta page, String introHtml, List<ArticleCard> latest,
                            List<SectionCard> sections, List<TagLink> tags, List<EventEntry> upcomingEvents) {}

    /** {@code article.ftlh}: {@code previous}, {@code next} may be null. */
    public record ArticleModel(SiteView site, PageMeta page, ArticleView article, ArticleCard previous,
                               ArticleCard next, List<ArticleCard> related) {}

    /** {@code section.ftlh} and {@code tag.ftlh}: one page of a list. */
    public record ListModel(SiteView site, PageMeta page, String heading, String introHtml, List<ArticleCard> items,
                            Pager pager, List<SectionCard> subsections, String kind) {}

    /** {@code tags.ftlh}: every tag with its count. */
    public record TagIndexModel(SiteView site, PageMeta page, List<TagLink> tags) {}

    /** {@code 404.ftlh}, {@code search.ftlh}: only the site and page. */
    public record BasicModel(SiteView site, PageMeta page) {}

    /** {@code circles.ftlh}: the circles directory, grouped by weekday; {@code total} circles in all. */
    public record CirclesModel(SiteView site, PageMeta page, String heading, String introHtml, int total,
                               List<Filter> filters, List<CircleGroup> groups, String calendarUrl,
                               String webcalUrl) {}

    /** {@code events.ftlh}: upcoming (soonest first) and past (latest first) events, relative to the build date. */
    public record EventsModel(SiteView site, PageMeta page, String heading, String introHtml, String today,
                              List<EventEntry> upcoming, List<EventEntry> past, String calendarUrl,
                              String webcalUrl) {}

    /** {@code library.ftlh}: every typed article of the site, grouped by resource type. */
    public record LibraryModel(SiteView site, PageMeta page, String heading, String introHtml, int total,
                               List<Filter> filters, List<LibraryGroup> groups) {}
}

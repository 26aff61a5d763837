package dev.peerhub.render;

import dev.peerhub.render.Views.ArticleCard;
import dev.peerhub.render.Views.ArticleView;
import dev.peerhub.render.Views.PageMeta;
import dev.peerhub.render.Views.Pager;
import dev.peerhub.render.Views.SectionCard;
import dev.peerhub.render.Views.SiteView;
import dev.peerhub.render.Views.TagLink;
import java.util.List;

/** The root model of each template: what {@code home.ftlh}, {@code article.ftlh} and the others receive. */
public final class Models {

    private Models() {}

    /** {@code home.ftlh}. */
    public record HomeModel(SiteView site, PageMeta page, String introHtml, List<ArticleCard> latest,
                            List<SectionCard> sections, List<TagLink> tags, List<ArticleCard> upcomingEvents) {}

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
}

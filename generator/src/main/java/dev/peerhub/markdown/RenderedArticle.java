package dev.peerhub.markdown;

import dev.peerhub.content.Article;
import dev.peerhub.search.SearchDocument;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An article's body rendered.
 *
 * @param article  the article
 * @param html     the body as HTML (trusted: produced by the renderer, raw HTML in Markdown escaped)
 * @param toc      the second- and third-level headings, nested
 * @param passages the plain text cut at headings, for search
 * @param links    every link and image, for the link checker
 * @param anchors  every id a link may point at in this page (headings, footnotes)
 */
public record RenderedArticle(Article article, String html, List<TocEntry> toc, List<SearchDocument.Passage> passages,
                              List<FoundLink> links, Set<String> anchors) {
    public RenderedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(html, "html");
        toc = List.copyOf(toc);
        passages = List.copyOf(passages);
        links = List.copyOf(links);
        anchors = Set.copyOf(anchors);
    }
}

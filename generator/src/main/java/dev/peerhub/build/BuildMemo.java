package dev.peerhub.build;

import dev.peerhub.content.Article;
import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.markdown.RenderedArticle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@code serve} session remembers between builds so a rebuild reads, parses and renders only
 * the content files that changed: each file's parsed article (with the problems it had), keyed by its
 * modification time and size, and each article's rendered Markdown, keyed by its text hash. A plain
 * build uses a fresh memo, so it remembers nothing.
 */
public final class BuildMemo {

    /** One parsed file: its stamp, the article (null when it had errors or nothing to publish) and its problems. */
    record Parsed(long modified, long size, Article article, List<Diagnostic> problems) {}

    /** One rendered article and the hash of the text it was rendered from. */
    record Rendered(int textHash, RenderedArticle rendered) {}

    /** False for a one-off build: nothing is kept, so a build of 100k pages holds no rendered HTML. */
    final boolean keeps;
    final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
    /**
     * The related pages of each page (source paths), from the last build that rendered it; their cards are
     * made from the current site at each render, so a related page's new title shows at once.
     */
    final Map<String, List<String>> related = new ConcurrentHashMap<>();
    /** The reverse of {@link #related}: for a source path, the pages (source paths) that show it as related. */
    final Map<String, Set<String>> shownAsRelatedIn = new ConcurrentHashMap<>();
    /** The site of the previous successful build, to be patched when a rebuild keeps its shape. */
    volatile dev.peerhub.site.Site site;
    /** Problems found while assembling {@link #site} (reported again by a patched rebuild). */
    volatile List<Diagnostic> siteProblems = List.of();
    /** The template engine of the previous build, reused while no template changes (templates parsed once). */
    volatile dev.peerhub.render.TemplateEngine engine;
    /** The published assets of the previous build (a partial rebuild keeps the asset files it published). */
    volatile dev.peerhub.render.Assets assets;
    /** One Markdown renderer for the session (thread-safe), and the footer's HTML with the config it came from. */
    volatile dev.peerhub.markdown.MarkdownRenderer markdownRenderer;
    volatile dev.peerhub.config.SiteConfig footerConfig;
    volatile String footerHtml;
    /**
     * What the Markdown pass found over every page in the previous successful build (links, anchors,
     * introductions, feed bodies, page URLs); a rebuild that keeps the site's shape updates it for the
     * changed pages only instead of visiting every page. Null until a build has made it.
     */
    volatile LinkState links;
    /** The broken internal links of the last build, by source file (only files that have some). */
    volatile Map<String, List<dev.peerhub.diagnostic.SourcePosition>> brokenLinks;
    /** Content files whose parse had problems in the last build (a patched rebuild reports them again). */
    volatile Set<String> filesWithProblems;

    /** The Markdown pass's findings over all pages; maps are updated in place by a patched rebuild. */
    record LinkState(Map<String, Set<String>> anchorsByUrl, Map<String, List<dev.peerhub.markdown.FoundLink>> linksBySource,
                     Map<String, String> introHtml, Map<String, String> feedBodies, Set<String> knownUrls) {}

    /** Records that {@code page} shows {@code relatedSources} as related pages (and forgets what it showed before). */
    void relate(String page, List<String> relatedSources) {
        List<String> before = related.put(page, List.copyOf(relatedSources));
        if (before != null) {
            for (String s : before) {
                Set<String> in = shownAsRelatedIn.get(s);
                if (in != null) in.remove(page);
            }
        }
        for (String s : relatedSources) shownAsRelatedIn.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add(page);
    }
    /** Source paths of the articles of the previous successful build. */
    volatile Set<String> previousSources = Set.of();
    /** The articles of the previous successful build, by source path (what its pages show). */
    volatile Map<String, Article> lastGood = Map.of();
    /** The files of content/ found by the previous scan (Markdown files, other files), or null. */
    volatile List<java.nio.file.Path> markdown;
    volatile List<String> staticFiles;
    /** When not null: the only files that changed since the previous build, as told by a file watcher. */
    volatile Set<String> onlyChanged;

    /**
     * Tells the next build that only these files (paths relative to the site) changed, so it neither lists
     * content/ again nor checks the time stamps of the other files. The hint is used once.
     */
    public void expectOnly(Set<String> changedPaths) {
        onlyChanged = Set.copyOf(changedPaths);
    }

    /** A memo that remembers between builds (for {@code serve}). */
    public BuildMemo() {
        this(true);
    }

    private BuildMemo(boolean keeps) {
        this.keeps = keeps;
    }

    /** A memo for one build: remembers nothing. */
    static BuildMemo none() {
        return new BuildMemo(false);
    }

    /** Forgets everything (after site.yml changed, say). */
    public void clear() {
        parsed.clear();
        rendered.clear();
        related.clear();
        shownAsRelatedIn.clear();
        site = null;
        siteProblems = List.of();
        engine = null;
        assets = null;
        footerConfig = null;
        footerHtml = null;
        links = null;
        filesWithProblems = null;
        brokenLinks = null;
        previousSources = Set.of();
        lastGood = Map.of();
        markdown = null;
        staticFiles = null;
        onlyChanged = null;
    }
}

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
    /** The related-page cards of each page URL, from the last build that re-rendered it. */
    final Map<String, List<dev.peerhub.render.Views.ArticleCard>> related = new ConcurrentHashMap<>();
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
        previousSources = Set.of();
        lastGood = Map.of();
        markdown = null;
        staticFiles = null;
        onlyChanged = null;
    }
}

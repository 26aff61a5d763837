package dev.peerhub.build;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.config.SiteConfigLoader;
import dev.peerhub.content.Article;
import dev.peerhub.content.ArticleParser;
import dev.peerhub.content.ContentReader;
import dev.peerhub.content.MarkdownBody;
import dev.peerhub.content.SourceText;
import dev.peerhub.diagnostic.BuildFailedException;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import dev.peerhub.markdown.FoundLink;
import dev.peerhub.markdown.MarkdownRenderer;
import dev.peerhub.markdown.RenderedArticle;
import dev.peerhub.output.OutputFile;
import dev.peerhub.output.OutputSink;
import dev.peerhub.render.Assets;
import dev.peerhub.render.FeedWriter;
import dev.peerhub.render.Models;
import dev.peerhub.render.SitemapWriter;
import dev.peerhub.render.TemplateEngine;
import dev.peerhub.render.ViewFactory;
import dev.peerhub.render.Views;
import dev.peerhub.search.SearchDocument;
import dev.peerhub.site.Page;
import dev.peerhub.site.Related;
import dev.peerhub.site.Section;
import dev.peerhub.site.Site;
import dev.peerhub.site.SiteAssembler;
import dev.peerhub.site.StaticFile;
import dev.peerhub.site.TagGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the pipeline. Each stage collects every problem; the build stops between stages when there
 * are errors. Per-file stages run on a pool of {@link BuildOptions#threads()} workers.
 */
public final class Builder {

    /**
     * Bytes of rendered article bodies kept in memory as they are between the Markdown pass and the page pass
     * (an eighth of the heap: 256 MB of the launcher's 2 GB, all of a 10k site's bodies).
     */
    static final long KEEP_BUDGET = Runtime.getRuntime().maxMemory() / 8;
    /**
     * Bytes of bodies kept LZ4-compressed beyond {@link #KEEP_BUDGET} (another eighth: about a quarter of
     * the size, so all of a 100k site's bodies); bodies beyond both are rendered again in the page pass,
     * so huge sites still build in a bounded heap.
     */
    static final long PACKED_BUDGET = Runtime.getRuntime().maxMemory() / 8;

    /** Templates every theme must have. */
    public static final List<String> REQUIRED_TEMPLATES = List.of("home.ftlh", "article.ftlh", "section.ftlh",
            "tag.ftlh", "tags.ftlh", "404.ftlh");

    private final BuildOptions options;
    private final Function<Site, SearchIndexing> searchFactory;
    private final Consumer<String> progress;
    private final List<BuildResult.StageTime> times = new ArrayList<>();
    private final BuildMemo memo;
    private long keepBudget = KEEP_BUDGET;
    private long packedBudget = PACKED_BUDGET;

    /**
     * @param searchFactory makes the search stage for an assembled site
     * @param progress      receives stage names as they start (for progress display)
     */
    public Builder(BuildOptions options, Function<Site, SearchIndexing> searchFactory, Consumer<String> progress) {
        this(options, searchFactory, progress, BuildMemo.none());
    }

    /** A builder that remembers parsed and rendered files in {@code memo} between builds (for {@code serve}). */
    public Builder(BuildOptions options, Function<Site, SearchIndexing> searchFactory, Consumer<String> progress,
                   BuildMemo memo) {
        this.options = options;
        this.searchFactory = searchFactory;
        this.progress = progress;
        this.memo = memo;
    }

    /** For tests: other memory budgets for rendered bodies (see {@link #KEEP_BUDGET}, {@link #PACKED_BUDGET}). */
    Builder keepingBodies(long plainBytes, long packedBytes) {
        this.keepBudget = plainBytes;
        this.packedBudget = packedBytes;
        return this;
    }

    /**
     * Builds into {@code sink}.
     *
     * @throws BuildFailedException when a stage ends with errors (nothing has been committed)
     */
    public BuildResult build(OutputSink sink) {
        return build(sink, Scope.EVERYTHING);
    }

    /**
     * Builds what {@code scope} asks for into {@code sink}; a partial scope writes only the files that
     * changed since the previous build with the same memo (the caller keeps the others).
     *
     * @throws BuildFailedException when a stage ends with errors (nothing has been committed)
     */
    public BuildResult build(OutputSink sink, Scope scope) {
        return build(sink, scope, built -> {});
    }

    /**
     * Like {@link #build(OutputSink, Scope)}, and hands {@code written} the scope that was built as soon as
     * every file is in {@code sink} and the build has no errors, before the link check (which only warns
     * outside {@code check}): {@code serve} publishes there, so a tab reloads without waiting for the check.
     * The scope built is {@link Scope#EVERYTHING} when the change altered the site's shape (a page added,
     * removed, moved, retitled...), whatever was asked: then {@code sink} holds the whole site, and files of
     * the previous build that it lacks are gone.
     *
     * @throws BuildFailedException when a stage ends with errors (nothing has been committed)
     */
    public BuildResult build(OutputSink sink, Scope scope, Consumer<Scope> written) {
        Diagnostics out = new Diagnostics();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            return run(sink, scope, out, pool, written);
        } finally {
            pool.shutdownNow();
        }
    }

    private BuildResult run(OutputSink sink, Scope requested, Diagnostics out, ForkJoinPool pool, Consumer<Scope> written) {
        Path siteDir;
        try {
            siteDir = options.siteDir().toRealPath();
        } catch (IOException e) {
            out.error(SourcePosition.of(options.siteDir().toString()), "the site folder does not exist");
            throw new BuildFailedException(out);
        }

        // site.yml -> SiteConfig
        long t = start("config");
        SiteConfig config = loadConfig(siteDir, out);
        if (options.baseUrl() != null) {
            String[] base = SiteConfigLoader.normaliseBaseUrl(options.baseUrl(), SourcePosition.of("--base-url"), out);
            if (out.hasErrors()) throw new BuildFailedException(out);
            config = config.withBaseUrl(base[0], base[1]);
        }
        stop("config", t);

        // content/**.md -> Article
        t = start("content");
        // check reads each page once: the page stage takes the text the content stage read
        ContentReader reader = options.isCheck() ? ContentReader.keepingTexts(siteDir) : new ContentReader(siteDir);
        Path contentDir = siteDir.resolve("content");
        Path templatesDir = siteDir.resolve("templates");
        Set<String> onlyChanged = memo.onlyChanged;
        memo.onlyChanged = null;
        Map<String, Article> before = memo.lastGood;
        Set<String> changed = ConcurrentHashMap.newKeySet();
        // serve, after edits that keep the site's shape: the changed files alone are parsed, the last Site patched
        Diagnostics patchProblems = new Diagnostics();
        Map<String, Article> replaced = requested.everything() ? null
                : editsKeepingShape(onlyChanged, config, siteDir, reader, changed, patchProblems);
        long parsedAt = System.nanoTime();
        // (empty when a new title moved a page in a list: the site is then assembled again)
        Site site = replaced == null ? null : SiteAssembler.replace(memo.site, replaced).orElse(null);
        List<Article> published = null; // (a patched rebuild has only the replaced articles)
        Scope scope = requested;
        if (site != null) {
            out.addAll(patchProblems.sorted());
            out.addAll(memo.siteProblems);
            times.add(new BuildResult.StageTime("content", (parsedAt - t) / 1_000_000));
            stop("site", parsedAt);
        } else {
            replaced = null;
        }
        if (replaced == null) {
            changed.clear();
            List<Path> markdown = new ArrayList<>();
            List<String> staticFiles = new ArrayList<>();
            if (onlyChanged != null && memo.markdown != null && onlyModifiedKnownFiles(onlyChanged, siteDir)) {
                markdown.addAll(memo.markdown); // serve: a watcher saw only edits of known files, so the list is the same
                staticFiles.addAll(memo.staticFiles);
            } else {
                scan(contentDir, reader, markdown, staticFiles, out);
                memo.markdown = List.copyOf(markdown);
                memo.staticFiles = List.copyOf(staticFiles);
            }
            // files the watcher saw change are parsed again even when their time stamp is one already seen
            Set<String> forced = onlyChanged == null ? Set.of() : onlyChanged;
            Set<String> trusted = onlyChanged; // and the others are unchanged: their time stamps need no look
            if (!Files.isDirectory(templatesDir)) {
                out.error(SourcePosition.of("templates"), "no templates/ folder in the site: it holds the theme"
                        + " (copy the templates/ folder of the peerhub repository to start)");
            }
            if (out.hasErrors()) throw new BuildFailedException(out);
            Set<String> withProblems = ConcurrentHashMap.newKeySet();
            List<Article> parsed = parallel(pool, markdown, p -> parseRemembered(p, reader, changed, trusted, forced,
                    withProblems, out));
            if (out.hasErrors()) throw new BuildFailedException(out);
            memo.filesWithProblems = withProblems;
            published = parsed.stream().filter(a -> options.drafts() || !a.draft()).toList();
            scope = requested.everything() || !sameShape(published, before, changed) ? Scope.EVERYTHING : requested;
            stop("content", t);

            // all articles -> Site
            t = start("site");
            Diagnostics assembling = new Diagnostics();
            site = SiteAssembler.assemble(config, published, staticFiles, options.today(), assembling);
            out.addAll(assembling.sorted());
            if (out.hasErrors()) throw new BuildFailedException(out);
            if (memo.keeps) memo.siteProblems = assembling.sorted();
            stop("site", t);
        }

        // Site -> pages
        t = start("templates");
        // a rebuild in which no template changed keeps the last build's engine (its templates parsed once),
        // assets (their files are still published), Markdown renderer and footer
        boolean partial = !scope.everything() && memo.keeps;
        TemplateEngine engine = partial && scope.templates().isEmpty() ? memo.engine : null;
        if (engine != null) {
            engine.forgetReported();
        } else {
            try {
                engine = new TemplateEngine(templatesDir, "templates");
            } catch (IOException e) {
                out.error(SourcePosition.of("templates"), "cannot read the templates folder: " + e.getMessage());
                throw new BuildFailedException(out);
            }
        }
        for (String name : REQUIRED_TEMPLATES) engine.check(name, out);
        boolean hasSearchPage = Files.exists(templatesDir.resolve("search.ftlh"));
        if (hasSearchPage) engine.check("search.ftlh", out);
        if (out.hasErrors()) throw new BuildFailedException(out);
        Assets assets = partial && memo.assets != null ? memo.assets : copyAssets(templatesDir, config.basePath(), sink, out);
        MarkdownRenderer markdownRenderer = memo.keeps && memo.markdownRenderer != null ? memo.markdownRenderer
                : new MarkdownRenderer();
        String footer = memo.keeps && config.equals(memo.footerConfig) ? memo.footerHtml
                : markdownRenderer.renderInline(config.footer());
        ViewFactory views = new ViewFactory(site, assets, footer, options.serveMode(), hasSearchPage);
        stop("templates", t);

        t = start("markdown");
        Set<String> hubSections = HubPages.sections(templatesDir);
        // a patched rebuild updates the last build's findings for the changed pages; any other build visits all
        boolean patched = replaced != null;
        PageStage pages = new PageStage(site, reader, markdownRenderer, engine, views, sink, out, hubSections, scope, changed,
                patched, patched ? memo.links : new BuildMemo.LinkState(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                        new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet()), before);
        // a partial rebuild (serve) leaves the search index of the last full build as it is
        try (SearchIndexing search = scope.everything() ? searchFactory.apply(site) : SearchIndexing.none()) {
            // every page's Markdown, once: its links and anchors, its search document (the one analysis of its
            // text, shared by search and related pages), its body kept for the page when memory allows
            List<Page> toPrepare = patched ? changed.stream().sorted().map(site::page).flatMap(Optional::stream).toList()
                    : site.allPages();
            parallel(pool, toPrepare, p -> {
                pages.prepare(p, search);
                return Optional.empty();
            });
            if (out.hasErrors()) throw new BuildFailedException(out);
            stop("markdown", t);

            // related pages from the search index (a partial rebuild in serve reuses the last full build's cards)
            t = start("related");
            if (scope.everything() && !options.isCheck()) {
                search.commit();
                Map<String, Map<String, Double>> similar = search.similarPages(pool);
                pages.useRelated(similar == null ? Related.byTags(site) : Related.from(site, similar, pool));
            } else if (options.isCheck()) {
                pages.useRelated(Related.byTags(site)); // only decides which page shapes check renders
            }
            stop("related", t);

            // the client search index is exported (on threads of its own) while the pool renders the pages;
            // each file goes to the output as soon as it is made
            t = start("pages");
            java.util.concurrent.CompletableFuture<Void> searchFiles = scope.everything()
                    ? java.util.concurrent.CompletableFuture.runAsync(() -> search.finish(sink::write), Builder::ownThread)
                    : java.util.concurrent.CompletableFuture.completedFuture(null);
            parallel(pool, scope.everything() ? site.allPages() : pages.inScope(), p -> {
                pages.render(p);
                return Optional.empty();
            });
            if (out.hasErrors()) {
                searchFiles.cancel(true);
                throw new BuildFailedException(out);
            }
            stop("pages", t);
            t = start("lists");
            pages.writeLists(hasSearchPage, pool);
            if (scope.everything() || hubPagesAffected(scope, changed)) {
                pages.addHubPages(HubPages.write(site, views, engine, sink, out, hubSections, pages::introHtml));
            }
            pages.writeFeedsAndSitemap(pool);
            if (scope.everything()) copyStaticFiles(site, siteDir, sink, out);
            stop("lists", t);

            t = start("search");
            // a partial rebuild keeps the previous search index (it is remade by the next full build)
            join(searchFiles);
            stop("search", t);
        }
        if (out.hasErrors()) throw new BuildFailedException(out);
        if (published != null) {
            memo.previousSources = Set.copyOf(published.stream().map(Article::sourcePath).toList());
            Map<String, Article> good = new HashMap<>();
            for (Article a : published) good.put(a.sourcePath(), a);
            memo.lastGood = good;
        } else if (!replaced.isEmpty()) {
            Map<String, Article> good = new HashMap<>(before);
            good.putAll(replaced);
            memo.lastGood = good;
        }
        if (memo.keeps) {
            memo.site = site;
            memo.links = pages.linkState();
            memo.engine = engine;
            memo.assets = assets;
            memo.markdownRenderer = markdownRenderer;
            memo.footerConfig = config;
            memo.footerHtml = footer;
        }
        written.accept(scope);

        t = start("links");
        int broken = pages.checkLinks(options.isCheck());
        stop("links", t);
        if (out.hasErrors()) throw new BuildFailedException(out);
        return new BuildResult(out, pages.pagesWritten(), pages.filesWritten(), times, broken);
    }

    /** Reads and parses one file, or takes it from the memo when its time stamp and size are unchanged. */
    private Optional<Article> parseRemembered(Path p, ContentReader reader, Set<String> changed, Set<String> trusted,
                                              Set<String> forced, Set<String> withProblems, Diagnostics out) {
        String rel = reader.relative(p);
        BuildMemo.Parsed remembered = memo.parsed.get(rel);
        if (trusted != null && remembered != null && !trusted.contains(rel)) {
            out.addAll(remembered.problems());
            if (!remembered.problems().isEmpty()) withProblems.add(rel);
            return Optional.ofNullable(remembered.article());
        }
        long modified = -1;
        long size = -1;
        try {
            var attributes = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isSymbolicLink()) {
                modified = attributes.lastModifiedTime().toMillis();
                size = attributes.size();
            }
        } catch (IOException e) {
            // read() below reports it
        }
        BuildMemo.Parsed known = forced.contains(rel) ? null : memo.parsed.get(rel);
        if (known != null && modified >= 0 && known.modified() == modified && known.size() == size) {
            out.addAll(known.problems());
            if (!known.problems().isEmpty()) withProblems.add(rel);
            return Optional.ofNullable(known.article());
        }
        Diagnostics own = new Diagnostics();
        Optional<Article> article = reader.read(p, own).flatMap(s -> ArticleParser.parse(s, own, options.isCheck()));
        out.addAll(own.sorted());
        if (!own.sorted().isEmpty()) withProblems.add(rel);
        if (modified >= 0 && memo.keeps) memo.parsed.put(rel, new BuildMemo.Parsed(modified, size, article.orElse(null), own.sorted()));
        changed.add(rel);
        return article;
    }

    /**
     * True when the changed articles keep the site's shape: the same files as before, and each changed
     * article with the same URL, section, tags, date, weight and draft flag (so only its own page and the
     * cards showing it need re-rendering).
     */
    private boolean sameShape(List<Article> published, Map<String, Article> before, Set<String> changed) {
        if (memo.previousSources.isEmpty() || published.size() != memo.previousSources.size()) return false;
        for (Article a : published) {
            if (!memo.previousSources.contains(a.sourcePath())) return false;
            if (!changed.contains(a.sourcePath())) continue;
            Article old = before.get(a.sourcePath());
            if (old == null || !keepsShape(old, a)) return false;
        }
        return true;
    }

    /**
     * serve's quick path. When a watcher saw only edits of Markdown files the previous build published (or
     * drafts it left out), and each edit keeps the site's shape (see {@link #keepsShape}), parses those files
     * alone and returns the published ones by source path (also added to {@code changed}); the problems of
     * the other files are reported again from the memo. Null when the full content stage must run: nothing
     * to patch, a new, deleted or renamed file, an edit that changes the shape, or a file with errors.
     */
    private Map<String, Article> editsKeepingShape(Set<String> onlyChanged, SiteConfig config, Path siteDir,
                                                   ContentReader reader, Set<String> changed, Diagnostics out) {
        if (onlyChanged == null || memo.site == null || memo.links == null || memo.filesWithProblems == null
                || !config.equals(memo.site.config()) || !onlyModifiedKnownFiles(onlyChanged, siteDir)) {
            return null;
        }
        Map<String, Article> replaced = new HashMap<>();
        Map<String, List<dev.peerhub.diagnostic.Diagnostic>> problems = new HashMap<>();
        for (String rel : onlyChanged) {
            if (!rel.startsWith("content/")) continue; // a template: the scope names its pages
            Diagnostics own = new Diagnostics();
            Optional<Article> parsed = parseRemembered(siteDir.resolve(rel), reader, ConcurrentHashMap.newKeySet(), null,
                    onlyChanged, ConcurrentHashMap.newKeySet(), own);
            if (own.hasErrors()) return null; // the full stages report it with everything else
            problems.put(rel, own.sorted());
            Article a = parsed.filter(x -> options.drafts() || !x.draft()).orElse(null);
            Article old = memo.lastGood.get(rel);
            if (a == null && old == null) continue; // a draft that stays one
            if (a == null || old == null || !keepsShape(old, a)) return null;
            replaced.put(rel, a);
        }
        Set<String> withProblems = ConcurrentHashMap.newKeySet();
        withProblems.addAll(memo.filesWithProblems);
        problems.forEach((rel, list) -> {
            if (list.isEmpty()) withProblems.remove(rel);
            else withProblems.add(rel);
        });
        for (String rel : new java.util.TreeSet<>(withProblems)) {
            BuildMemo.Parsed p = memo.parsed.get(rel);
            if (p != null) out.addAll(p.problems());
        }
        memo.filesWithProblems = withProblems;
        changed.addAll(replaced.keySet());
        return replaced;
    }

    /**
     * True when {@code now} keeps the place {@code old} had: the same URL, section, tags, date, weight,
     * draft flag, aliases, kind, type and details, and for a section introduction the same title and summary
     * (which its section's list and every page of the section show).
     */
    private static boolean keepsShape(Article old, Article now) {
        return old.slug().equals(now.slug()) && old.section().equals(now.section()) && old.tags().equals(now.tags())
                && java.util.Objects.equals(old.date(), now.date()) && old.weight() == now.weight()
                && old.draft() == now.draft() && old.aliases().equals(now.aliases()) && old.kind() == now.kind()
                && old.type().equals(now.type()) && old.details().equals(now.details())
                && (now.kind() != Article.Kind.SECTION_INDEX
                    || (old.title().equals(now.title()) && old.summary().equals(now.summary())));
    }

    /** True when every changed path is a content file that exists and was known to the previous build. */
    private boolean onlyModifiedKnownFiles(Set<String> paths, Path siteDir) {
        for (String p : paths) {
            if (p.startsWith("templates/")) continue;
            if (!p.startsWith("content/") || !p.endsWith(".md") || !memo.parsed.containsKey(p)
                    || !Files.isRegularFile(siteDir.resolve(p))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hubPagesAffected(Scope scope, Set<String> changed) {
        for (String tpl : scope.templates()) if (!REQUIRED_TEMPLATES.contains(tpl) && !tpl.equals("search.ftlh")) return true;
        for (String src : changed) {
            if (src.startsWith("content/circles/") || src.startsWith("content/events/") || src.startsWith("content/library/")) {
                return true;
            }
        }
        return false;
    }

    private long start(String stage) {
        progress.accept(stage);
        stageCpuStart = processCpuNanos();
        return System.nanoTime();
    }

    private void stop(String stage, long startNanos) {
        long cpu = processCpuNanos();
        times.add(new BuildResult.StageTime(stage, (System.nanoTime() - startNanos) / 1_000_000,
                cpu < 0 || stageCpuStart < 0 ? -1 : (cpu - stageCpuStart) / 1_000_000));
        stageCpuStart = -1;
    }

    /** The process's CPU time when the current stage started, or -1. */
    private long stageCpuStart = -1;

    /** The whole process's CPU time (every thread, the JVM's own included) in nanoseconds, or -1 when unknown. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static SiteConfig loadConfig(Path siteDir, Diagnostics out) {
        Path file = siteDir.resolve(SiteConfigLoader.FILE);
        if (!Files.isRegularFile(file)) {
            out.error(SourcePosition.of(SiteConfigLoader.FILE), "no site.yml in " + siteDir
                    + " (is -s pointing at the site folder? it holds site.yml, content/ and templates/)");
            throw new BuildFailedException(out);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            Optional<SourceText> text = ContentReader.decode(SiteConfigLoader.FILE, bytes, out);
            Optional<SiteConfig> config = text.flatMap(s -> SiteConfigLoader.parse(s.text(), out));
            if (config.isEmpty() || out.hasErrors()) throw new BuildFailedException(out);
            return config.get();
        } catch (IOException e) {
            out.error(SourcePosition.of(SiteConfigLoader.FILE), "cannot read: " + e.getMessage());
            throw new BuildFailedException(out);
        }
    }

    private void scan(Path contentDir, ContentReader reader, List<Path> markdown, List<String> staticFiles,
                      Diagnostics out) {
        if (!Files.isDirectory(contentDir)) {
            out.error(SourcePosition.of("content"), "no content/ folder in the site: write guides as content/SECTION/NAME.md");
            return;
        }
        if (options.outDir() != null) {
            Path outAbs = options.outDir().toAbsolutePath().normalize();
            if (outAbs.startsWith(contentDir) || outAbs.startsWith(reader.siteRoot().resolve("templates"))
                    || reader.siteRoot().startsWith(outAbs)) {
                out.error(SourcePosition.of(reader.relative(outAbs)), "the output folder must not be inside content/ or"
                        + " templates/, nor contain the site: choose another folder with -o");
                return;
            }
        }
        // the walk's own look at each entry (not following links) says what it is: no second look for most
        Set<Path> links = new HashSet<>();
        try (Stream<Path> files = Files.find(contentDir, Integer.MAX_VALUE, (p, attributes) -> {
            if (attributes.isSymbolicLink()) {
                links.add(p);
                return !Files.isDirectory(p);
            }
            return !attributes.isDirectory();
        })) {
            files.sorted().forEach(p -> {
                if (ContentReader.isIgnored(p)) return;
                String rel = reader.relative(p);
                if (links.contains(p)) {
                    try {
                        if (!p.toRealPath().startsWith(reader.siteRoot())) {
                            out.error(SourcePosition.of(rel), "symbolic link leads outside the site folder (to "
                                    + p.toRealPath() + "); it is not read: copy the file into the site instead");
                            return;
                        }
                    } catch (IOException e) {
                        out.error(SourcePosition.of(rel), "broken symbolic link");
                        return;
                    }
                }
                if (rel.endsWith(".md")) markdown.add(p);
                else staticFiles.add(rel);
            });
        } catch (IOException | UncheckedIOException e) {
            out.error(SourcePosition.of("content"), "cannot list content/: " + e.getMessage());
        }
    }

    /** Maps items on the pool, keeping the input order. */
    static <T, R> List<R> parallel(ForkJoinPool pool, List<T> items, Function<T, Optional<R>> f) {
        return dev.peerhub.concurrent.Pools.map(pool, items.size(), i -> f.apply(items.get(i))).stream()
                .flatMap(Optional::stream).toList();
    }

    /** Runs {@code r} on a thread of its own (the search export, beside the pool's page rendering). */
    private static void ownThread(Runnable r) {
        Thread thread = new Thread(r, "peerhub-search-export");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Copies templates/assets: search/ keeps its names under /search/, the rest gets content-hashed names. */
    private static Assets copyAssets(Path templatesDir, String basePath, OutputSink sink, Diagnostics out) {
        Path dir = templatesDir.resolve("assets");
        Map<String, String> urls = new TreeMap<>();
        if (!Files.isDirectory(dir)) return new Assets(urls);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (ContentReader.isIgnored(p)) continue;
                if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(templatesDir.toRealPath().getParent())) {
                    out.error(SourcePosition.of("templates/assets/" + dir.relativize(p).toString().replace('\\', '/')),
                            "symbolic link leads outside the site folder; it is not published: copy the file into the site instead");
                    continue;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(p);
                if (rel.endsWith(".js") || rel.endsWith(".mjs")) { // published without their comment lines
                    bytes = dev.peerhub.render.JsComments.strip(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                String published;
                if (rel.startsWith("search/")) {
                    published = rel;
                } else {
                    int dot = rel.lastIndexOf('.');
                    String hash = sha256(bytes).substring(0, 10);
                    published = "assets/" + (dot > rel.lastIndexOf('/') ? rel.substring(0, dot) + "." + hash + rel.substring(dot)
                            : rel + "." + hash);
                }
                sink.write(new OutputFile(published, bytes));
                urls.put(rel, basePath + published);
            }
        } catch (IOException e) {
            out.error(SourcePosition.of("templates/assets"), "cannot copy assets: " + e.getMessage());
        }
        return new Assets(urls);
    }

    private static void copyStaticFiles(Site site, Path siteDir, OutputSink sink, Diagnostics out) {
        for (StaticFile f : site.files()) {
            try {
                sink.write(new OutputFile(f.outputPath(), Files.readAllBytes(siteDir.resolve(f.sourcePath()))));
            } catch (IOException e) {
                out.error(SourcePosition.of(f.sourcePath()), "cannot copy: " + e.getMessage());
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renders article pages, lists, feeds and the sitemap; remembers links and anchors for the checker. */
    private final class PageStage {
        private final Site site;
        private final ContentReader reader;
        private final MarkdownRenderer markdown;
        private final TemplateEngine engine;
        private final ViewFactory views;
        private final OutputSink sink;
        private final Diagnostics out;
        private final Map<String, Set<String>> anchorsByUrl;
        private final Map<String, List<FoundLink>> linksBySource;
        private final Map<String, String> introHtml;
        private final Map<String, String> feedBodies;
        private final Set<String> feedUrls;
        private final Map<Page, Neighbours> neighbours = new java.util.IdentityHashMap<>();
        private final SitemapWriter sitemap = new SitemapWriter();
        private final AtomicInteger pagesWritten = new AtomicInteger();
        private final AtomicInteger filesWritten = new AtomicInteger();
        private final Set<String> knownUrls;
        private Related relatedPages; // set by useRelated in a full build; else made by tags on first need
        private final Set<String> hubSections;
        private final Scope scope;
        private final Set<String> changed;
        private final Set<Page> neighboursOfChanged = new java.util.HashSet<>();
        /** A patched rebuild: the link state is the last build's, updated for the changed pages. */
        private final boolean patched;
        /** Set when a changed page's heading anchors differ from the last build's (links to it need a new look). */
        private final java.util.concurrent.atomic.AtomicBoolean anchorsChanged = new java.util.concurrent.atomic.AtomicBoolean();
        /** In a partial rebuild: the previous build's lists (all pages, each section's, each tag's) by list path. */
        private final Map<String, List<Page>> previousLists = new HashMap<>();
        /** Pages (source paths) showing a changed page among their related pages, when its card changed. */
        private final Set<String> showingChangedCard = new java.util.HashSet<>();

        /**
         * @param links  where the Markdown pass records what it finds (the last build's, for a patched rebuild)
         * @param before the articles of the previous build, by source path (to see whose card changed)
         */
        PageStage(Site site, ContentReader reader, MarkdownRenderer markdown, TemplateEngine engine, ViewFactory views,
                  OutputSink sink, Diagnostics out, Set<String> hubSections, Scope scope, Set<String> changed,
                  boolean patched, BuildMemo.LinkState links, Map<String, Article> before) {
            this.patched = patched;
            this.anchorsByUrl = links.anchorsByUrl();
            this.linksBySource = links.linksBySource();
            this.introHtml = links.introHtml();
            this.feedBodies = links.feedBodies();
            this.knownUrls = links.knownUrls();
            this.scope = scope;
            this.changed = changed;
            this.site = site;
            this.reader = reader;
            this.markdown = markdown;
            this.engine = engine;
            this.views = views;
            this.sink = sink;
            this.out = out;
            this.hubSections = hubSections;
            this.feedUrls = site.config().feed().fullContent()
                    ? Set.copyOf(site.pages().stream().limit(site.config().feed().limit()).map(Page::url).toList())
                    : Set.of();
            for (Section s : site.sections()) {
                List<Page> list = s.pages();
                for (int i = 0; i < list.size(); i++) {
                    neighbours.put(list.get(i), new Neighbours(i > 0 ? list.get(i - 1) : null,
                            i + 1 < list.size() ? list.get(i + 1) : null));
                    if (changed.contains(list.get(i).article().sourcePath())) {
                        if (i > 0) neighboursOfChanged.add(list.get(i - 1));
                        if (i + 1 < list.size()) neighboursOfChanged.add(list.get(i + 1));
                    }
                }
            }
            Site previous = memo.site;
            if (!scope.everything() && previous != null) {
                // lists as the served pages show them: a changed title can move a page among pages of one date
                previousLists.put("", previous.pages());
                for (Section s : previous.sections()) {
                    previousLists.put(s.path(), s.pages());
                    List<Page> list = s.pages();
                    for (int i = 0; i < list.size(); i++) { // the neighbours a changed page had link to it too
                        if (!changed.contains(list.get(i).article().sourcePath())) continue;
                        if (i > 0) site.page(list.get(i - 1).article().sourcePath()).ifPresent(neighboursOfChanged::add);
                        if (i + 1 < list.size()) site.page(list.get(i + 1).article().sourcePath()).ifPresent(neighboursOfChanged::add);
                    }
                }
                for (TagGroup g : previous.tags()) previousLists.put(g.path(), g.pages());
            }
            if (!scope.everything()) {
                for (String src : changed) {
                    Page now = site.page(src).orElse(null);
                    Article old = before.get(src);
                    if (now == null || old == null || now.article().kind() != Article.Kind.ARTICLE) continue;
                    if (!views.card(now).equals(views.card(new Page(old, now.path(), now.url(), now.permalink())))) {
                        showingChangedCard.addAll(memo.shownAsRelatedIn.getOrDefault(src, Set.of()));
                    }
                }
            }
        }

        private record Neighbours(Page previous, Page next) {}

        /** What the Markdown pass found, for the next rebuild. */
        BuildMemo.LinkState linkState() {
            return new BuildMemo.LinkState(anchorsByUrl, linksBySource, introHtml, feedBodies, knownUrls);
        }

        /** A section introduction's HTML by source path (empty when none). */
        String introHtml(String sourcePath) {
            return introHtml.getOrDefault(sourcePath, "");
        }

        /** Counts what {@link HubPages} wrote and lets the link checker and sitemap know its pages. */
        void addHubPages(HubPages.Written written) {
            filesWritten.addAndGet(written.files());
            pagesWritten.addAndGet(written.pageUrls().size());
            for (String url : written.pageUrls()) {
                knownUrls.add(url);
                sitemap.add(site.config().baseUrl() + url.substring(site.config().basePath().length()), "");
            }
        }

        int pagesWritten() {
            return pagesWritten.get();
        }

        int filesWritten() {
            return filesWritten.get();
        }

        private void write(String path, byte[] bytes) {
            sink.write(new OutputFile(path, bytes));
            filesWritten.incrementAndGet();
            if (path.endsWith(".html")) pagesWritten.incrementAndGet();
        }

        private final Set<String> shapes = ConcurrentHashMap.newKeySet();

        /**
         * True when a page with this model shape must be rendered. {@code check} renders one page of each
         * shape (what is null or empty in its model): a template fails on the shape of its model, not on
         * the words in it, so the other pages of that shape would report nothing new. A build renders all.
         */
        private boolean sampled(String shape) {
            return !options.isCheck() || shapes.add(shape);
        }

        /** The article pages re-rendered by this (partial) build. */
        List<Page> inScope() {
            if (scope.renders("article.ftlh")) return site.allPages();
            Set<Page> pages = new java.util.LinkedHashSet<>(neighboursOfChanged);
            for (String src : changed) site.page(src).ifPresent(pages::add);
            for (String src : showingChangedCard) site.page(src).ifPresent(pages::add);
            return List.copyOf(pages);
        }

        /** True when the page of {@code p} is re-rendered in this build. */
        private boolean inScope(Page p) {
            return scope.renders("article.ftlh") || changed.contains(p.article().sourcePath()) || neighboursOfChanged.contains(p)
                    || showingChangedCard.contains(p.article().sourcePath());
        }

        /**
         * True when items {@code from} to {@code to} of the list at {@code listPath} (empty: all pages) hold a
         * changed page or are not the pages the previous build had there (a changed title moved one).
         */
        private boolean sliceChanged(String listPath, List<Page> items, int from, int to) {
            if (listInScope("", items.subList(from, to))) return true;
            List<Page> old = previousLists.get(listPath);
            if (old == null) return !previousLists.isEmpty();
            if (old.size() != items.size()) return true;
            for (int i = from; i < to; i++) {
                if (!old.get(i).article().sourcePath().equals(items.get(i).article().sourcePath())) return true;
            }
            return false;
        }

        /** True when a list of {@code items} is re-rendered in this build. */
        private boolean listInScope(String template, List<Page> items) {
            if (scope.renders(template)) return true;
            for (Page p : items) if (changed.contains(p.article().sourcePath())) return true;
            return false;
        }

        /**
         * Renders the Markdown of {@code page} (or takes it from serve's memo), records its links, anchors,
         * feed body and sitemap entry, adds it to {@code search}, and keeps the body for {@link #render}
         * while the memory budget allows.
         */
        void prepare(Page page, SearchIndexing search) {
            Article a = page.article();
            // 'peerhub search' indexes through a check-like build: its pages need their text
            RenderedArticle r = markdownOf(page, search.indexes() && scope.everything());
            if (r == null) return;
            Set<String> anchorsBefore = anchorsByUrl.put(page.url(), r.anchors());
            if (patched && !r.anchors().equals(anchorsBefore)) anchorsChanged.set(true);
            linksBySource.put(a.sourcePath(), r.links());
            if (a.kind() != Article.Kind.ARTICLE) {
                introHtml.put(a.sourcePath(), r.html());
                return;
            }
            if (feedUrls.contains(page.url())) feedBodies.put(page.url(), r.html());
            knownUrls.add(page.url());
            if (scope.everything()) sitemap.add(page.permalink(), ViewFactory.iso(a.updated() != null ? a.updated() : a.date()));
            if (!inScope(page)) return;
            if (scope.everything()) { // (check has no search stage; 'peerhub search' indexes through a check-like build)
                search.add(new SearchDocument(page.url(), a.title(), a.summary(),
                        a.tags().stream().map(dev.peerhub.content.Tag::name).toList(), a.section(), a.type().key(),
                        a.date() == null ? java.time.LocalDate.of(1970, 1, 1) : a.date(), a.contentNote(), r.passages()));
            }
            // the page needs the body, not the plain text the search index had
            RenderedArticle kept = new RenderedArticle(a, r.html(), r.toc(), List.of(), List.of(), Set.of());
            long size = 2L * r.html().length() + 64;
            if (keptBytes.addAndGet(size) <= keepBudget) {
                keptBodies.put(page, new KeptBody(kept, null, 0));
                return;
            }
            keptBytes.addAndGet(-size);
            if (packedBytes.get() < packedBudget) {
                byte[] utf8 = r.html().getBytes(StandardCharsets.UTF_8);
                byte[] packed = Lz4.compress(utf8);
                packedBytes.addAndGet(packed.length + 64L);
                keptBodies.put(page, new KeptBody(new RenderedArticle(a, "", r.toc(), List.of(), List.of(), Set.of()),
                        packed, utf8.length));
            }
            // else rendered again by render(): the budgets bound memory on huge sites
        }

        /**
         * A body kept between {@link #prepare} and {@link #render}: {@code article} as it is, or, when
         * {@code packed} is not null, with its HTML LZ4-compressed there ({@code length} UTF-8 bytes).
         */
        private record KeptBody(RenderedArticle article, byte[] packed, int length) {
            RenderedArticle unpack() {
                if (packed == null) return article;
                String html = new String(Lz4.decompress(packed, length), StandardCharsets.UTF_8);
                return new RenderedArticle(article.article(), html, article.toc(), List.of(), List.of(), Set.of());
            }
        }

        /** Rendered bodies kept between {@link #prepare} and {@link #render}, by page. */
        private final Map<Page, KeptBody> keptBodies = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong keptBytes = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong packedBytes = new java.util.concurrent.atomic.AtomicLong();

        /**
         * The page's Markdown rendered: from serve's memo when unchanged, else read and rendered now (null when
         * unreadable). In check, only its links, anchors and table of contents unless {@code full}.
         */
        private RenderedArticle markdownOf(Page page, boolean full) {
            Article a = page.article();
            BuildMemo.Rendered known = memo.rendered.get(a.sourcePath());
            if (known != null && known.textHash() == a.textHash()) {
                if (!scope.everything()) return known.rendered();
                // serve, after a page was added or removed: the same text gives the same body unless one of its
                // links now resolves otherwise (to the new page, or to nothing)
                RenderedArticle k = known.rendered();
                if (memo.keeps && !options.isCheck() && MarkdownRenderer.resolvesAlike(a, k.links(), site)) {
                    return new RenderedArticle(a, k.html(), k.toc(), k.passages(), k.links(), k.anchors());
                }
            }
            Optional<SourceText> text = reader.read(reader.siteRoot().resolve(a.sourcePath()), out);
            if (text.isEmpty()) return null;
            if (text.get().text().hashCode() != a.textHash()) {
                out.error(SourcePosition.of(a.sourcePath()), "the file changed during the build; build again");
                return null;
            }
            String body = MarkdownBody.of(text.get().text(), a.bodyOffset(), a.hasFrontMatter(), a.title());
            // check: links, anchors and toc without HTML; the pages it renders get their HTML in render()
            boolean inspectOnly = options.isCheck() && !full && a.kind() == Article.Kind.ARTICLE;
            RenderedArticle r;
            try {
                r = inspectOnly ? markdown.inspect(a, body, site) : markdown.render(a, body, site);
            } catch (dev.peerhub.markdown.DeepStack.TooComplexException e) {
                out.error(SourcePosition.of(a.sourcePath()), e.getMessage());
                return null;
            }
            if (inspectOnly) return r;
            if (memo.keeps) memo.rendered.put(a.sourcePath(), new BuildMemo.Rendered(a.textHash(), r));
            return r;
        }

        /** Renders the page of an article {@link #prepare} saw (its template, its aliases). */
        void render(Page page) {
            Article a = page.article();
            if (a.kind() != Article.Kind.ARTICLE || !inScope(page)) return;
            KeptBody keptBody = keptBodies.remove(page);
            RenderedArticle r = keptBody == null ? null : keptBody.unpack();
            if (r == null) {
                if (!knownUrls.contains(page.url())) return; // unreadable: prepare reported it
                r = markdownOf(page, false);
                if (r == null) return;
            }
            Neighbours n = neighbours.getOrDefault(page, new Neighbours(null, null));
            List<Views.ArticleCard> related = related(page);
            if (!sampled("article|" + a.section() + "|" + a.type() + "|" + (n.previous() == null) + (n.next() == null)
                    + related.isEmpty() + a.draft() + (a.date() == null) + (a.updated() == null) + a.authors().isEmpty()
                    + a.contentNote().isEmpty() + a.tags().isEmpty() + r.toc().isEmpty() + a.aliases().isEmpty()
                    + "|" + a.details())) {
                pagesWritten.incrementAndGet(); // checked like its twins; rendering it again would find nothing new
                return;
            }
            if (options.isCheck()) {
                r = markdownOf(page, true); // the one page of this shape check renders: with its HTML
                if (r == null) return;
            }
            Models.ArticleModel model = new Models.ArticleModel(views.site(),
                    views.meta("article", a.title(), a.summary(), page.url(), "article", null, a.draft()),
                    views.article(page, r), n.previous() == null ? null : views.card(n.previous()),
                    n.next() == null ? null : views.card(n.next()), related);
            engine.render("article.ftlh", model, out).ifPresent(bytes -> write(page.path() + "index.html", bytes));
            for (String alias : a.aliases()) {
                String target = alias.substring(1);
                write(target.endsWith(".html") ? target : target + "index.html", redirect(page));
            }
        }

        /** The related pages of this full build. */
        void useRelated(Related related) {
            synchronized (this) {
                relatedPages = related;
            }
        }

        private List<Views.ArticleCard> related(Page page) {
            // a partial rebuild keeps the site's shape (same tags and dates), so related pages are as before; their
            // cards are made from this build's pages (a related page's new title shows)
            String src = page.article().sourcePath();
            List<String> known = scope.everything() ? null : memo.related.get(src);
            if (known != null) return known.stream().map(site::page).flatMap(Optional::stream).map(views::card).toList();
            List<Page> now = relatedNow(page);
            if (memo.keeps) memo.relate(src, now.stream().map(p -> p.article().sourcePath()).toList());
            return now.stream().map(views::card).toList();
        }

        private List<Page> relatedNow(Page page) {
            Related r;
            synchronized (this) {
                if (relatedPages == null) relatedPages = Related.byTags(site);
                r = relatedPages;
            }
            return r.of(page);
        }

        private byte[] redirect(Page to) {
            String u = to.url();
            String html = "<!DOCTYPE html>\n<html lang=\"" + dev.peerhub.render.Xml.escape(site.config().language())
                    + "\"><head><meta charset=\"utf-8\"><title>Moved</title><link rel=\"canonical\" href=\""
                    + dev.peerhub.render.Xml.escape(to.permalink()) + "\"><meta name=\"robots\" content=\"noindex\">"
                    + "<meta http-equiv=\"refresh\" content=\"0; url=" + dev.peerhub.render.Xml.escape(u) + "\"></head>"
                    + "<body><p>This page has moved to <a href=\"" + dev.peerhub.render.Xml.escape(u) + "\">"
                    + dev.peerhub.render.Xml.escape(to.article().title()) + "</a>.</p></body></html>\n";
            return html.getBytes(StandardCharsets.UTF_8);
        }

        void writeLists(boolean hasSearchPage, ForkJoinPool pool) {
            int per = site.config().paginate();
            // home
            Page home = site.home();
            List<Page> latestPages = latest(site.pages(), per);
            List<Views.TagLink> tagLinks = tagLinks();
            if (scope.renders("home.ftlh") || homeShowsAChange(home, latestPages, per)) {
                String homeIntro = home == null ? "" : introHtml.getOrDefault(home.article().sourcePath(), "");
                List<Views.ArticleCard> latest = latestPages.stream().map(views::card).toList();
                List<Views.SectionCard> sections = site.sections().stream().filter(s -> !s.key().contains("/"))
                        .map(this::sectionCard).toList();
                String homeTitle = home == null ? site.config().title() : home.article().title();
                Models.HomeModel homeModel = new Models.HomeModel(views.site(), views.meta("home", homeTitle,
                        home == null ? "" : home.article().summary(), site.config().basePath(), "website",
                        site.config().basePath() + "feed.xml", false), homeIntro, latest, sections, tagLinks,
                        HubPages.upcoming(site, views, 3));
                engine.render("home.ftlh", homeModel, out).ifPresent(b -> write("index.html", b));
            }
            knownUrls.add(site.config().basePath());
            sitemap.add(site.config().baseUrl(), "");

            // every page of every section's list on the pool (one section of a 10k site has 475 of them)
            List<Runnable> sectionPages = new ArrayList<>();
            for (Section s : site.sections()) {
                if (hubSections.contains(s.key())) continue; // HubPages writes the directory page instead
                String intro = s.index() == null ? "" : introHtml.getOrDefault(s.index().article().sourcePath(), "");
                List<Views.SectionCard> subs = site.sections().stream()
                        .filter(c -> c.key().startsWith(s.key() + "/") && !c.key().substring(s.key().length() + 1).contains("/"))
                        .map(this::sectionCard).toList();
                boolean render = scope.renders("section.ftlh")
                        || (s.index() != null && changed.contains(s.index().article().sourcePath()));
                int total = Math.max(1, (s.pages().size() + per - 1) / per);
                for (int n = 1; n <= total; n++) {
                    int page = n;
                    sectionPages.add(() -> paginatePage("section", s.title(), s.summary(), intro, s.pages(), s.path(), subs,
                            per, render, page, total));
                }
            }
            parallel(pool, sectionPages, r -> {
                r.run();
                return Optional.empty();
            });
            // tag pages on the pool (a 10k site has about a thousand); the sitemap sorts what they add
            parallel(pool, site.tags(), g -> {
                paginate("tag", g.tag().name(), "Pages tagged \u201c" + g.tag().name() + "\u201d", "", g.pages(), g.path(),
                        List.of(), per, scope.renders("tag.ftlh"));
                return Optional.empty();
            });
            Models.TagIndexModel tagIndex = new Models.TagIndexModel(views.site(), views.meta("tags", "Tags",
                    "Every topic on " + site.config().title(), site.config().basePath() + "tags/", "website", null, false),
                    tagLinks);
            if (scope.renders("tags.ftlh")) engine.render("tags.ftlh", tagIndex, out).ifPresent(b -> write("tags/index.html", b));
            knownUrls.add(site.config().basePath() + "tags/");
            sitemap.add(site.config().baseUrl() + "tags/", "");

            Models.BasicModel notFound = new Models.BasicModel(views.site(), new Views.PageMeta("404", "Page not found",
                    site.config().description(), site.config().basePath() + "404.html", site.config().baseUrl() + "404.html",
                    "website", null, true, false));
            if (scope.renders("404.ftlh")) engine.render("404.ftlh", notFound, out).ifPresent(b -> write("404.html", b));
            if (hasSearchPage && scope.renders("search.ftlh")) {
                Models.BasicModel search = new Models.BasicModel(views.site(), views.meta("search", "Search",
                        "Search " + site.config().title(), site.config().basePath() + "search/", "website", null, false));
                engine.render("search.ftlh", search, out).ifPresent(b -> write("search/index.html", b));
            }
            if (hasSearchPage) knownUrls.add(site.config().basePath() + "search/");
            String robots = "User-agent: *\nAllow: /\n\nSitemap: " + site.config().baseUrl() + "sitemap.xml\n";
            if (scope.everything()) write("robots.txt", robots.getBytes(StandardCharsets.UTF_8));
            site.files().forEach(f -> knownUrls.add(site.config().basePath() + f.outputPath()));
        }

        /** The newest pages the home page lists (not events or circles, which it shows as upcoming). */
        private static List<Page> latest(List<Page> pages, int per) {
            return pages.stream().filter(p -> !p.article().section().isEmpty() && !p.article().section().equals("events")
                    && !p.article().section().equals("circles")).limit(per).toList();
        }

        /**
         * True when this build changed what the home page shows: its introduction, its latest pages (one of
         * them, or their order), or an event (the upcoming ones). Sections and tags keep their shape in a
         * partial rebuild. Always true in a full build.
         */
        private boolean homeShowsAChange(Page home, List<Page> latest, int per) {
            if (scope.everything() || previousLists.isEmpty()) return true;
            if (changed.isEmpty()) return false;
            if (home != null && changed.contains(home.article().sourcePath())) return true;
            if (listInScope("", latest)) return true;
            List<Page> before = latest(previousLists.get(""), per);
            if (before.size() != latest.size()) return true;
            for (int i = 0; i < latest.size(); i++) {
                if (!before.get(i).article().sourcePath().equals(latest.get(i).article().sourcePath())) return true;
            }
            for (String src : changed) {
                if (src.startsWith("content/events/") || src.startsWith("content/circles/")) return true;
                if (site.page(src).map(p -> p.article().details() instanceof dev.peerhub.content.Event).orElse(false)) return true;
            }
            return false;
        }

        private Views.SectionCard sectionCard(Section s) {
            return new Views.SectionCard(s.title(), s.url(), s.summary(), s.pages().size());
        }

        private List<Views.TagLink> tagLinks() {
            return site.tags().stream().map(g -> new Views.TagLink(g.tag().name(), g.tag().slug(), g.url(), g.pages().size()))
                    .toList();
        }

        private void paginate(String kind, String title, String description, String intro, List<Page> items, String path,
                              List<Views.SectionCard> subs, int per, boolean render) {
            int total = Math.max(1, (items.size() + per - 1) / per);
            for (int n = 1; n <= total; n++) paginatePage(kind, title, description, intro, items, path, subs, per, render, n, total);
        }

        /** Page {@code n} of {@code total} of a list; thread-safe (the sitemap sorts what it is given). */
        private void paginatePage(String kind, String title, String description, String intro, List<Page> items, String path,
                                  List<Views.SectionCard> subs, int per, boolean render, int n, int total) {
            String base = site.config().basePath() + path;
            boolean sample = sampled(kind + "|" + (n == 1) + (n == total) + (n == 1 && !intro.isEmpty()) + (subs.isEmpty()));
            if ((!render && !sliceChanged(path, items, (n - 1) * per, Math.min(items.size(), n * per))) || !sample) {
                if (!sample) pagesWritten.incrementAndGet();
                String url = pageUrl(base, n);
                knownUrls.add(url);
                return;
            }
            List<Views.ArticleCard> cards = items.subList((n - 1) * per, Math.min(items.size(), n * per)).stream()
                    .map(views::card).toList();
            List<Views.PagerLink> links = Views.Pager.window(n, total, k -> pageUrl(base, k));
            Views.Pager pager = new Views.Pager(n, total, n > 1 ? pageUrl(base, n - 1) : null,
                    n < total ? pageUrl(base, n + 1) : null, links);
            String url = pageUrl(base, n);
            String feed = kind.equals("tag") ? base + "feed.xml" : null;
            Models.ListModel model = new Models.ListModel(views.site(), views.meta(kind,
                    n == 1 ? title : title + " (page " + n + " of " + total + ")", description, url, "website", feed, false),
                    title, n == 1 ? intro : "", cards, pager, n == 1 ? subs : List.of(), kind);
            String outPath = n == 1 ? path + "index.html" : path + "page/" + n + "/index.html";
            engine.render(kind.equals("tag") ? "tag.ftlh" : "section.ftlh", model, out).ifPresent(b -> write(outPath, b));
            knownUrls.add(url);
            sitemap.add(site.config().baseUrl() + url.substring(site.config().basePath().length()), "");
        }

        private static String pageUrl(String base, int n) {
            return n == 1 ? base : base + "page/" + n + "/";
        }

        void writeFeedsAndSitemap(ForkJoinPool pool) {
            var cfg = site.config();
            int limit = cfg.feed().limit();
            List<Page> newest = site.pages().stream().filter(p -> p.article().date() != null).limit(limit).toList();
            if (scope.everything() || sliceChanged("", site.pages(), 0, Math.min(site.pages().size(), limit))) {
                write("feed.xml", FeedWriter.atom(cfg, cfg.title(), cfg.baseUrl() + "feed.xml", cfg.baseUrl(), newest, feedBodies));
            }
            parallel(pool, site.tags(), g -> {
                if (!scope.everything() && !listInScope("", g.pages())
                        && !sliceChanged(g.path(), g.pages(), 0, Math.min(g.pages().size(), limit))) {
                    return Optional.empty(); // a partial rebuild: feeds showing a changed page
                }
                List<Page> tagged = g.pages().stream().filter(p -> p.article().date() != null).limit(limit).toList();
                String abs = cfg.baseUrl() + g.path();
                write(g.path() + "feed.xml", FeedWriter.atom(cfg, cfg.title() + ": " + g.tag().name(), abs + "feed.xml", abs,
                        tagged, feedBodies));
                return Optional.empty();
            });
            if (scope.everything()) write("sitemap.xml", sitemap.toBytes());
        }

        /** Links to a missing file that get a "did you mean" (each looks at every page once). */
        private static final int SUGGESTIONS = 50;
        private int suggested;

        /**
         * {@code " (did you mean '…'?)"} with the page whose source is closest to a link's missing Markdown
         * file (a misspelt name), written as the link was (relative, with its fragment) when the two are in
         * the same folder; or the empty string.
         */
        private String nearestPage(FoundLink l) {
            String missing = l.path();
            if (!missing.endsWith(".md")) return "";
            int allowed = dev.peerhub.diagnostic.DidYouMean.allowedDistance(missing); // others cannot be chosen
            List<String> near = site.allPages().stream().map(p -> p.article().sourcePath())
                    .filter(s -> Math.abs(s.length() - missing.length()) <= allowed).toList();
            return dev.peerhub.diagnostic.DidYouMean.closest(missing, near).map(found -> {
                String raw = l.raw();
                int hash = raw.indexOf('#');
                String file = hash < 0 ? raw : raw.substring(0, hash);
                int slash = missing.lastIndexOf('/');
                boolean sameFolder = found.lastIndexOf('/') == slash && found.startsWith(missing.substring(0, slash + 1));
                String shown = sameFolder && file.endsWith(missing.substring(slash + 1))
                        ? file.substring(0, file.length() - (missing.length() - slash - 1)) + found.substring(slash + 1)
                                + (hash < 0 ? "" : raw.substring(hash))
                        : found;
                return " (did you mean '" + shown + "'?)";
            }).orElse("");
        }

        /** Checks internal links and anchors; returns how many are broken. */
        int checkLinks(boolean each) {
            if (!each) return countBrokenLinks();
            suggested = 0;
            int broken = 0;
            List<String> firstFew = new ArrayList<>();
            Map<String, List<FoundLink>> ordered = new TreeMap<>(linksBySource);
            for (Map.Entry<String, List<FoundLink>> e : ordered.entrySet()) {
                for (FoundLink l : e.getValue()) {
                    String problem = switch (l.kind()) {
                        case MISSING_FILE -> "link to '" + l.raw() + "' leads nowhere: no such file in content/"
                                + (suggested++ < SUGGESTIONS ? nearestPage(l) : "");
                        case INTERNAL -> internalProblem(e.getKey(), l);
                        case IMAGE_WITHOUT_ALT -> each ? "image '" + l.raw() + "' has no alternative text: write"
                                + " ![what the image shows](" + l.raw() + ")" : null;
                        case REMOTE_IMAGE -> each ? "image '" + l.raw() + "' is loaded from another site, which tells"
                                + " that site about every reader; copy it into content/ instead" : null;
                        case EXTERNAL -> null;
                    };
                    if (problem == null) continue;
                    boolean isLink = l.kind() == FoundLink.Kind.MISSING_FILE || l.kind() == FoundLink.Kind.INTERNAL;
                    if (isLink) broken++;
                    if (each) {
                        if (isLink) out.error(l.at(), problem);
                        else out.warning(l.at(), problem);
                    } else if (firstFew.size() < 3) {
                        firstFew.add(l.at().toString());
                    }
                }
            }
            if (!each && broken > 0) {
                out.warning(SourcePosition.of("content"), broken + " broken internal link" + (broken == 1 ? "" : "s")
                        + " (first at " + String.join(", ", firstFew) + "); run 'peerhub check' to list them all");
            }
            return broken;
        }

        /**
         * Counts broken internal links for one warning (build, serve), remembering them by source file: a
         * patched rebuild looks again only at the changed files' links, unless a changed page's anchors changed.
         */
        private int countBrokenLinks() {
            boolean again = patched && memo.brokenLinks != null && !anchorsChanged.get();
            Map<String, List<SourcePosition>> broken = again ? memo.brokenLinks : new ConcurrentHashMap<>();
            for (String source : again ? changed : linksBySource.keySet()) {
                List<SourcePosition> at = new ArrayList<>();
                for (FoundLink l : linksBySource.getOrDefault(source, List.of())) {
                    boolean bad = switch (l.kind()) {
                        case MISSING_FILE -> true;
                        case INTERNAL -> internalProblem(source, l) != null;
                        case IMAGE_WITHOUT_ALT, REMOTE_IMAGE, EXTERNAL -> false;
                    };
                    if (bad) at.add(l.at());
                }
                if (at.isEmpty()) broken.remove(source);
                else broken.put(source, List.copyOf(at));
            }
            if (memo.keeps) memo.brokenLinks = broken;
            int count = 0;
            for (List<SourcePosition> at : broken.values()) count += at.size();
            if (count > 0) {
                List<String> firstFew = new ArrayList<>();
                for (List<SourcePosition> at : new TreeMap<>(broken).values()) {
                    for (SourcePosition p : at) if (firstFew.size() < 3) firstFew.add(p.toString());
                    if (firstFew.size() == 3) break;
                }
                out.warning(SourcePosition.of("content"), count + " broken internal link" + (count == 1 ? "" : "s")
                        + " (first at " + String.join(", ", firstFew) + "); run 'peerhub check' to list them all");
            }
            return count;
        }

        private String internalProblem(String source, FoundLink l) {
            if (l.path().isEmpty()) {
                Page self = site.page(source).orElse(null);
                if (self == null || l.fragment().isEmpty()) return null;
                Set<String> anchors = anchorsByUrl.getOrDefault(self.url(), Set.of());
                return anchors.contains(l.fragment()) ? null
                        : "link to '#" + l.fragment() + "' leads nowhere: this page has no heading with that id";
            }
            String target = l.path();
            if (!target.endsWith("/") && !target.contains(".")) target = target + "/";
            if (target.endsWith("/index.html")) target = target.substring(0, target.length() - "index.html".length());
            if (!knownUrls.contains(target) && !target.endsWith(".xml") && !target.startsWith(site.config().basePath() + "assets/")
                    && !target.startsWith(site.config().basePath() + "search/")) {
                return "link to '" + l.raw() + "' leads nowhere: no page at " + target;
            }
            if (!l.fragment().isEmpty()) {
                Set<String> anchors = anchorsByUrl.get(target);
                if (anchors != null && !anchors.contains(l.fragment())) {
                    return "link to '" + l.raw() + "': the page exists but has no heading with id '" + l.fragment() + "'";
                }
            }
            return null;
        }
    }

}

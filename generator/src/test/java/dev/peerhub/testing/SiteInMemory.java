package dev.peerhub.testing;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.config.SiteConfigLoader;
import dev.peerhub.content.Article;
import dev.peerhub.content.ArticleParser;
import dev.peerhub.content.ContentReader;
import dev.peerhub.content.MarkdownBody;
import dev.peerhub.content.SourceText;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.site.Page;
import dev.peerhub.site.Site;
import dev.peerhub.site.SiteAssembler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A site assembled in memory from a site folder or from inline files, without the builder: the content
 * and site stages only, with each page's Markdown body as the page stage derives it.
 *
 * @param site   the assembled site
 * @param bodies the Markdown body of every page ({@link Site#allPages()}), by source path
 */
public record SiteInMemory(Site site, Map<String, String> bodies) {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** Loads {@code siteDir} (its site.yml and content/), drafts included. */
    public static SiteInMemory load(Path siteDir) {
        try {
            Path root = siteDir.toRealPath();
            ContentReader reader = new ContentReader(root);
            Diagnostics out = new Diagnostics();
            List<SourceText> texts = new ArrayList<>();
            List<String> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root.resolve("content"))) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    if (ContentReader.isIgnored(p)) continue;
                    String rel = reader.relative(p);
                    if (rel.endsWith(".md")) reader.read(p, out).ifPresent(texts::add);
                    else files.add(rel);
                }
            }
            return assemble(Files.readString(root.resolve("site.yml")), texts, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A site of {@code files} given as path, text pairs (paths like {@code content/guides/a.md}). */
    public static SiteInMemory of(String config, String... files) {
        List<SourceText> texts = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            if (files[i].endsWith(".md")) texts.add(new SourceText(files[i], files[i + 1]));
            else other.add(files[i]);
        }
        return assemble(config, texts, other);
    }

    private static SiteInMemory assemble(String configText, List<SourceText> texts, List<String> files) {
        Diagnostics out = new Diagnostics();
        SiteConfig config = SiteConfigLoader.parse(configText, out).orElseThrow();
        List<Article> articles = new ArrayList<>();
        Map<String, String> textByPath = new LinkedHashMap<>();
        for (SourceText t : texts) {
            ArticleParser.parse(t, out, true).ifPresent(articles::add);
            textByPath.put(t.path(), t.text());
        }
        Site site = SiteAssembler.assemble(config, articles, files, TODAY, out);
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Page p : site.allPages()) {
            Article a = p.article();
            bodies.put(a.sourcePath(), MarkdownBody.of(textByPath.get(a.sourcePath()), a.bodyOffset(), a.hasFrontMatter(),
                    a.title()));
        }
        return new SiteInMemory(site, bodies);
    }
}

package dev.peerhub.site;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.markdown.LinkTargets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole site before rendering.
 *
 * @param config    the settings
 * @param pages     every published article page (not section introductions or the home page), newest first
 * @param home      the home page's introduction ({@code content/index.md}), or null
 * @param sections  sections in path order
 * @param tags      tags by slug
 * @param files     static files from {@code content/}
 * @param buildDate the date the build treats as today (events are upcoming or past relative to it)
 */
public record Site(SiteConfig config, List<Page> pages, Page home, List<Section> sections, List<TagGroup> tags,
                   List<StaticFile> files, LocalDate buildDate, Map<String, Page> bySource,
                   Map<String, String> fileUrls) implements LinkTargets {

    public Site {
        Objects.requireNonNull(config, "config");
        pages = List.copyOf(pages);
        sections = List.copyOf(sections);
        tags = List.copyOf(tags);
        files = List.copyOf(files);
        Objects.requireNonNull(buildDate, "buildDate");
        bySource = Map.copyOf(bySource);
        fileUrls = Map.copyOf(fileUrls);
    }

    /** Every page that gets its own HTML file from Markdown: articles, section introductions and home. */
    public List<Page> allPages() {
        List<Page> all = new java.util.ArrayList<>(pages);
        sections.stream().map(Section::index).filter(Objects::nonNull).forEach(all::add);
        if (home != null) all.add(home);
        return all;
    }

    @Override
    public Optional<String> pageUrl(String contentPath) {
        Page p = bySource.get(contentPath);
        if (p != null) return Optional.of(p.url());
        if (contentPath.endsWith("/_index.md")) {
            String key = contentPath.substring("content/".length(), contentPath.length() - "/_index.md".length());
            return section(key).map(Section::url);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> fileUrl(String contentPath) {
        return Optional.ofNullable(fileUrls.get(contentPath));
    }

    @Override
    public String basePath() {
        return config.basePath();
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The page of a content file, if it is published. */
    public Optional<Page> page(String contentPath) {
        return Optional.ofNullable(bySource.get(contentPath));
    }
}

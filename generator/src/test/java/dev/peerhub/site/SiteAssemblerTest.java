package dev.peerhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.config.SiteConfigLoader;
import dev.peerhub.content.Article;
import dev.peerhub.content.ArticleParser;
import dev.peerhub.content.SourceText;
import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.diagnostic.Diagnostics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteAssemblerTest {

    private final Diagnostics d = new Diagnostics();

    private Site site(String... files) {
        SiteConfig config = SiteConfigLoader.parse("title: T\nbase_url: https://x.example.org/hub/\n", d).orElseThrow();
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            ArticleParser.parse(new SourceText(files[i], files[i + 1]), d).ifPresent(articles::add);
        }
        return SiteAssembler.assemble(config, articles, List.of(), LocalDate.of(2026, 11, 23), d);
    }

    private List<String> problems() {
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void placesArticlesAtSectionAndSlugUrlsUnderTheBasePath() {
        Site s = site("content/guides/first-circle.md", "---\ntitle: First\ndate: 2024-01-01\n---\nx",
                "content/guides/other.md", "---\ntitle: Other\nslug: renamed\ndate: 2024-02-01\n---\nx",
                "content/about.md", "---\ntitle: About\n---\nx");
        assertEquals(List.of(), problems());
        assertEquals(List.of("/hub/guides/renamed/", "/hub/guides/first-circle/", "/hub/about/"),
                s.pages().stream().map(Page::url).toList());
        assertEquals("https://x.example.org/hub/guides/renamed/", s.pages().get(0).permalink());
        assertEquals(List.of("guides"), s.sections().stream().map(Section::key).toList());
        assertEquals("Guides", s.sections().get(0).title());
    }

    @Test
    void reportsTwoFilesClaimingOneUrl() {
        site("content/guides/a.md", "---\ntitle: A\nslug: same\n---\nx", "content/guides/same.md", "---\ntitle: B\n---\nx");
        assertEquals(List.of("content/guides/same.md: error: this file and content/guides/a.md both publish /hub/guides/same/"
                + " (change one file's name or its 'slug')"), problems());
    }

    @Test
    void mergesTagsThatDifferOnlyInCaseAndWarns() {
        Site s = site("content/g/a.md", "---\ntitle: A\ntags: [Peer support]\n---\nx",
                "content/g/b.md", "---\ntitle: B\ntags: [peer support]\n---\nx",
                "content/g/c.md", "---\ntitle: C\ntags: [peer  support]\n---\nx");
        assertEquals(1, s.tags().size());
        assertEquals("peer support", s.tags().get(0).tag().name());
        assertEquals(3, s.tags().get(0).pages().size());
        assertEquals(List.of("content/g/a.md: warning: tag \"Peer support\" differs from \"peer support\" only in case,"
                + " spacing or punctuation; both are shown as \"peer support\""), problems());
    }

    @Test
    void usesTheSectionIntroductionsTitleAndOrdersByWeightThenDate() {
        Site s = site("content/g/_index.md", "---\ntitle: Getting started\n---\nintro",
                "content/g/new.md", "---\ntitle: New\ndate: 2025-01-01\n---\nx",
                "content/g/old.md", "---\ntitle: Old\ndate: 2020-01-01\nweight: 1\n---\nx");
        Section g = s.section("g").orElseThrow();
        assertEquals("Getting started", g.title());
        assertEquals(List.of("Old", "New"), g.pages().stream().map(p -> p.article().title()).toList());
    }

    @Test
    void refusesAnAliasThatWouldReplaceAPage() {
        site("content/g/a.md", "---\ntitle: A\n---\nx", "content/g/b.md", "---\ntitle: B\naliases: [/g/a/]\n---\nx");
        assertTrue(problems().get(0).contains("alias /g/a/ is the address of content/g/a.md"), problems().toString());
    }
}

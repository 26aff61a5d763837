package dev.peerhub.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.config.SiteConfig;
import dev.peerhub.config.SiteConfigLoader;
import dev.peerhub.content.Article;
import dev.peerhub.content.ArticleParser;
import dev.peerhub.content.SourceText;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.site.Related;
import dev.peerhub.site.Site;
import dev.peerhub.site.SiteAssembler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The related-pages pre-pass over a generated site, in memory (no files): reports its time and fails
 * if it takes more than a generous bound. 2,000 articles by default to keep the suite lean on two shared
 * cores; {@code -Dpeerhub.related.articles=10000} measures the 10k case.
 */
class RelatedScaleTest {

    static final int ARTICLES = Integer.getInteger("peerhub.related.articles", 2_000);
    /** Generous: the suite shares two cores with other work; at 10k the bound is 90 s. */
    static final long BOUND_MS = 9L * ARTICLES;

    @Test
    void aLargeSiteStaysWellWithinTheBuildBudget() {
        Diagnostics out = new Diagnostics();
        SiteConfig config = SiteConfigLoader.parse("title: Big\nbase_url: https://big.example.org/\nlanguage: en\n", out)
                .orElseThrow();
        Random random = new Random(42);
        String[] words = ("integration circle sleep insomnia nightmare anxiety grief family partner friend work meaning"
                + " music nature breath journal walk therapy peer listen share agreement boundary trust safety risk"
                + " setting body panic fear calm support group host online room donation budget training story"
                + " research survey worksheet reflection memory change relationship").split(" ");
        List<Article> articles = new ArrayList<>();
        Map<String, String> bodies = new HashMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 600; w++) {
                // Common words everywhere, rarer words (with a number) tying a few pages together.
                b.append(random.nextInt(5) == 0 ? "topic" + random.nextInt(2000) : words[random.nextInt(words.length)])
                        .append(w % 14 == 13 ? ".\n" : " ");
            }
            String path = "content/guides/g" + i + ".md";
            String text = "---\ntitle: \"Guide " + i + "\"\ndate: 2026-01-01\ntags: [t" + (i % 300) + "]\n---\n" + b;
            articles.add(ArticleParser.parse(new SourceText(path, text), out).orElseThrow());
            bodies.put(path, b.toString());
        }
        Site site = SiteAssembler.assemble(config, articles, List.of(), LocalDate.of(2026, 11, 23), out);
        int cores = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(cores);
        long t0 = System.nanoTime();
        Related related;
        try {
            related = Related.compute(site, p -> bodies.get(p.article().sourcePath()), pool);
        } finally {
            pool.shutdown();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("[related] " + ARTICLES + " articles of 600 words: pre-pass took " + ms + " ms on " + cores
                + " cores");
        assertEquals(Related.LIMIT, related.of(site.pages().getFirst()).size());
        assertTrue(ms < BOUND_MS, "related pre-pass took " + ms + " ms");
    }
}

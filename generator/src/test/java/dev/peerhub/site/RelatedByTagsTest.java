package dev.peerhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.SiteInMemory;
import dev.peerhub.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RelatedByTagsTest {

    private static void assertSameAsRelatedByTags(Site site) {
        Related expected = Related.from(site, java.util.Map.of(), null);
        Related actual = RelatedByTags.compute(site);
        for (Page p : site.allPages()) {
            assertEquals(expected.of(p).stream().map(Page::url).toList(), actual.of(p).stream().map(Page::url).toList(),
                    p.url());
        }
    }

    @Test
    void choosesTheSamePagesAsRelatedByTagsOnTheSampleHub() {
        SiteInMemory hub = SiteInMemory.load(TestSite.repo());
        assertTrue(hub.site().pages().size() > 20);
        assertSameAsRelatedByTags(hub.site());
    }

    /** {@code -Dpeerhub.compare.site=DIR} compares the two on another site too, such as a generated 10k corpus. */
    @Test
    void choosesTheSamePagesAsRelatedByTagsOnTheSiteGivenBySystemProperty() {
        String dir = System.getProperty("peerhub.compare.site");
        Assumptions.assumeTrue(dir != null, "no -Dpeerhub.compare.site");
        Site site = SiteInMemory.load(Path.of(dir)).site();
        assertSameAsRelatedByTags(site);
        System.out.println("[related] " + dir + ": same related pages by tags for " + site.pages().size() + " pages");
    }

    @Test
    void choosesTheSamePagesAsRelatedByTagsWhenTiesAreBrokenByUrl() {
        // many pages sharing few tags: most candidates tie on score, so the URL order decides
        for (int tagCount : new int[] {1, 3, 12, 60}) {
            Random random = new Random(tagCount);
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                int n = random.nextInt(5); // 0 to 4 tags, some pages with none
                List<String> tags = new ArrayList<>();
                for (int k = 0; k < n; k++) tags.add("\"Topic " + random.nextInt(tagCount) + "\"");
                files.add("content/s" + (i % 4) + "/page-" + random.nextInt(100_000) + "-" + i + ".md");
                files.add("---\ntitle: Page " + i + "\ndate: 2026-01-" + (10 + i % 18) + "\ntags: [" + String.join(", ",
                        tags.stream().distinct().toList()) + "]\nsummary: s\n---\nText.\n");
            }
            Site site = SiteInMemory.of(TestSite.MINIMAL_CONFIG, files.toArray(String[]::new)).site();
            assertEquals(240, site.pages().size());
            assertSameAsRelatedByTags(site);
        }
    }

    @Test
    void givesNoRelatedPagesWhenNoOtherPageSharesATag() {
        Site site = SiteInMemory.of(TestSite.MINIMAL_CONFIG,
                "content/g/a.md", "---\ntitle: A\ntags: [Alone]\n---\nx",
                "content/g/b.md", "---\ntitle: B\ntags: [Pair]\n---\nx",
                "content/g/c.md", "---\ntitle: C\ntags: [pair, Other]\n---\nx",
                "content/g/d.md", "---\ntitle: D\n---\nx").site();
        Related r = RelatedByTags.compute(site);
        assertEquals(List.of(), r.of(site.page("content/g/a.md").orElseThrow()));
        assertEquals(List.of("/g/c/"), r.of(site.page("content/g/b.md").orElseThrow()).stream().map(Page::url).toList());
        assertEquals(List.of(), r.of(site.page("content/g/d.md").orElseThrow()));
        assertSameAsRelatedByTags(site);
    }
}

package dev.peerhub.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedPagesTest {

    static String guide(String title, String tags, String body) {
        return "---\ntitle: \"" + title + "\"\ndate: 2026-01-01\ntags: [" + tags + "]\n---\n" + body + "\n";
    }

    static List<String> related(TestSite site, String path) {
        return site.html(path).select("section.related a").stream().map(Element::text).toList();
    }

    @Test
    void relatedGuidesAreChosenByContentSimilarityWithoutSharedTags(@TempDir Path dir) {
        TestSite site = TestSite.create(dir,
                "content/guides/sleep.md", guide("Sleeping after a hard night", "rest",
                        "Insomnia and nightmares after a frightening trip. Sleep hygiene, dark rooms, insomnia diaries,"
                                + " melatonin questions for your doctor, nightmares that fade."),
                "content/guides/nightmares.md", guide("When nightmares return", "dreams",
                        "Nightmares and insomnia weeks later. Keep a sleep diary; insomnia eases; talk about the"
                                + " nightmares in a circle."),
                "content/guides/money.md", guide("Paying for a venue", "admin",
                        "Room hire, donations, budgets and receipts for a circle treasurer."),
                "content/guides/budget.md", guide("A simple budget", "admin2",
                        "Budgets, receipts, donations and room hire costs explained for treasurers."));
        assertEquals(0, site.build().code());
        assertEquals("When nightmares return", related(site, "guides/sleep/").getFirst());
        assertEquals("A simple budget", related(site, "guides/money/").getFirst());
    }

    @Test
    void sharedTagsCountTooAndTheListIsCappedAtFive(@TempDir Path dir) {
        String[] files = new String[16];
        for (int i = 0; i < 8; i++) {
            files[2 * i] = "content/guides/g" + i + ".md";
            files[2 * i + 1] = guide("Guide " + i, "shared", "Text number " + i + " about something unrelated " + i);
        }
        TestSite site = TestSite.create(dir, files);
        assertEquals(0, site.build().code());
        assertEquals(5, related(site, "guides/g0/").size());
        assertTrue(!related(site, "guides/g0/").contains("Guide 0"));
    }

    @Test
    void relatedListsAreTheSameOnEveryBuild(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, corpus(60, new Random(7)));
        assertEquals(0, site.build().code());
        String first = site.read("guides/g3/index.html");
        assertEquals(0, site.build().code());
        assertEquals(first, site.read("guides/g3/index.html"));
    }

    /** {@code n} guides of generated text from a small vocabulary, with a few tags each. */
    static String[] corpus(int n, Random random) {
        String[] words = ("integration circle sleep insomnia nightmare anxiety grief family partner friend work meaning"
                + " music nature breath journal walk therapy peer listen share agreement boundary trust safety risk"
                + " dose setting body panic fear calm support group host online room donation budget training"
                + " story research survey worksheet reflection memory change relationship").split(" ");
        String[] files = new String[2 * n];
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 400; w++) {
                b.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ".\n" : " ");
            }
            files[2 * i] = "content/guides/g" + i + ".md";
            files[2 * i + 1] = guide("Guide " + i + " " + words[i % words.length], "t" + (i % 40) + ", u" + (i % 7),
                    b.toString());
        }
        return files;
    }
}

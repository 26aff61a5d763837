package dev.peerhub.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.peerhub.content.Article;
import dev.peerhub.content.Details;
import dev.peerhub.content.ResourceType;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LinkLabels} finds the link labels Flexmark's own pattern finds, and finds them at once where the
 * pattern backtracks for minutes.
 */
class LinkLabelsTest {
    private static final Pattern FLEXMARK = new Parsing(new MutableDataSet()).LINK_LABEL;

    /** What Flexmark's pattern matches at {@code start}: its length, or 0 (as {@code LightInlineParserImpl.match}). */
    private static int byPattern(String s, int start) {
        Matcher m = FLEXMARK.matcher(s);
        m.region(start, s.length());
        return m.find() ? m.end() - m.start() : 0;
    }

    @Test
    void theSameLabelsAsFlexmarksPattern() {
        Random r = new Random(17);
        String[] alphabet = {"[", "]", "\\", "a", " ", "!", "\n", "\\]", "\\[", "\\\\", "é", "]:"};
        int compared = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder(r.nextInt(4) == 0 ? "x" : "");
            int n = r.nextInt(14);
            for (int k = 0; k < n; k++) s.append(alphabet[r.nextInt(alphabet.length)]);
            String text = s.toString();
            for (int start = 0; start < text.length(); start++) {
                assertEquals(byPattern(text, start), LinkLabels.length(BasedSequence.of(text), start),
                        () -> "label in " + text.replace("\n", "\\n"));
                compared++;
            }
        }
        assertTrue(compared > 100_000);
    }

    @Test
    void theRepetitionLimit() {
        for (int inside : new int[] {997, 998, 999, 1000, 1001}) {
            for (String piece : new String[] {"a", "\\]", "\\", "ab"}) {
                String text = "[" + piece.repeat(inside / piece.length()) + "]" + "tail]";
                assertEquals(byPattern(text, 0), LinkLabels.length(text, 0), () -> piece + " x " + inside);
                String escaped = "[" + "a".repeat(inside - 1) + "\\]" + "]";
                assertEquals(byPattern(escaped, 0), LinkLabels.length(escaped, 0), () -> "escape at " + inside);
            }
        }
    }

    /** Labels that never close, which sent the pattern through every way of reading their backslashes. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void unclosedLabelsAreFoundAtOnce() {
        for (String text : new String[] {"[" + "\\".repeat(5_000), "[" + "a\\".repeat(3_000), "[" + "\\\\\\x".repeat(2_000),
                "[" + "\\]".repeat(3_000) + "[", "[" + "\\".repeat(3_000) + "]"}) {
            int n = LinkLabels.length(text, 0);
            assertTrue(n >= 0 && n <= text.length());
        }
        assertEquals(0, LinkLabels.length("[" + "\\".repeat(60), 0));
        assertEquals(3, LinkLabels.length("[\\]", 0));
    }

    /** A page with such a paragraph builds. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aPageWithAnUnclosedLabelRenders() {
        MarkdownRenderer renderer = new MarkdownRenderer();
        Article article = new Article("content/guides/a.md", "guides", "a", Article.Kind.ARTICLE, "A", null, null,
                List.of(), false, "", "a", List.of(), ResourceType.GUIDE, "", List.of(), 0, 5, 0, 0, 0, true, Details.NONE);
        LinkTargets none = TestTargets.of(java.util.Map.of());
        for (String body : new String[] {"[" + "\\\\".repeat(60), "[" + "a\\\\".repeat(200) + "\n\nnext", "[x\\]: /y\n\n[x\\]"}) {
            RenderedArticle r = renderer.render(article, body, none);
            assertTrue(r.html().contains("["), r.html());
        }
    }
}

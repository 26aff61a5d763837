package dev.peerhub.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private final Diagnostics d = new Diagnostics();

    private Optional<Article> parse(String path, String text) {
        return ArticleParser.parse(new SourceText(path, text), d);
    }

    private List<String> problems() {
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void readsTheSeedArticlesFrontMatter() {
        Article a = parse("content/guides/peer.md", """
                ---
                title: 'The Role of Peer Support'
                date: '2023-10-08'
                tags: ['Psychedelics', 'Peer Support', 'Mental Health']
                draft: false
                summary: 'Dive into peer support.'
                ---

                # The Role of Peer Support

                ## Introduction

                Text here.
                """).orElseThrow();
        assertEquals(List.of(), problems());
        assertEquals("The Role of Peer Support", a.title());
        assertEquals(LocalDate.of(2023, 10, 8), a.date());
        assertEquals(List.of("psychedelics", "peer-support", "mental-health"), a.tags().stream().map(Tag::slug).toList());
        assertEquals("guides", a.section());
        assertEquals("peer", a.slug());
        assertEquals(Article.Kind.ARTICLE, a.kind());
        assertEquals(8, a.bodyLine());
        assertFalse(MarkdownBody.of(new SourceText("x", "").text() + "", 0, true, a.title()).contains("# The Role"));
    }

    @Test
    void acceptsUnquotedDatesAndFullIsoDateTimes() {
        assertEquals(LocalDate.of(2024, 5, 1), parse("content/a.md", "---\ntitle: A\ndate: 2024-05-01\n---\nx").orElseThrow().date());
        assertEquals(LocalDate.of(2024, 5, 1),
                parse("content/b.md", "---\ntitle: B\ndate: 2024-05-01T10:30:00+02:00\n---\nx").orElseThrow().date());
        assertEquals(LocalDate.of(2024, 5, 1),
                parse("content/c.md", "---\ntitle: C\ndate: \"2024-05-01 10:30\"\n---\nx").orElseThrow().date());
        assertEquals(List.of(), problems());
    }

    @Test
    void refusesAnImpossibleDate() {
        assertTrue(parse("content/a.md", "---\ntitle: A\ndate: 2023-02-30\n---\nx").isEmpty());
        assertEquals(List.of("content/a.md:3:7: error: 'date' is not a real date: \"2023-02-30\" (February 2023 has 28 days)"),
                problems());
    }

    @Test
    void refusesWordsAsADate() {
        assertTrue(parse("content/guides/first-circle.md", "---\ntitle: A\ndate: tomorrow\n---\nx").isEmpty());
        assertEquals(List.of("content/guides/first-circle.md:3:7: error: 'date' must be a date like 2024-05-01, got \"tomorrow\""),
                problems());
    }

    @Test
    void refusesTagsGivenAsOneString() {
        assertTrue(parse("content/a.md", "---\ntitle: A\ntags: peer support, circles\n---\nx").isEmpty());
        assertEquals(List.of("content/a.md:3:7: error: 'tags' must be a list like [peer support, ...], got the text \"peer support, circles\""),
                problems());
    }

    @Test
    void refusesATitleThatIsAListOrANumber() {
        assertTrue(parse("content/a.md", "---\ntitle: [a, b]\n---\nx").isEmpty());
        assertTrue(parse("content/b.md", "---\ntitle: 42\n---\nx").isEmpty());
        assertEquals(List.of("content/a.md:2:8: error: 'title' must be text, got a list",
                "content/b.md:2:8: error: 'title' must be text, got the number 42"), problems());
    }

    @Test
    void refusesASlugThatLeavesItsFolder() {
        assertTrue(parse("content/a.md", "---\ntitle: A\nslug: ../../etc\n---\nx").isEmpty());
        assertTrue(parse("content/b.md", "---\ntitle: B\nslug: /abs\n---\nx").isEmpty());
        assertEquals(List.of(
                "content/a.md:3:7: error: 'slug' must be one URL segment of lower-case letters, digits and hyphens like starting-a-circle, got \"../../etc\"",
                "content/b.md:3:7: error: 'slug' must be one URL segment of lower-case letters, digits and hyphens like starting-a-circle, got \"/abs\""),
                problems());
    }

    @Test
    void buildsAFileWithoutFrontMatterAndSaysSo() {
        Article a = parse("content/guides/plain.md", "Building Community\n\nIntro paragraph here.\n\nThe Need\n\nA longer paragraph follows here.\n")
                .orElseThrow();
        assertEquals("Building Community", a.title());
        assertNull(a.date());
        assertEquals("Intro paragraph here.", a.summary());
        assertEquals(List.of("content/guides/plain.md:1:1: warning: no front matter: the title is taken from the first line"
                + " (\"Building Community\"); add front matter with title, date, tags and summary"), problems());
        String body = MarkdownBody.of("Building Community\n\nIntro paragraph here.\n\nThe Need\n\nA longer paragraph follows here.\n",
                0, false, a.title());
        assertTrue(body.contains("## The Need"), body);
        assertFalse(body.contains("Building Community"), body);
    }

    @Test
    void reportsFrontMatterThatNeverCloses() {
        assertTrue(parse("content/a.md", "---\ntitle: A\n\nBody text").isEmpty());
        assertEquals(List.of("content/a.md:1:1: error: front matter starts with '---' on line 1 but has no closing '---' line"
                + " (add a line with just --- after the last key)"), problems());
    }

    @Test
    void warnsAboutUnknownKeysWithASuggestion() {
        parse("content/a.md", "---\ntitle: A\nsumary: x\n---\nx");
        assertEquals(List.of("content/a.md:3:1: warning: unknown key 'sumary' (did you mean 'summary'?)"), problems());
    }

    @Test
    void derivesTheSummaryFromTheFirstParagraph() {
        Article a = parse("content/a.md", "---\ntitle: A\n---\n\n## Heading\n\nFirst **bold** [link](x.md) words.\n\nSecond.")
                .orElseThrow();
        assertEquals("First bold link words.", a.summary());
    }

    @Test
    void marksIndexFiles() {
        assertEquals(Article.Kind.HOME, parse("content/index.md", "---\ntitle: Home\n---\nx").orElseThrow().kind());
        assertEquals(Article.Kind.SECTION_INDEX, parse("content/guides/_index.md", "---\ntitle: G\n---\nx").orElseThrow().kind());
    }

    @Test
    void leavesOutAnEmptyFileWithAWarning() {
        assertTrue(parse("content/a.md", "  \n").isEmpty());
        assertEquals(List.of("content/a.md: warning: empty file: nothing to publish, so it is left out"), problems());
    }

    @Test
    void decodingStripsAByteOrderMarkAndNormalisesLineEnds() {
        byte[] bytes = "\uFEFF---\r\ntitle: A\r\ndate: 2024-01-01\r\n---\r\nBody\r\n".getBytes(StandardCharsets.UTF_8);
        SourceText s = ContentReader.decode("content/a.md", bytes, d).orElseThrow();
        assertEquals("---\ntitle: A\ndate: 2024-01-01\n---\nBody\n", s.text());
        assertEquals("A", ArticleParser.parse(s, d).orElseThrow().title());
    }

    @Test
    void refusesBytesThatAreNotUtf8WithTheirPosition() {
        byte[] bytes = "---\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(ContentReader.decode("content/a.md", bytes, d).isEmpty());
        assertEquals(List.of("content/a.md:2:11: error: the file is not UTF-8 text: byte 0xE9 cannot start or continue a"
                + " UTF-8 character (save the file as UTF-8)"), problems());
    }

    @Test
    void refusesABinaryFile() {
        assertTrue(ContentReader.decode("content/a.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, d).isEmpty());
        assertEquals(List.of("content/a.md: error: this looks like a binary file (it contains NUL bytes), not Markdown text"),
                problems());
    }

    @Test
    void slugsAreUrlFriendly() {
        assertEquals("peer-support-you", Slug.of("Peer Support & You!"));
        assertEquals("cafe-naive", Slug.of("Café naïve"));
        assertEquals("writers-guide", Slug.of("Writer's guide"));
        assertEquals("untitled", Slug.of("!!!"));
    }
}

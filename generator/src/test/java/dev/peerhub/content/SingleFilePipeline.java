package dev.peerhub.content;

import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.markdown.LinkTargets;
import dev.peerhub.markdown.MarkdownRenderer;
import java.util.Optional;

/** The single-file pipeline the fuzzers drive: bytes -> text -> article -> HTML, as the builder runs it. */
final class SingleFilePipeline {

    private static final LinkTargets TARGETS = new LinkTargets() {
        @Override
        public Optional<String> pageUrl(String contentPath) {
            return contentPath.endsWith("exists.md") ? Optional.of("/guides/exists/") : Optional.empty();
        }

        @Override
        public Optional<String> fileUrl(String contentPath) {
            return contentPath.endsWith(".png") ? Optional.of("/guides/pic.png") : Optional.empty();
        }

        @Override
        public String basePath() {
            return "/";
        }
    };

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Runs one file through; every problem must end up in {@code out}, never as an exception. */
    void run(String path, byte[] bytes, Diagnostics out) {
        Optional<SourceText> text = ContentReader.decode(path, bytes, out);
        if (text.isEmpty()) return;
        Optional<Article> article = ArticleParser.parse(text.get(), out);
        if (article.isEmpty()) return;
        Article a = article.get();
        String body = MarkdownBody.of(text.get().text(), a.bodyOffset(), a.hasFrontMatter(), a.title());
        renderer.render(a, body, TARGETS);
    }

    /** Builds a file from fragments that reach the parsers' corners: YAML keys, values, flow syntax, Markdown. */
    static String assemble(IntSource pick) {
        StringBuilder sb = new StringBuilder();
        if (pick.next(10) > 0) {
            sb.append(pick.next(6) == 0 ? "---   \n" : "---\n");
            int keys = pick.next(8);
            for (int i = 0; i < keys; i++) {
                sb.append(KEYS[pick.next(KEYS.length)]).append(": ").append(VALUES[pick.next(VALUES.length)]).append(NL[pick.next(NL.length)]);
            }
            if (pick.next(8) > 0) sb.append(pick.next(5) == 0 ? "...\n" : "---\n");
        }
        int blocks = pick.next(8);
        for (int i = 0; i < blocks; i++) sb.append(MARKDOWN[pick.next(MARKDOWN.length)]).append(NL[pick.next(NL.length)]);
        return sb.toString();
    }

    /** A source of small choices (Jazzer's data provider or a seeded random). */
    interface IntSource {
        /** A number in [0, bound). */
        int next(int bound);
    }

    static final String[] KEYS = {"title", "date", "updated", "tags", "draft", "summary", "slug", "authors", "type",
            "content_note", "aliases", "weight", "tittle", "", "\"quoted key\"", "? complex", "<<", "starts", "ends", "where",
            "online", "price", "host", "contact", "meets", "url", "year", "isbn", "&anchor title", "*alias", "title\t", "- item"};
    static final String[] VALUES = {"A title", "\"unclosed", "'single'", "[a, b]", "{a: 1}", "2024-05-01", "2023-02-30",
            "2024-13-45", "tomorrow", "42", "-1", "1e400", "0x1F", "true", "yes", "null", "~", "", "|\n  block\n  text",
            ">-\n  folded", "&a [1, 2]", "*a", "*undefined", "!!java.lang.ProcessBuilder [\"x\"]", "!!str 5", "!!binary aGk=",
            "!custom x", "[" .repeat(30), "]]]", "\"\\u0000\"", "\"\\uD800\"", "../../etc/passwd", "/abs/path/", "a-b-c",
            "2024-05-01T19:00", "2024-05-01T25:61", "19:00", "\t", "\"😀 emoji\"", "[/old/, /old/../x/]", "café",
            "{{title}}", "${x}", "<script>alert(1)</script>", "[[[]]]", "- a\n- b", "? x\n: y", "'it''s'", "@at", "`tick`",
            "%YAML 1.2", "\u00a0", "\ufeff", "\u2028"};
    static final String[] MARKDOWN = {"# Heading", "## Heading {#custom}", "Paragraph text.", "[link](exists.md)",
            "[broken](missing.md#x)", "[anchor](#nowhere)", "![](pic.png)", "![alt](https://remote/x.png)", "<div>html</div>",
            "```\ncode\n", "```java\ncode\n```", "| a | b |\n|---|---|\n| 1 | 2 |", "[^1]\n\n[^1]: note", "Term\n: definition",
            "> quote", "- list\n  - nested", "1. one", "***", "~~strike~~", "<https://example.org>", "&amp; &#0; &#xD800;",
            "[x]: <> \"title\"", "[x][y]", "\\", "*", "_", "<!--", "---", "#", "[", "![", "](", "<", "\u0000", "\ud83d"};
    static final String[] NL = {"\n", "\r\n", "\r", "", "\n\n"};
}

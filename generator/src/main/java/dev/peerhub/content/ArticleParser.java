package dev.peerhub.content;

import dev.peerhub.diagnostic.DidYouMean;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import dev.peerhub.yaml.YamlMap;
import dev.peerhub.yaml.YamlText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code SourceText -> Article}: splits the front matter, types each key, derives what is missing. */
public final class ArticleParser {

    /** Keys every content file may use. */
    public static final Set<String> COMMON_KEYS = Set.of("title", "date", "updated", "tags", "draft", "summary", "slug",
            "authors", "type", "content_note", "aliases", "weight", "language");

    private static final int SUMMARY_LENGTH = 200;

    private ArticleParser() {}

    /** Parses one file; empty when it has errors or nothing to publish (diagnostics say why). */
    public static Optional<Article> parse(SourceText source, Diagnostics out) {
        return parse(source, out, false);
    }

    /**
     * Parses one file; with {@code editorial} (as {@code peerhub check} runs it) also warns about what a
     * reader would miss though the page builds, such as a guide without a summary.
     */
    public static Optional<Article> parse(SourceText source, Diagnostics out, boolean editorial) {
        String path = source.path();
        if (source.text().isBlank()) {
            out.warning(SourcePosition.of(path), "empty file: nothing to publish, so it is left out");
            return Optional.empty();
        }
        Optional<FrontMatter> split = FrontMatter.split(source, out);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        FrontMatter fm = split.get();
        int errorsBefore = out.errorCount();

        String rel = path.startsWith("content/") ? path.substring("content/".length()) : path;
        int slash = rel.lastIndexOf('/');
        String section = slash < 0 ? "" : rel.substring(0, slash);
        String fileName = rel.substring(slash + 1);
        String name = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Article.Kind kind = name.equals("_index") || (name.equals("index") && section.isEmpty())
                ? (section.isEmpty() ? Article.Kind.HOME : Article.Kind.SECTION_INDEX)
                : Article.Kind.ARTICLE;

        String body = source.text().substring(fm.bodyOffset());
        if (!fm.present()) {
            String title = MarkdownBody.firstLineTitle(source.text());
            out.warning(SourcePosition.of(path, 1, 1), "no front matter: the title is taken from the first line (\""
                    + shorten(title) + "\"); add front matter with title, date, tags and summary");
            String md = MarkdownBody.of(source.text(), 0, false, title);
            return Optional.of(new Article(path, section, name, kind, title, null, null, List.of(), false,
                    MarkdownBody.firstParagraph(md, SUMMARY_LENGTH), Slug.of(name), List.of(),
                    defaultType(section, kind), "", List.of(), 0, 1, 0, source.text().hashCode(),
                    MarkdownBody.countWords(md), false, Details.NONE, ""));
        }

        Optional<YamlMap> parsed = YamlText.parseMapping(fm.yaml(), path, fm.yamlLine() - 1, out);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlMap y = parsed.get();
        String schema = DetailsParser.schemaOf(section);
        Set<String> known = new TreeSet<>(COMMON_KEYS);
        known.addAll(DetailsParser.keysOf(schema));
        y.warnUnknownKeys(known, "");

        String title = y.string("title").orElse("");
        if (title.isBlank() && !y.has("title")) {
            title = MarkdownBody.firstLineTitle(body);
            if (kind == Article.Kind.ARTICLE) {
                out.warning(y.position(), "no 'title': using \"" + shorten(title) + "\" from the text");
            }
        } else if (title.isBlank() && y.isText("title")) {
            out.error(y.valuePositionOf("title"), "'title' is empty: write the page's title, like title: \"Finding a circle\"");
        }
        LocalDate date = y.date("date").orElse(null);
        LocalDate updated = y.date("updated").orElse(null);
        if (date != null && updated != null && updated.isBefore(date)) {
            out.warning(y.valuePositionOf("updated"), "'updated' (" + updated + ") is before 'date' (" + date + ")");
        }
        List<Tag> tags = tags(y, out);
        boolean draft = y.bool("draft").orElse(false);
        Optional<String> givenSummary = y.string("summary").map(String::strip);
        String md = MarkdownBody.of(source.text(), fm.bodyOffset(), true, title);
        String summary = givenSummary.filter(s -> !s.isEmpty()).orElseGet(() -> MarkdownBody.firstParagraph(md, SUMMARY_LENGTH));

        String slug = Slug.of(name.startsWith("_") ? name.substring(1) : name);
        Optional<String> givenSlug = y.string("slug");
        if (givenSlug.isPresent()) {
            String s = givenSlug.get().strip();
            if (!Slug.isValid(s)) {
                out.error(y.valuePositionOf("slug"), "'slug' must be one URL segment of lower-case letters, digits and"
                        + " hyphens like starting-a-circle, got \"" + shorten(s) + "\"");
            } else {
                slug = s;
            }
        } else if (!Slug.isValid(slug) && kind == Article.Kind.ARTICLE) {
            String fixed = Slug.of(name);
            out.warning(SourcePosition.of(path), "the file name \"" + fileName + "\" is not URL-friendly; its URL uses \""
                    + fixed + "\" (rename the file or set 'slug')");
            slug = fixed;
        }

        List<String> authors = y.stringList("authors");
        ResourceType type = y.string("type").flatMap(t -> {
            Optional<ResourceType> rt = ResourceType.ofKey(t.strip());
            if (rt.isEmpty()) {
                out.error(y.valuePositionOf("type"), "'type' must be one of " + String.join(", ", ResourceType.keys())
                        + ", got \"" + shorten(t) + "\"" + DidYouMean.hint(t, ResourceType.keys()));
            }
            return rt;
        }).orElse(defaultType(section, kind));
        if (editorial && type == ResourceType.GUIDE && kind == Article.Kind.ARTICLE && givenSummary.filter(s -> !s.isEmpty()).isEmpty()) {
            out.warning(y.has("summary") ? y.valuePositionOf("summary") : y.position(), "guide without a 'summary': lists"
                    + " and search show its first paragraph instead; add summary: \"one sentence on what the guide helps with\"");
        }
        String contentNote = y.string("content_note").map(String::strip).orElse("");
        List<String> aliases = aliases(y, out);
        int weight = y.integer("weight", -100_000, 100_000).orElse(0);
        Details details = DetailsParser.parse(schema, y, kind == Article.Kind.ARTICLE);
        String language = y.string("language").map(String::strip).orElse("");
        if (!language.isEmpty() && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            out.error(y.valuePositionOf("language"), "'language' must be a language tag like es or pt-BR, got \""
                    + shorten(language) + "\"");
        }

        if (out.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Article(path, section, name, kind, title.strip(), date, updated, tags, draft, summary, slug,
                authors, type, contentNote, aliases, weight, fm.bodyLine(), fm.bodyOffset(), source.text().hashCode(),
                MarkdownBody.countWords(md), true, details, language));
    }

    private static ResourceType defaultType(String section, Article.Kind kind) {
        return section.isEmpty() || kind != Article.Kind.ARTICLE ? ResourceType.PAGE : ResourceType.GUIDE;
    }

    private static List<Tag> tags(YamlMap y, Diagnostics out) {
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        for (String raw : y.stringList("tags")) {
            if (raw.isBlank()) {
                out.warning(y.valuePositionOf("tags"), "empty tag ignored");
                continue;
            }
            Tag t = Tag.of(raw);
            Tag before = bySlug.putIfAbsent(t.slug(), t);
            if (before != null) {
                out.warning(y.valuePositionOf("tags"), "tag \"" + raw + "\" repeats \"" + before.name() + "\"");
            }
        }
        return new ArrayList<>(bySlug.values());
    }

    private static List<String> aliases(YamlMap y, Diagnostics out) {
        List<String> result = new ArrayList<>();
        for (String raw : y.stringList("aliases")) {
            String a = raw.strip();
            if (!a.startsWith("/") || a.contains("..") || a.contains("//") || a.contains("\\") || a.contains("?")
                    || a.contains("#") || a.equals("/")) {
                out.error(y.valuePositionOf("aliases"), "each of 'aliases' must be an old site path like /old/guide/,"
                        + " got \"" + shorten(a) + "\"");
                continue;
            }
            result.add(a.endsWith("/") || a.endsWith(".html") ? a : a + "/");
        }
        return result;
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

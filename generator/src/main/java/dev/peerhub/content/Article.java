package dev.peerhub.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One Markdown file of {@code content/} with its front matter typed. The body is not kept: the
 * render stage reads it again at {@link #bodyOffset()} so a 100k-article site never holds every body
 * in memory at once ({@link #textHash()} detects a file that changed in between).
 *
 * @param sourcePath   path relative to the site folder, e.g. {@code content/guides/first-circle.md}
 * @param section      the folder under {@code content/} ({@code guides}, {@code guides/online}); empty at top level
 * @param name         the file name without {@code .md}
 * @param kind         what the file is for
 * @param title        plain-text title
 * @param date         publication date, or null when the file gives none
 * @param updated      date of the last substantial change, or null
 * @param tags         tags in the writer's order, without duplicates
 * @param draft        left out of the build unless {@code --drafts}
 * @param summary      the writer's summary, or the start of the first paragraph
 * @param slug         the last URL segment
 * @param authors      names as written
 * @param type         resource type
 * @param contentNote  the content note, empty when none
 * @param aliases      old site paths that redirect here, each starting and ending with {@code /}
 * @param weight       ordering inside a section (lower first; 0 when not given)
 * @param bodyLine     1-based line of the file where the Markdown body starts
 * @param bodyOffset   offset of the body in the file's normalised text
 * @param textHash     hash of the normalised text, to notice a file changed during the build
 * @param wordCount    words in the body
 * @param hasFrontMatter false for plain-text files whose first line is the title
 * @param details      structured data of circles, events and research entries
 * @param language     the language of the page's text as a BCP 47 tag ({@code es}) when it differs from the
 *                     site's, else empty ({@code language:} in front matter)
 */
public record Article(String sourcePath, String section, String name, Kind kind, String title, LocalDate date,
                      LocalDate updated, List<Tag> tags, boolean draft, String summary, String slug,
                      List<String> authors, ResourceType type, String contentNote, List<String> aliases, int weight,
                      int bodyLine, int bodyOffset, int textHash, int wordCount, boolean hasFrontMatter,
                      Details details, String language) {

    public Article {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        tags = List.copyOf(tags);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(slug, "slug");
        authors = List.copyOf(authors);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contentNote, "contentNote");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(language, "language");
    }

    /** The source path's and text's hashes: consistent with the record's equality, and cheap (articles key maps). */
    @Override
    public int hashCode() {
        return sourcePath.hashCode() * 31 + textHash;
    }

    /** An article in the site's own language (no {@code language:} key). */
    public Article(String sourcePath, String section, String name, Kind kind, String title, LocalDate date,
                   LocalDate updated, List<Tag> tags, boolean draft, String summary, String slug, List<String> authors,
                   ResourceType type, String contentNote, List<String> aliases, int weight, int bodyLine, int bodyOffset,
                   int textHash, int wordCount, boolean hasFrontMatter, Details details) {
        this(sourcePath, section, name, kind, title, date, updated, tags, draft, summary, slug, authors, type, contentNote,
                aliases, weight, bodyLine, bodyOffset, textHash, wordCount, hasFrontMatter, details, "");
    }

    /** What a content file is for. */
    public enum Kind {
        /** A guide or other page in a section (or at top level, like {@code about.md}). */
        ARTICLE,
        /** {@code _index.md} of a section: its title and introduction. */
        SECTION_INDEX,
        /** {@code content/index.md} or {@code content/_index.md}: the home page's introduction. */
        HOME
    }

    /** Minutes to read at 220 words a minute, at least 1. */
    public int readingMinutes() {
        return Math.max(1, (wordCount + 219) / 220);
    }

    /** The date to sort and show by: {@link #date()}, else {@link LocalDate#MIN}. */
    public LocalDate sortDate() {
        return date == null ? LocalDate.MIN : date;
    }
}

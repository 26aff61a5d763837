package dev.peerhub.content;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tag as the writer spelled it, and its URL slug; two tags are the same when their slugs are. */
public record Tag(String name, String slug) implements Comparable<Tag> {

    public Tag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static Tag of(String name) {
        String trimmed = SPACES.matcher(name.trim()).replaceAll(" ");
        return new Tag(trimmed, Slug.of(trimmed));
    }

    @Override
    public int compareTo(Tag o) {
        return slug.compareTo(o.slug);
    }
}

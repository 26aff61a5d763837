package dev.peerhub.build;

import java.util.Objects;
import java.util.Set;

/**
 * What a rebuild under {@code serve} must re-render. A normal build renders {@link #EVERYTHING}. A
 * partial rebuild re-renders the pages of content files that changed since the previous build (with the
 * lists and feeds they appear in) and every page made from one of {@link #templates()} (root template
 * names such as {@code article.ftlh}); the rest is taken from the previous build.
 *
 * @param everything render every page
 * @param templates  root templates whose pages must be re-rendered
 */
public record Scope(boolean everything, Set<String> templates) {

    public static final Scope EVERYTHING = new Scope(true, Set.of());

    public Scope {
        templates = Set.copyOf(Objects.requireNonNull(templates, "templates"));
    }

    /** Content changed (which files is found by the builder from the memo); no template changed. */
    public static Scope content() {
        return new Scope(false, Set.of());
    }

    /** Pages made from these root templates (and content that changed) are re-rendered. */
    public static Scope templates(Set<String> rootTemplates) {
        return new Scope(false, rootTemplates);
    }

    boolean renders(String template) {
        return everything || templates.contains(template);
    }
}

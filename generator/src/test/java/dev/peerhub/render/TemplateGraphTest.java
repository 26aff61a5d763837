package dev.peerhub.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerhub.testing.TestSite;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateGraphTest {

    private final TemplateGraph theme = TemplateGraph.of(TestSite.repo().resolve("templates"));

    @Test
    void aRootTemplateAffectsOnlyItself() {
        assertEquals(Set.of("tag.ftlh"), theme.rootsUsing("tag.ftlh"));
    }

    @Test
    void theLayoutAffectsEveryPageKindThatImportsIt() {
        Set<String> roots = theme.rootsUsing("layouts/base.ftlh");
        for (String kind : new String[] {"home.ftlh", "article.ftlh", "section.ftlh", "tag.ftlh", "tags.ftlh", "404.ftlh"}) {
            assertEquals(true, roots.contains(kind), kind + " in " + roots);
        }
    }

    @Test
    void aPartialAffectsTheRootsThatIncludeItThroughTheLayout() {
        // crisis.ftlh is included by the layout, so every page shows it
        assertEquals(theme.rootsUsing("layouts/base.ftlh"), theme.rootsUsing("partials/crisis.ftlh"));
    }

    @Test
    void anUnusedTemplateAffectsNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("partials"));
        java.nio.file.Files.writeString(dir.resolve("home.ftlh"), "<#include \"partials/a.ftlh\">");
        java.nio.file.Files.writeString(dir.resolve("partials/a.ftlh"), "<#import \"/partials/b.ftlh\" as b>");
        java.nio.file.Files.writeString(dir.resolve("partials/b.ftlh"), "b");
        java.nio.file.Files.writeString(dir.resolve("partials/unused.ftlh"), "u");
        TemplateGraph g = TemplateGraph.of(dir);
        assertEquals(Set.of("home.ftlh"), g.rootsUsing("partials/b.ftlh"));
        assertEquals(Set.of(), g.rootsUsing("partials/unused.ftlh"));
    }
}

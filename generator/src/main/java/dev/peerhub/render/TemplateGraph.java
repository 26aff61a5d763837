package dev.peerhub.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which templates each root template (a {@code .ftlh} file at the top of the theme, one per page kind)
 * includes or imports, directly or through others. Tells {@code serve} which page kinds to re-render when
 * one template file changes.
 */
public final class TemplateGraph {

    private static final Pattern USE = Pattern.compile("<#(?:include|import)\\s+\"([^\"]+)\"");

    /** Root template name -> every template file it uses, itself included (paths relative to the theme). */
    private final Map<String, Set<String>> uses;

    private TemplateGraph(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /** Reads every template of the theme folder. */
    public static TemplateGraph of(Path templatesDir) {
        Map<String, Set<String>> direct = new HashMap<>();
        Set<String> roots = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(templatesDir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".ftlh") || f.toString().endsWith(".ftl")).toList()) {
                String rel = templatesDir.relativize(p).toString().replace('\\', '/');
                if (!rel.contains("/")) roots.add(rel);
                Set<String> targets = new HashSet<>();
                String text = Files.readString(p, StandardCharsets.UTF_8);
                Matcher m = USE.matcher(text);
                while (m.find()) targets.add(resolve(rel, m.group(1)));
                direct.put(rel, targets);
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable theme: every root depends on everything, so any change rebuilds all pages
            return new TemplateGraph(Map.of());
        }
        Map<String, Set<String>> closure = new HashMap<>();
        for (String root : roots) {
            Set<String> seen = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add(root);
            while (!todo.isEmpty()) {
                String t = todo.pop();
                if (seen.add(t)) todo.addAll(direct.getOrDefault(t, Set.of()));
            }
            closure.put(root, Set.copyOf(seen));
        }
        return new TemplateGraph(closure);
    }

    /** Every root template, with the files it uses. */
    public Map<String, Set<String>> uses() {
        return Map.copyOf(uses);
    }

    /**
     * The root templates whose output depends on {@code changed} (a path relative to the theme), or
     * empty when none does; a new root template affects itself.
     */
    public Set<String> rootsUsing(String changed) {
        Set<String> roots = new TreeSet<>();
        uses.forEach((root, files) -> {
            if (files.contains(changed)) roots.add(root);
        });
        if (!changed.contains("/") && changed.endsWith(".ftlh")) roots.add(changed);
        return roots;
    }

    private static String resolve(String from, String target) {
        if (target.startsWith("/")) return Path.of(target.substring(1)).normalize().toString().replace('\\', '/');
        Path base = Path.of(from).getParent();
        Path p = base == null ? Path.of(target) : base.resolve(target);
        return p.normalize().toString().replace('\\', '/');
    }
}

package dev.peerhub.cli;

import dev.peerhub.content.Slug;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code peerhub new SECTION "Title"}: a new draft from the section's archetype. */
@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates content/SECTION/<slug>.md as a draft, from templates/archetypes/SECTION.md or"
                + " templates/archetypes/default.md when one exists. Never overwrites a file.",
                "Example: peerhub new guides \"Finding a circle\""})
public final class NewCommand implements Callable<Integer> {

    /** Used when the theme has no archetype. */
    static final String BUILT_IN = """
            ---
            title: "{{title}}"
            date: {{date}}
            draft: true
            tags: []
            summary: ""
            ---

            """;

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--site"}, paramLabel = "SITE_DIR", description = "The site folder. Default: the current folder.")
    Path site = Path.of(".");

    @Option(names = "--today", paramLabel = "DATE", description = "The date written into the front matter. Default: today (UTC).")
    LocalDate today;

    @Parameters(index = "0", paramLabel = "SECTION", description = "The section folder under content/, e.g. guides or guides/hosting.")
    String section;

    @Parameters(index = "1", paramLabel = "TITLE", description = "The page title, in quotes.")
    String title;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        String problem = sectionProblem(section);
        if (problem != null) {
            err.println("peerhub new: " + problem);
            return 2;
        }
        if (title.isBlank()) {
            err.println("peerhub new: the title is empty; give one in quotes, e.g. peerhub new guides \"Finding a circle\"");
            return 2;
        }
        Path siteDir = site.toAbsolutePath().normalize();
        if (!Files.isDirectory(siteDir.resolve("content"))) {
            err.println("peerhub new: no content/ folder in " + siteDir + " (is -s pointing at the site folder?)");
            return 1;
        }
        String sec = section.replaceAll("/+$", "");
        String slug = Slug.of(title);
        String rel = "content/" + sec + "/" + slug + ".md";
        Path file = siteDir.resolve(rel).normalize();
        if (!file.startsWith(siteDir.resolve("content"))) {
            err.println("peerhub new: SECTION must be a folder inside content/, got \"" + section + "\"");
            return 2;
        }
        String date = (today == null ? Today.utc() : today).toString();
        String text;
        try {
            text = fill(archetype(siteDir, sec), title.strip(), date, slug, sec);
        } catch (IOException e) {
            err.println("peerhub new: cannot read the archetype: " + e.getMessage());
            return 1;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            err.println("peerhub new: " + rel + " already exists; it was left as it is (choose another title, or edit that file)");
            return 1;
        } catch (IOException e) {
            err.println("peerhub new: cannot write " + rel + ": " + e.getMessage());
            return 1;
        }
        out.println(rel);
        out.flush();
        return 0;
    }

    /** Null when {@code s} is a usable section, else what is wrong with it. */
    static String sectionProblem(String s) {
        if (s == null || s.isBlank()) return "SECTION is empty; give a folder under content/, e.g. guides";
        if (s.startsWith("/") || s.startsWith("\\") || s.matches("^[A-Za-z]:.*")) {
            return "SECTION must be a folder inside content/ such as guides, not an absolute path, got \"" + s + "\"";
        }
        if (s.contains("\\")) return "SECTION uses / between folders, got \"" + s + "\"";
        for (String seg : s.split("/")) {
            if (seg.equals("..") || seg.equals(".")) {
                return "SECTION must stay inside content/: '..' and '.' are not allowed, got \"" + s + "\"";
            }
            if (!seg.isEmpty() && !Slug.isValid(seg)) {
                return "SECTION folders are lower-case letters, digits and hyphens like guides or harm-reduction, got \""
                        + s + "\"";
            }
        }
        return null;
    }

    private static String archetype(Path siteDir, String section) throws IOException {
        Path dir = siteDir.resolve("templates").resolve("archetypes");
        Path own = dir.resolve(section.replace('/', '-') + ".md");
        if (Files.isRegularFile(own)) return Files.readString(own, StandardCharsets.UTF_8);
        Path def = dir.resolve("default.md");
        if (Files.isRegularFile(def)) return Files.readString(def, StandardCharsets.UTF_8);
        return BUILT_IN;
    }

    /** Substitutes {{title}}, {{date}}, {{slug}} and {{section}}; the title is escaped for a YAML double-quoted string. */
    static String fill(String archetype, String title, String date, String slug, String section) {
        String yamlTitle = title.replace("\\", "\\\\").replace("\"", "\\\"");
        java.util.Map<String, String> values = java.util.Map.of("title", yamlTitle, "date", date, "slug", slug, "section", section);
        // one pass, so a title containing "{{date}}" stays as written
        return java.util.regex.Pattern.compile("\\{\\{(title|date|slug|section)}}").matcher(archetype)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(values.get(m.group(1))));
    }
}

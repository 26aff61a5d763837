package dev.peerhub.testing;

import dev.peerhub.cli.PeerhubCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A site made of inline files in a temporary folder, built with the real command line and the
 * repository's own theme (unless the files given include templates). Read pages back with {@link #html}.
 */
public final class TestSite {

    public static final String MINIMAL_CONFIG = "title: Test hub\nbase_url: https://hub.example.org/\nlanguage: en\n";

    private final Path dir;
    private Run lastRun;

    private TestSite(Path dir) {
        this.dir = dir;
    }

    /** A site in {@code dir} with the repository's templates and {@code files} as path, text pairs. */
    public static TestSite create(Path dir, String... files) {
        TestSite site = new TestSite(dir);
        site.copyTemplates();
        if (!List.of(files).contains("site.yml")) site.write("site.yml", MINIMAL_CONFIG);
        for (int i = 0; i < files.length; i += 2) {
            site.write(files[i], files[i + 1]);
        }
        return site;
    }

    public Path dir() {
        return dir;
    }

    public Path out() {
        return dir.resolve("public");
    }

    /** The repository root (the folder holding generator/). */
    public static Path repo() {
        String prop = System.getProperty("peerhub.repo");
        if (prop != null && Files.isDirectory(Path.of(prop, "generator"))) return Path.of(prop);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("generator"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root");
        return p;
    }

    /**
     * The seed documents ({@code generator/src/test/resources/seeds/*.txt}) as guides: path, text pairs
     * {@code content/guides/NAME.md}, in file-name order.
     */
    public static String[] seedGuides() throws IOException {
        List<String> files = new java.util.ArrayList<>();
        try (Stream<Path> list = Files.list(repo().resolve("generator/src/test/resources/seeds"))) {
            for (Path p : list.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                files.add("content/guides/" + p.getFileName().toString().replace(".txt", ".md"));
                files.add(Files.readString(p));
            }
        }
        return files.toArray(String[]::new);
    }

    private void copyTemplates() {
        Path from = repo().resolve("templates");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve("templates").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestSite write(String path, String text) {
        return writeBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestSite writeBytes(String path, byte[] bytes) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestSite delete(String path) {
        try {
            Files.deleteIfExists(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code peerhub build -s DIR --today 2026-11-23} plus {@code extra} arguments. */
    public Run build(String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "-s", dir.toString(), "--today", "2026-11-23"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    /** Runs any peerhub command line. */
    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PeerhubCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        lastRun = new Run(code, out.toString(), err.toString());
        return lastRun;
    }

    /** The built page at a site path such as {@code guides/x/} or {@code feed.xml}. */
    public Document html(String sitePath) {
        Path p = out().resolve(sitePath.endsWith("/") || sitePath.isEmpty() ? sitePath + "index.html" : sitePath);
        try {
            return Jsoup.parse(p.toFile(), "UTF-8", "https://hub.example.org/" + sitePath);
        } catch (IOException e) {
            throw new AssertionError("no page " + p + (lastRun == null ? "" : "; build said:\n" + lastRun.err()), e);
        }
    }

    public boolean exists(String outputPath) {
        return Files.exists(out().resolve(outputPath));
    }

    public String read(String outputPath) {
        try {
            return Files.readString(out().resolve(outputPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit code and what the command printed. */
    public record Run(int code, String out, String err) {
        /** Lines of standard error that are diagnostics ({@code path:line:col: severity: message}). */
        public List<String> diagnostics() {
            return err.lines().filter(l -> l.matches("^[^ ]+?(:\\d+)*: (error|warning): .*")).toList();
        }
    }
}

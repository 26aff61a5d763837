package dev.peerhub.cli;

import dev.peerhub.build.BuildMemo;
import dev.peerhub.build.BuildOptions;
import dev.peerhub.build.BuildResult;
import dev.peerhub.build.Builder;
import dev.peerhub.build.Scope;
import dev.peerhub.diagnostic.BuildFailedException;
import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.render.TemplateGraph;
import dev.peerhub.serve.MemoryOutput;
import dev.peerhub.serve.PreviewServer;
import dev.peerhub.serve.SiteWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peerhub serve}: builds the site into memory, serves it, rebuilds what a saved file affects and
 * reloads open tabs. The site is kept in memory rather than in a temporary folder: a rebuild publishes
 * its files in one step (a tab never sees half a site), nothing is left on disk when the server stops, and
 * a request can only name a key of the built site, never a path on disk.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the site, serves it on this computer and rebuilds and reloads open pages when a file is saved.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SiteOptions siteOptions = new SiteOptions();

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "The port to serve on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port = 1313;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address to listen on. Default: ${DEFAULT-VALUE} (this computer only).")
    String bind = "127.0.0.1";

    @Option(names = "--drafts", description = "Include pages with draft: true (they show a Draft banner).")
    boolean drafts;


    @Option(names = {"-v", "--verbose"}, description = "Print the time of each stage of each build, and stack traces of internal errors.")
    boolean verbose;

    private PrintWriter err;
    private Reporter reporter;
    private Path siteDir;
    private PreviewServer server;
    private BuildOptions options;
    private volatile SiteWatcher watcher;
    private final BuildMemo memo = new BuildMemo();

    @Override
    public Integer call() throws Exception {
        err = spec.commandLine().getErr();
        reporter = new Reporter(err, Reporter.terminal());
        siteDir = siteOptions.siteDir();
        if (port < 0 || port > 65535) {
            err.println("peerhub serve: --port must be between 0 and 65535, got " + port);
            return 2;
        }
        if (!Files.isDirectory(siteDir)) {
            err.println("peerhub serve: the site folder " + siteDir + " does not exist");
            return 2;
        }
        try {
            server = new PreviewServer(bind, port);
        } catch (BindException e) {
            err.println("peerhub serve: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); is another server running there? choose another port with --port");
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("peerhub serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return 1;
        }
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
        String url = "http://" + host + ":" + server.port() + "/";
        options = new BuildOptions(siteDir, null, drafts, url, siteOptions.todayOrNow(), true,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (PreviewServer running = server; SiteWatcher watching = new SiteWatcher(siteDir, this::changed)) {
            watcher = watching;
            rebuild(Scope.EVERYTHING, "first build");
            server.start();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Serving " + siteDir + " at " + url + (drafts ? " with drafts" : "") + " (press Ctrl+C to stop)");
            out.flush();
            new CountDownLatch(1).await(); // until interrupted (Ctrl+C ends the JVM)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Files changed since the last successful build (a failed build's changes are still to be rendered). */
    private final Set<String> pending = new TreeSet<>();
    private boolean lastBuildFailed;

    /** Called by the watcher with the changed paths relative to the site. */
    private synchronized void changed(Set<String> paths) {
        pending.addAll(paths);
        Set<String> all = Set.copyOf(pending);
        Scope scope = lastBuildFailed && server.files().isEmpty() ? Scope.EVERYTHING : scopeFor(all);
        if (!scope.everything()) memo.expectOnly(all);
        rebuild(scope, String.join(", ", paths.stream().limit(3).toList()) + (paths.size() > 3 ? ", ..." : ""));
        if (!lastBuildFailed) pending.clear();
    }

    /** What a set of changed files requires: see {@link Scope}. */
    Scope scopeFor(Set<String> paths) {
        Set<String> roots = new TreeSet<>();
        TemplateGraph graph = null;
        for (String p : paths) {
            if (p.equals("site.yml") || p.equals("content") || p.equals("templates") || p.startsWith("templates/assets/")) {
                memo.clear();
                return Scope.EVERYTHING;
            }
            if (p.startsWith("templates/archetypes/")) continue;
            if (p.startsWith("templates/")) {
                if (graph == null) graph = TemplateGraph.of(siteDir.resolve("templates"));
                Set<String> r = graph.rootsUsing(p.substring("templates/".length()));
                if (r.isEmpty()) return Scope.EVERYTHING; // not used by a root we know of: be safe
                roots.addAll(r);
                continue;
            }
            if (p.startsWith("content/") && !p.endsWith(".md")) return Scope.EVERYTHING; // a static file or folder
        }
        return roots.isEmpty() ? Scope.content() : Scope.templates(roots);
    }

    private synchronized void rebuild(Scope scope, String why) {
        long started = System.nanoTime();
        long event = watcher == null ? started : watcher.firstEventNanos();
        MemoryOutput sink = new MemoryOutput();
        Builder builder = new Builder(options, SearchStage.factory(siteDir), stage -> {}, memo);
        boolean[] partial = {false};
        long[] published = {0};
        try {
            // published as soon as every file is written, before the link check (which only warns here)
            BuildResult result = builder.build(sink, scope, built -> {
                Map<String, byte[]> files = sink.files();
                // a change of the site's shape builds everything, whatever was asked: then publish the whole
                // new site, so a page that was removed is gone (merging would keep serving it)
                partial[0] = !built.everything() && !server.files().isEmpty();
                if (partial[0]) server.publishChanges(files);
                else server.publish(files);
                published[0] = System.nanoTime();
            });
            lastBuildFailed = false;
            reporter.print(result.diagnostics());
            long ms = (System.nanoTime() - started) / 1_000_000;
            reporter.summary(String.format(Locale.ROOT, "%s (%s): %s %s in %d ms", partial[0] ? "Rebuilt" : "Built", why,
                    Reporter.plural(result.pages(), "page"), partial[0] ? "re-rendered" : "rendered", ms), false);
            if (verbose && partial[0]) {
                List<String> pages = sink.files().keySet().stream().filter(k -> k.endsWith(".html")).sorted().toList();
                err.println("  re-rendered: " + String.join(" ", pages.stream().limit(20).toList())
                        + (pages.size() > 20 ? " ..." : ""));
            }
            if (verbose) {
                if (event != started && event > 0) {
                    err.printf(Locale.ROOT, "  %-10s %6d ms (from the first file event to the rebuild)%n", "watch",
                            (started - event) / 1_000_000);
                }
                for (BuildResult.StageTime s : result.stages()) err.printf(Locale.ROOT, "  %-10s %6d ms%n", s.name(), s.millis());
                if (event != started && event > 0 && published[0] > 0) {
                    err.printf(Locale.ROOT, "  %-10s %6d ms (from the first file event to the reload message)%n", "reload",
                            (published[0] - event) / 1_000_000);
                }
            }
        } catch (BuildFailedException e) {
            reporter.print(e.diagnostics());
            reporter.summary("Build failed (" + why + "): " + Reporter.plural(e.diagnostics().errorCount(), "error")
                    + "; still serving the last good build, fix and save to try again", true);
            server.fail(e.diagnostics().sorted().stream().map(Diagnostic::format).toList());
            lastBuildFailed = true;
        } catch (dev.peerhub.search.SearchIndexer.IndexBusyException e) {
            String line = "peerhub serve: " + e.message(siteDir) + "; still serving the last good build";
            err.println(line);
            server.fail(List.of(line));
            lastBuildFailed = true;
        } catch (RuntimeException e) {
            String line = "peerhub: internal error while building: " + e;
            err.println(line + (verbose ? "" : " (run again with --verbose for details, and please report it)"));
            if (verbose) e.printStackTrace(err);
            server.fail(List.of(line));
            lastBuildFailed = true;
        }
        err.flush();
    }
}

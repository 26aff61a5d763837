package dev.peerhub.cli;

import dev.peerhub.build.BuildOptions;
import dev.peerhub.build.BuildResult;
import dev.peerhub.build.Builder;
import dev.peerhub.diagnostic.BuildFailedException;
import dev.peerhub.output.StagedOutput;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code peerhub build}: the site into a folder, all or nothing. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the site into the output folder (replaced whole, and only when the build succeeds).")
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SiteOptions siteOptions = new SiteOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT_DIR", description = "The output folder. Default: public/ inside the site folder.")
    Path out;

    @Option(names = "--drafts", description = "Include pages with draft: true.")
    boolean drafts;

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides base_url from site.yml (e.g. for a preview deploy).")
    String baseUrl;


    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print the time of each stage, and stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(spec.commandLine().getErr(), Reporter.terminal());
        if (!siteOptions.siteExists("build", spec.commandLine().getErr())) return 2;
        Path siteDir = siteOptions.siteDir();
        Path outDir = (out == null ? siteDir.resolve("public") : out).toAbsolutePath().normalize();
        BuildOptions options = new BuildOptions(siteDir, outDir, drafts, baseUrl, siteOptions.todayOrNow(),
                false, Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        Progress progress = new Progress(spec.commandLine().getErr(), !quiet && Progress.terminal());
        java.util.concurrent.atomic.AtomicReference<dev.peerhub.build.SearchIndexing> search = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.function.Function<dev.peerhub.site.Site, dev.peerhub.build.SearchIndexing> searchFactory = SearchStage.factory(siteDir);
        Builder builder = new Builder(options, site -> {
            dev.peerhub.build.SearchIndexing s = searchFactory.apply(site);
            search.set(s);
            return s;
        }, progress::stage);
        StagedOutput staged;
        try {
            staged = StagedOutput.open(outDir);
        } catch (StagedOutput.OutputException e) {
            spec.commandLine().getErr().println("peerhub build: " + e.getMessage());
            return 2;
        }
        try (staged) {
            BuildResult result = builder.build(staged);
            staged.commit();
            progress.done();
            reporter.print(result.diagnostics());
            if (verbose) {
                for (BuildResult.StageTime s : result.stages()) {
                    spec.commandLine().getErr().printf(Locale.ROOT, "  %-10s %6d ms%s%n", s.name(), s.millis(),
                            s.cpuMillis() < 0 ? "" : String.format(Locale.ROOT, "  cpu %6d ms", s.cpuMillis()));
                }
                String cpu = ThreadTimes.summary();
                if (!cpu.isEmpty()) spec.commandLine().getErr().println(cpu);
                long total = ThreadTimes.totalNanos();
                if (search.get() != null && search.get().cpuNanos() > 0 && total > 0) {
                    long all = search.get().cpuNanos();
                    long adding = search.get().addingCpuNanos();
                    spec.commandLine().getErr().printf(Locale.ROOT,
                            "  search index %.1f s of CPU (adding pages %.1f s, commit and client export %.1f s): %.1f %% of the build's%n",
                            all / 1e9, adding / 1e9, (all - adding) / 1e9, 100.0 * all / total);
                }
            }
            if (!quiet) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                reporter.summary(String.format(Locale.ROOT, "Built %s (%s in all) into %s with %s in %.2f s",
                        Reporter.plural(result.pages(), "page"), Reporter.plural(staged.filesWritten(), "file"),
                        display(siteDir, outDir), Reporter.plural(result.diagnostics().warningCount(), "warning"), ms / 1000.0), false);
            }
            return 0;
        } catch (dev.peerhub.search.SearchIndexer.IndexBusyException e) {
            progress.done();
            spec.commandLine().getErr().println("peerhub build: " + e.message(siteDir) + "; nothing was written, "
                    + display(siteDir, outDir) + " is unchanged");
            return 2;
        } catch (BuildFailedException e) {
            progress.done();
            reporter.print(e.diagnostics());
            reporter.summary("Build failed: " + Reporter.plural(e.diagnostics().errorCount(), "error") + ", "
                    + Reporter.plural(e.diagnostics().warningCount(), "warning") + "; nothing was written, "
                    + display(siteDir, outDir) + " is unchanged", true);
            return 1;
        }
    }

    static String display(Path siteDir, Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        if (p.startsWith(cwd)) {
            String rel = cwd.relativize(p).toString();
            return (rel.isEmpty() ? "." : rel) + "/";
        }
        return p + "/";
    }
}

package dev.peerhub.cli;

import dev.peerhub.build.BuildOptions;
import dev.peerhub.build.BuildResult;
import dev.peerhub.build.Builder;
import dev.peerhub.diagnostic.BuildFailedException;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.output.OutputSink;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peerhub check}: the whole build, every link and anchor checked, nothing written. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the site without writing anything: front matter, dates, URLs, links and anchors,"
                + " images without alternative text, templates.",
                "Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage errors."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SiteOptions siteOptions = new SiteOptions();

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Option(names = "--drafts", description = "Check pages with draft: true as they would be published (drafts are parsed either way).")
    boolean drafts;


    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print the time of each stage, and stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Reporter reporter = new Reporter(err, Reporter.terminal());
        if (!siteOptions.siteExists("check", err)) return 2;
        Path siteDir = siteOptions.siteDir();
        BuildOptions options = new BuildOptions(siteDir, null, drafts, null, siteOptions.todayOrNow(),
                false, Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        Progress progress = new Progress(err, !quiet && Progress.terminal());
        // nothing is written, so no search index is made
        Builder builder = new Builder(options, s -> dev.peerhub.build.SearchIndexing.none(), progress::stage);
        OutputSink.CountingSink sink = OutputSink.discard();
        Diagnostics found;
        int pages = 0;
        try {
            BuildResult result = builder.build(sink);
            progress.done();
            found = result.diagnostics();
            pages = result.pages();
            if (verbose) {
                for (BuildResult.StageTime s : result.stages()) {
                    err.printf(Locale.ROOT, "  %-10s %6d ms%s%n", s.name(), s.millis(),
                            s.cpuMillis() < 0 ? "" : String.format(Locale.ROOT, "  cpu %6d ms", s.cpuMillis()));
                }
            }
        } catch (BuildFailedException e) {
            progress.done();
            found = e.diagnostics();
        }
        reporter.print(found);
        int errors = found.errorCount();
        int warnings = found.warningCount();
        boolean failed = errors > 0 || (strict && warnings > 0);
        double secs = (System.nanoTime() - started) / 1e9;
        String summary;
        if (errors == 0 && warnings == 0) {
            summary = String.format(Locale.ROOT, "Checked %s: no problems found (%.2f s)", Reporter.plural(pages, "page"), secs);
        } else {
            summary = String.format(Locale.ROOT, "Check %s: %s, %s%s (%.2f s)", failed ? "failed" : "passed",
                    Reporter.plural(errors, "error"), Reporter.plural(warnings, "warning"),
                    strict && errors == 0 && warnings > 0 ? " (--strict fails on warnings)" : "", secs);
        }
        if (!quiet || failed) reporter.summary(summary, failed);
        return failed ? 1 : 0;
    }
}

package dev.peerhub.cli;

import dev.peerhub.search.SearchIndexer;
import dev.peerhub.search.SearchOptions;
import dev.peerhub.search.SearchResults;
import dev.peerhub.search.Searcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code peerhub search}: asks the build's Lucene index directly. This is the reference for what
 * the browser's search returns; {@code --json} prints exactly the object {@code client.js} returns.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the site's index the way the browser does (the reference ranking).")
public final class SearchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--site"}, paramLabel = "SITE_DIR", defaultValue = ".",
            description = "Site folder (default: the current folder).")
    Path site;

    @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "Results to show (default: 10).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Results to skip (default: 0).")
    int offset;

    @Option(names = "--tag", description = "Only pages with this tag.")
    String tag;

    @Option(names = "--section", description = "Only pages in this section.")
    String section;

    @Option(names = "--type", description = "Only pages of this resource type.")
    String type;

    @Option(names = "--json", description = "Print the result as JSON, as the browser client returns it (with facets).")
    boolean json;

    @Parameters(paramLabel = "QUERY", arity = "1..*",
            description = "Words (all required), \"quoted phrases\", -excluded words; the last word is a prefix.")
    java.util.List<String> query;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path siteDir = site.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(siteDir)) {
            err.println("peerhub search: the site folder " + siteDir + " does not exist");
            err.flush();
            return 2;
        }
        Path indexDir = SearchIndexer.defaultIndexDir(siteDir);
        if (SearchStage.isStale(siteDir) || !Searcher.indexExists(indexDir)) {
            // The index of the last build is reused when it is current; otherwise index again
            // (the whole pipeline, writing nothing but the index).
            dev.peerhub.build.BuildOptions options = new dev.peerhub.build.BuildOptions(siteDir, null, false, null,
                    Today.utc(), false, Runtime.getRuntime().availableProcessors());
            try {
                new dev.peerhub.build.Builder(options, SearchStage.factory(siteDir), stage -> {})
                        .build(dev.peerhub.output.OutputSink.discard());
            } catch (dev.peerhub.search.SearchIndexer.IndexBusyException e) {
                err.println("peerhub search: " + e.message(siteDir));
                err.flush();
                return 2;
            } catch (dev.peerhub.diagnostic.BuildFailedException e) {
                new Reporter(err, Reporter.terminal()).print(e.diagnostics());
                err.println("peerhub search: the site has errors, so it cannot be indexed; fix them (see 'peerhub check')");
                err.flush();
                return 1;
            }
        }
        if (limit < 1 || offset < 0) {
            err.println("peerhub search: -n must be at least 1 and --offset at least 0");
            err.flush();
            return 2;
        }
        String q = String.join(" ", query);
        try (Searcher searcher = Searcher.open(indexDir)) {
            SearchResults r = searcher.search(q, new SearchOptions(limit, offset, tag, section, type));
            if (json) {
                out.println(r.toJson());
            } else {
                if (r.fallbackMode().isPresent()) {
                    out.println("No page has every word; showing pages with any of them.");
                }
                out.println(r.total() + (r.total() == 1 ? " result" : " results"));
                int rank = offset + 1;
                for (SearchResults.Result res : r.results()) {
                    out.println(String.format(Locale.ROOT, "%3d  %.6f  %s  %s", rank++, res.score(), res.url(),
                            res.title()));
                }
            }
            out.flush();
        }
        return 0;
    }
}

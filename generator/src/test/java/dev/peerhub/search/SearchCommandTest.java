package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.cli.SearchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {

    @TempDir
    Path site;

    record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SearchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void withoutAnIndexItSaysToBuildFirst() {
        Run r = run("-s", site.toString(), "support");
        assertEquals(1, r.code());
        assertEquals("peerhub search: no search index in " + site.resolve(".peerhub-cache/search-index")
                + "; run 'peerhub build' first", r.err().strip());
    }

    @Test
    void printsRankScoreUrlAndTitleOrTheClientsJson() throws Exception {
        try (SearchIndexer indexer = new SearchIndexer(SearchIndexer.defaultIndexDir(site), "en")) {
            SearchIndexerTest.SMALL.forEach(indexer::add);
            indexer.finish();
        }
        Run r = run("-s", site.toString(), "support");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  1  "), r.out());
        assertTrue(r.out().contains("/b/  Starting a peer support circle"), r.out());
        Run json = run("-s", site.toString(), "--json", "-n", "1", "listening");
        assertTrue(json.out().startsWith("{\"total\":1,\"results\":[{\"url\":\"/c/\""), json.out());
        Run filtered = run("-s", site.toString(), "--tag", "sleep", "support");
        assertTrue(filtered.out().startsWith("0 results"), filtered.out());
    }
}

package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.cli.SearchCommand;
import dev.peerhub.testing.TestSite;
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
    void withoutAnIndexItIndexesTheSiteFirstAndReindexesWhenContentChanges() throws Exception {
        TestSite hub = TestSite.create(site.resolve("hub"), "content/g/a.md",
                "---\ntitle: Breathing together\ndate: 2024-01-01\n---\nSlow breathing helps.\n");
        Run first = run("-s", hub.dir().toString(), "breathing");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("/g/a/  Breathing together"), first.out());
        assertTrue(java.nio.file.Files.isDirectory(SearchIndexer.defaultIndexDir(hub.dir())));
        Thread.sleep(20);
        hub.write("content/g/b.md", "---\ntitle: Grounding\ndate: 2024-01-02\n---\nFeel your feet.\n");
        java.nio.file.Files.setLastModifiedTime(hub.dir().resolve("content/g/b.md"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Run second = run("-s", hub.dir().toString(), "grounding");
        assertTrue(second.out().contains("/g/b/  Grounding"), second.out());
    }

    @Test
    void aSiteWithErrorsCannotBeIndexed() {
        TestSite hub = TestSite.create(site.resolve("hub"), "content/g/a.md", "---\ntitle: [broken\n---\n");
        Run r = run("-s", hub.dir().toString(), "anything");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("peerhub search: the site has errors, so it cannot be indexed"), r.err());
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

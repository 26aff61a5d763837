package dev.peerhub.build;

import dev.peerhub.output.OutputFile;
import dev.peerhub.search.SearchDocument;
import java.util.List;

/** The search stage as the pipeline sees it: documents in (from any thread), static index files out. */
public interface SearchIndexing extends AutoCloseable {

    void add(SearchDocument doc);

    List<OutputFile> finish();

    @Override
    void close();

    /** No search index (for tests of other stages). */
    static SearchIndexing none() {
        return new SearchIndexing() {
            @Override
            public void add(SearchDocument doc) {}

            @Override
            public List<OutputFile> finish() {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }
}

package dev.peerhub.build;

import dev.peerhub.output.OutputFile;
import dev.peerhub.search.SearchDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/** The search stage as the pipeline sees it: documents in (from any thread), static index files out. */
public interface SearchIndexing extends AutoCloseable {

    void add(SearchDocument doc);

    /** False for {@link #none()}: nothing is indexed, so pages need no plain text for it. */
    default boolean indexes() {
        return true;
    }

    /**
     * Makes the pages added so far searchable; nothing may be added afterwards. {@link #similarPages} and
     * {@link #finish} call it when it was not called before.
     */
    default void commit() {}

    /**
     * Content similarity between the pages added, by URL (see {@code dev.peerhub.search.SimilarPages}),
     * or null when this stage keeps no index. Runs its queries on {@code pool}; may run while another
     * thread is in {@link #finish}.
     */
    default Map<String, Map<String, Double>> similarPages(ForkJoinPool pool) {
        return null;
    }

    /** The CPU time the index has cost so far on every thread, in nanoseconds (0 when not measured). */
    default long cpuNanos() {
        return 0;
    }

    /** The part of {@link #cpuNanos} spent in {@link #add}. */
    default long addingCpuNanos() {
        return 0;
    }

    /** The static index files for the browser. */
    List<OutputFile> finish();

    /** The static index files for the browser, each handed to {@code out} as soon as it is made. */
    default void finish(java.util.function.Consumer<OutputFile> out) {
        finish().forEach(out);
    }

    @Override
    void close();

    /** No search index (for tests of other stages). */
    static SearchIndexing none() {
        return new SearchIndexing() {
            @Override
            public void add(SearchDocument doc) {}

            @Override
            public boolean indexes() {
                return false;
            }

            @Override
            public List<OutputFile> finish() {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }
}

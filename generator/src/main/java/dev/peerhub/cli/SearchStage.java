package dev.peerhub.cli;

import dev.peerhub.build.SearchIndexing;
import dev.peerhub.output.OutputFile;
import dev.peerhub.search.SearchDocument;
import dev.peerhub.search.SearchIndexer;
import dev.peerhub.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Connects the build to the search indexer: the Lucene index goes to the site's
 * {@code .peerhub-cache/search-index} (where {@code peerhub search} reads it), the client index into
 * the output.
 */
final class SearchStage {
    private SearchStage() {}

    static Function<Site, SearchIndexing> factory(Path siteDir) {
        return site -> {
            SearchIndexer indexer = new SearchIndexer(SearchIndexer.defaultIndexDir(siteDir), site.config().language());
            return new SearchIndexing() {
                @Override
                public void add(SearchDocument doc) {
                    indexer.add(doc);
                }

                @Override
                public void commit() {
                    indexer.commit();
                }

                @Override
                public long cpuNanos() {
                    return indexer.cpuNanos();
                }

                @Override
                public long addingCpuNanos() {
                    return indexer.addingCpuNanos();
                }

                @Override
                public Map<String, Map<String, Double>> similarPages(ForkJoinPool pool) {
                    return indexer.similarPages(pool);
                }

                @Override
                public List<OutputFile> finish() {
                    return indexer.finish();
                }

                @Override
                public void finish(java.util.function.Consumer<OutputFile> out) {
                    indexer.finish(out);
                }

                @Override
                public void close() {
                    try {
                        indexer.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        };
    }

    /**
     * Whether the Lucene index is older than anything it is built from ({@code site.yml} and
     * {@code content/}), or missing.
     */
    static boolean isStale(Path siteDir) throws IOException {
        Path index = SearchIndexer.defaultIndexDir(siteDir);
        if (!Files.isDirectory(index)) return true;
        long indexTime;
        try (Stream<Path> files = Files.list(index)) {
            indexTime = files.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .mapToLong(SearchStage::mtime).max().orElse(-1);
        }
        if (indexTime < 0) return true;
        long newest = mtime(siteDir.resolve("site.yml"));
        Path content = siteDir.resolve("content");
        if (Files.isDirectory(content)) {
            try (Stream<Path> walk = Files.walk(content)) {
                newest = Math.max(newest, walk.mapToLong(SearchStage::mtime).max().orElse(0));
            }
        }
        return newest > indexTime;
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}

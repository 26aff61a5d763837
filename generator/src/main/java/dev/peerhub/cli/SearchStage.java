package dev.peerhub.cli;

import dev.peerhub.build.SearchIndexing;
import dev.peerhub.site.Site;
import java.nio.file.Path;
import java.util.function.Function;

/** Connects the build to the search indexer. */
final class SearchStage {
    private SearchStage() {}

    static Function<Site, SearchIndexing> factory(Path siteDir) {
        return site -> SearchIndexing.none();
    }
}

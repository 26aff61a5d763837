package dev.peerhub.markdown;

import java.util.Map;
import java.util.Optional;

/** Link targets for tests: the given content files are pages at the given URLs; no other file exists. */
final class TestTargets implements LinkTargets {
    private final Map<String, String> pages;

    private TestTargets(Map<String, String> pages) {
        this.pages = Map.copyOf(pages);
    }

    static LinkTargets of(Map<String, String> pages) {
        return new TestTargets(pages);
    }

    @Override
    public Optional<String> pageUrl(String contentPath) {
        return Optional.ofNullable(pages.get(contentPath));
    }

    @Override
    public Optional<String> fileUrl(String contentPath) {
        return Optional.empty();
    }

    @Override
    public String basePath() {
        return "/";
    }
}

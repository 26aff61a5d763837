package dev.peerhub.build;

import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.output.OutputSink;
import dev.peerhub.render.TemplateEngine;
import dev.peerhub.render.ViewFactory;
import dev.peerhub.site.Site;

/**
 * The hub's own pages beyond articles and lists: the circles directory, events with their calendar
 * feeds, the resource library. Called once after the article pages are written.
 */
final class HubPages {

    private HubPages() {}

    /** Writes the hub pages; returns how many HTML pages it wrote. */
    static int write(Site site, ViewFactory views, TemplateEngine engine, OutputSink sink, Diagnostics out) {
        return 0;
    }
}

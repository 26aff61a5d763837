package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The search partial renders accessible, CSP-safe markup. */
class SearchUiTemplateTest {

    private Document render(Map<String, Object> site) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);
        cfg.setDirectoryForTemplateLoading(ClientHarness.repo().resolve("templates").toFile());
        cfg.setRecognizeStandardFileExtensions(true);
        Template t = cfg.getTemplate("partials/search-ui.ftlh");
        StringWriter out = new StringWriter();
        t.process(Map.of("site", site), out);
        return Jsoup.parseBodyFragment(out.toString());
    }

    @Test
    void hasALabelledQueryBoxAPoliteCountAndAResultsList() throws Exception {
        Document d = render(Map.of("baseUrl", "https://hub.example/", "basePath", "/"));
        Element input = d.selectFirst("form input[name=q]");
        assertNotNull(input);
        assertNotNull(d.selectFirst("label[for=" + input.id() + "]"));
        Element status = d.selectFirst("[role=status]");
        assertEquals("polite", status.attr("aria-live"));
        assertNotNull(d.selectFirst("ol[data-search-results]"));
    }

    @Test
    void withoutJavaScriptItLinksToTheTagIndex() throws Exception {
        Document d = render(Map.of("baseUrl", "https://hub.example/peer/", "basePath", "/peer/"));
        Element noscript = d.selectFirst("noscript");
        assertNotNull(noscript);
        String inner = noscript.html();
        assertTrue(inner.contains("needs JavaScript"), inner);
        assertTrue(inner.contains("href=\"https://hub.example/peer/tags/\""), inner);
    }

    @Test
    void whenNothingMatchesItOffersTheTagIndex() throws Exception {
        Document d = render(Map.of("baseUrl", "https://hub.example/peer/", "basePath", "/peer/"));
        Element empty = d.selectFirst("[data-search-empty]");
        assertNotNull(empty);
        assertTrue(empty.hasAttr("hidden"), "shown only by ui.js, when a search finds nothing");
        assertTrue(empty.text().contains("Check the spelling"), empty.text());
        assertNotNull(empty.selectFirst("a[href=/peer/tags/]"), empty.html()); // the site's path, as the scripts: it works in a local preview too
        Element filters = empty.selectFirst("[data-search-empty-filters]");
        assertNotNull(filters);
        assertTrue(filters.hasAttr("hidden"));
    }

    @Test
    void loadsOnlyExternalScriptsAndNoInlineStylesOrHandlers() throws Exception {
        Document d = render(Map.of("baseUrl", "https://hub.example/", "basePath", "/hub/"));
        for (Element script : d.select("script")) {
            assertTrue(script.hasAttr("src"), script.outerHtml());
            assertTrue(script.data().isBlank(), script.outerHtml());
            assertTrue(script.attr("src").startsWith("/hub/search/"), script.outerHtml());
        }
        assertTrue(d.select("style, [style]").isEmpty());
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) assertFalse(a.getKey().startsWith("on"), e.outerHtml());
        }
    }

    @Test
    void escapesTheBaseUrl() throws Exception {
        Document d = render(Map.of("baseUrl", "https://hub.example/\"><script>x</script>/"));
        assertTrue(d.select("script:not([src])").isEmpty());
    }
}

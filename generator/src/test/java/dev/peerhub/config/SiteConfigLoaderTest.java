package dev.peerhub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.diagnostic.Diagnostics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteConfigLoaderTest {

    private static List<String> problems(Diagnostics d) {
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void readsEverySetting() {
        Diagnostics d = new Diagnostics();
        Optional<SiteConfig> c = SiteConfigLoader.parse("""
                title: "Hub"
                description: "A hub"
                base_url: https://hub.example.org/sub
                language: pt-BR
                organisation: { name: Org, email: a@example.org }
                paginate: 7
                menu:
                  - { name: Guides, url: /guides/ }
                feed: { limit: 5, full_content: true }
                crisis:
                  heading: Help
                  emergency: { number: 112, label: Emergency }
                  lines:
                    - { name: Line, phone: "0800 123", hours: "24/7" }
                quick_exit: { url: "https://weather.example.org/", label: Leave }
                footer: "Run by volunteers"
                """, d);
        assertEquals(List.of(), problems(d));
        SiteConfig s = c.orElseThrow();
        assertEquals("https://hub.example.org/sub/", s.baseUrl());
        assertEquals("/sub/", s.basePath());
        assertEquals("pt-BR", s.language());
        assertEquals(7, s.paginate());
        assertEquals(new SiteConfig.FeedConfig(5, true), s.feed());
        assertEquals("112", s.crisis().emergency().number());
        assertEquals("0800123", s.crisis().lines().get(0).phoneTel());
        assertEquals("Leave", s.quickExit().label());
    }

    @Test
    void reportsWrongTypesWithLineAndColumn() {
        Diagnostics d = new Diagnostics();
        assertTrue(SiteConfigLoader.parse("title: Hub\npaginate: ten\nmenu: /guides/\n", d).isEmpty());
        assertEquals(List.of(
                "site.yml:2:11: error: 'paginate' must be a whole number, got the text \"ten\"",
                "site.yml:3:7: error: 'menu' must be a list, got the text \"/guides/\""), problems(d));
    }

    @Test
    void warnsAboutUnknownKeysWithASuggestion() {
        Diagnostics d = new Diagnostics();
        assertTrue(SiteConfigLoader.parse("title: Hub\nbase_ulr: https://x.example.org/\n", d).isPresent());
        assertEquals(List.of("site.yml:2:1: warning: unknown key 'base_ulr' in site.yml (did you mean 'base_url'?)"),
                problems(d));
    }

    @Test
    void requiresATitle() {
        Diagnostics d = new Diagnostics();
        assertTrue(SiteConfigLoader.parse("description: x\n", d).isEmpty());
        assertEquals(List.of("site.yml:1:1: error: missing required key 'title' (for example: title: \"Riverside Integration Network\")"),
                problems(d));
    }

    @Test
    void refusesABaseUrlThatIsNotAnAddress() {
        Diagnostics d = new Diagnostics();
        assertTrue(SiteConfigLoader.parse("title: Hub\nbase_url: ftp://x\n", d).isEmpty());
        assertEquals(List.of("site.yml:2:11: error: 'base_url' must be an absolute address like https://hub.example.org/, got \"ftp://x\""),
                problems(d));
    }

    @Test
    void acceptsABarePathAsBaseUrl() {
        Diagnostics d = new Diagnostics();
        SiteConfig s = SiteConfigLoader.parse("title: Hub\nbase_url: /hub\n", d).orElseThrow();
        assertEquals("/hub/", s.basePath());
        assertFalse(d.hasErrors());
    }

    @Test
    void crisisLineNeedsAWayToReachIt() {
        Diagnostics d = new Diagnostics();
        assertTrue(SiteConfigLoader.parse("title: Hub\ncrisis:\n  lines:\n    - name: Line\n      hours: always\n", d).isEmpty());
        assertEquals(List.of("site.yml:4:7: error: crisis line 'Line' needs at least one way to reach it: phone, text, chat or url"),
                problems(d));
    }
}

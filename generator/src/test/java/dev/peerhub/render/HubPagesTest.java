package dev.peerhub.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's pages built from tiny inline sites and read back with jsoup. */
class HubPagesTest {

    static String circle(String title, String format, String weekday, String languages, String cost) {
        return "---\ntitle: \"" + title + "\"\ndate: 2026-01-01\nformat: " + format + "\ntimezone: Europe/London\n"
                + "place: \"Somewhere\"\nschedule:\n  weekday: " + weekday + "\n  time: \"19:00\"\n  duration: 90\n"
                + "  frequency: weekly\nlanguages: [" + languages + "]\ncost: " + cost + "\nled_by: peer\n---\nAbout.\n";
    }

    static String event(String title, String start, String end, String circle) {
        return "---\ntitle: \"" + title + "\"\ndate: 2026-01-01\nstart: " + start + "\nend: " + end
                + "\ntimezone: Europe/London\nlocation: \"Hall\"\nonline: false\n"
                + (circle.isEmpty() ? "" : "circle: " + circle + "\n") + "---\nDetails.\n";
    }

    @Test
    void circlesDirectoryGroupsByWeekdayWithCountsAndFilterData(@TempDir Path dir) {
        TestSite site = TestSite.create(dir,
                "content/circles/_index.md", "---\ntitle: Circles\nsummary: Find a circle.\n---\nIntro text.\n",
                "content/circles/a.md", circle("Alpha", "online", "tuesday", "English", "free"),
                "content/circles/b.md", circle("Beta", "in-person", "tuesday", "Spanish, English", "donation"),
                "content/circles/c.md", circle("Gamma", "hybrid", "friday", "English", "fee"));
        assertEquals(0, site.build().code(), site.build().err());
        Document d = site.html("circles/");
        List<String> groups = d.select("[data-filter-group] h3").eachText();
        assertEquals(List.of("Tuesday (2)", "Friday (1)"), groups);
        Element beta = d.select("[data-filter-item]").stream().filter(e -> e.text().contains("Beta")).findFirst().orElseThrow();
        assertEquals("in-person", beta.attr("data-format"));
        assertEquals("spanish english", beta.attr("data-language"));
        assertEquals("donation", beta.attr("data-cost"));
        assertEquals("tuesday", beta.attr("data-weekday"));
        assertEquals(List.of("Any", "Hybrid (1)", "In person (1)", "Online (1)"), d.select("#filter-format option").eachText());
        assertEquals(List.of("Any", "Tuesday (2)", "Friday (1)"), d.select("#filter-weekday option").eachText());
        assertTrue(d.select("script[type=module]").stream().anyMatch(s -> s.attr("src").contains("filters.")));
        assertTrue(d.select("script:not([src]), style, [style]").isEmpty(), "no inline script or style (CSP)");
        assertTrue(d.text().contains("Intro text."));
    }

    @Test
    void eventsSplitIntoUpcomingAndPastByTheBuildDate(@TempDir Path dir) {
        TestSite site = TestSite.create(dir,
                "content/events/old.md", event("Old evening", "2026-09-17T19:00", "2026-09-17T21:00", ""),
                "content/events/soon.md", event("Soon evening", "2026-12-03T19:00", "2026-12-03T21:00", ""),
                "content/events/later.md", event("Later evening", "2027-01-03T19:00", "2027-01-03T21:00", ""));
        assertEquals(0, site.build().code());
        Document d = site.html("events/");
        assertEquals(List.of("Soon evening", "Later evening"),
                d.select("section[aria-labelledby=upcoming-heading] .card-title").eachText());
        assertEquals(List.of("Old evening"), d.select("section[aria-labelledby=past-heading] .card-title").eachText());
        assertNotNull(d.selectFirst("a[href=/calendar.ics]"));
        assertNotNull(d.selectFirst("a[href^=webcal://hub.example.org/calendar.ics]"));

        assertEquals(0, site.run("build", "-s", dir.toString(), "--today", "2026-12-10").code());
        assertEquals(List.of("Later evening"),
                site.html("events/").select("section[aria-labelledby=upcoming-heading] .card-title").eachText());
    }

    @Test
    void eventAndCirclePagesOfferAddToCalendarAndWebcal(@TempDir Path dir) {
        TestSite site = TestSite.create(dir,
                "content/circles/a.md", circle("Alpha", "online", "tuesday", "English", "free"),
                "content/circles/lonely.md", circle("Lonely", "online", "monday", "English", "free"),
                "content/events/a-weekly.md", event("Alpha weekly", "2026-12-01T19:00", "2026-12-01T20:30", "a"));
        assertEquals(0, site.build().code());
        Document event = site.html("events/a-weekly/");
        assertNotNull(event.selectFirst("a[href=/events/a-weekly/event.ics][download]"));
        assertNotNull(event.selectFirst("a[href=webcal://hub.example.org/events/a-weekly/event.ics]"));
        Document circle = site.html("circles/a/");
        assertNotNull(circle.selectFirst("a[href=/circles/a/calendar.ics][download]"));
        assertTrue(circle.select("section.meetings li").text().contains("Next: Tuesday 1 December 2026, 19:00"),
                circle.select("section.meetings").text());
        assertTrue(site.exists("circles/a/calendar.ics") && site.exists("calendar.ics"));
        assertTrue(site.html("circles/lonely/").select("a[href$=calendar.ics]").isEmpty(),
                "no calendar link for a circle without events");
    }

    @Test
    void libraryGroupsEveryTypedArticleOfTheSiteByType(@TempDir Path dir) {
        TestSite site = TestSite.create(dir,
                "content/library/_index.md", "---\ntitle: Library\n---\nWhat is here.\n",
                "content/library/s.md", "---\ntitle: A story\ntype: story\ncontent_note: \"Describes a panic attack\"\n---\nText.\n",
                "content/library/r.md", "---\ntitle: A study\ntype: research\n---\nText.\n",
                "content/guides/g.md", "---\ntitle: A guide elsewhere\n---\nText.\n",
                "content/events/e.md", event("An event", "2026-12-03T19:00", "2026-12-03T21:00", ""),
                "content/about.md", "---\ntitle: About\n---\nText.\n");
        assertEquals(0, site.build().code());
        Document d = site.html("library/");
        assertEquals(List.of("Guides (1)", "Stories (1)", "Research (1)"), d.select("[data-filter-group] h3").eachText());
        assertEquals(List.of("A guide elsewhere", "A story", "A study"), d.select("[data-filter-item] .card-title").eachText()
                .stream().sorted().toList());
        assertEquals("story", d.select("[data-filter-item]").stream().filter(e -> e.text().contains("A story")).findFirst()
                .orElseThrow().attr("data-type"));
        assertTrue(d.text().contains("Content note: Describes a panic attack"), "content notes show in the library");
    }

    @Test
    void contentNoteHoldsTheTextBackInAClosedDetailsElement(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, "content/guides/hard.md",
                "---\ntitle: Hard night\ncontent_note: \"Describes a panic attack in detail\"\n---\nThe words.\n");
        assertEquals(0, site.build().code());
        Element note = site.html("guides/hard/").selectFirst("details.content-note");
        assertNotNull(note);
        assertFalse(note.hasAttr("open"));
        assertTrue(note.selectFirst("summary").text().contains("Describes a panic attack in detail"));
        assertEquals("The words.", note.selectFirst(".prose").text());
        assertTrue(site.html("guides/").text().contains("Content note: Describes a panic attack in detail"));
    }

    @Test
    void languageFrontMatterMarksTheWritersTextAndIsValidated(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, "content/circles/es.md",
                circle("Círculo", "online", "sunday", "Spanish", "free").replace("---\nAbout.", "language: es\n---\nHola.")
                        .replace("led_by: peer\n", "led_by: peer\nsummary: \"Un círculo\"\n"));
        assertEquals(0, site.build().code(), site.build().err());
        Document d = site.html("circles/es/");
        assertEquals("en", d.selectFirst("html").attr("lang"));
        assertEquals("es", d.selectFirst("h1").attr("lang"));
        assertEquals("es", d.selectFirst(".summary").attr("lang"));
        assertEquals("es", d.selectFirst(".prose").attr("lang"));
        assertEquals("es", site.html("circles/").selectFirst(".card-title a").attr("lang"));

        site.write("content/guides/bad.md", "---\ntitle: Bad\nlanguage: \"not a language\"\n---\nText.\n");
        TestSite.Run run = site.build();
        assertEquals(1, run.code());
        assertTrue(run.err().contains("content/guides/bad.md:3:11: error: 'language' must be a language tag like es"),
                run.err());
    }

    @Test
    void outboundLinksInMarkdownGetNoreferrerNoopener(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, "content/guides/links.md",
                "---\ntitle: Links\n---\n[out](https://example.org/x) [in](/guides/links/) <https://example.net/>\n");
        assertEquals(0, site.build().code());
        Document d = site.html("guides/links/");
        assertEquals("noreferrer noopener", d.selectFirst(".prose a[href=https://example.org/x]").attr("rel"));
        assertEquals("noreferrer noopener", d.selectFirst(".prose a[href=https://example.net/]").attr("rel"));
        assertEquals("", d.selectFirst(".prose a[href=/guides/links/]").attr("rel"));
    }

    @Test
    void researchEntryShowsItsCitationWithADoiLink(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, "content/library/r.md", """
                ---
                title: A study
                type: research
                citation:
                  authors: ["Doe, J.", "Roe, R.", "Poe, P."]
                  year: 2020
                  title: "A title"
                  venue: "Journal, 1(2), 3-4"
                  doi: "10.1000/xyz"
                ---
                Summary.
                """);
        assertEquals(0, site.build().code(), site.build().err());
        Element c = site.html("library/r/").selectFirst("section.citation");
        assertEquals("Doe, J., Roe, R., & Poe, P. (2020). A title. Journal, 1(2), 3-4.", c.selectFirst("cite").text());
        assertNotNull(c.selectFirst("a[href=https://doi.org/10.1000/xyz][rel=noreferrer noopener]"));
    }
}

package dev.peerhub.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFrontMatterTest {

    static String weekly(String extra) {
        return "---\ntitle: Weekly\nstart: 2026-12-01T19:00\nend: 2026-12-01T20:30\ntimezone: Europe/London\n"
                + "location: Online\nonline: true\nrecurrence:\n  frequency: weekly\n  until: 2027-02-23\n" + extra
                + "---\nText.\n";
    }

    @Test
    void aCancellationOnADayTheEventDoesNotMeetIsAnError(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, "content/events/w.md", weekly("  except: [2026-12-28]\n"));
        TestSite.Run run = site.build();
        assertEquals(1, run.code());
        assertTrue(run.err().contains("content/events/w.md:11:11: error: 'except' 2026-12-28 is not a date this event"
                + " meets on"), run.err());
    }

    @Test
    void aCancellationOnAMeetingDayIsShownOnThePage(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, "content/events/w.md", weekly("  except: [2026-12-29]\n"));
        assertEquals(0, site.build().code());
        assertTrue(site.html("events/w/").select(".facts").text().contains("No meeting on 29 December 2026"));
    }

    @Test
    void anEventNamingAMissingCircleIsAWarning(@TempDir Path dir) {
        TestSite site = TestSite.create(dir, "content/events/w.md", weekly("").replace("---\nText", "circle: nowhere\n---\nText"));
        TestSite.Run run = site.build();
        assertEquals(0, run.code(), run.err());
        assertTrue(run.diagnostics().stream().anyMatch(l -> l.startsWith("content/events/w.md: warning: 'circle: nowhere'"
                + " names no circle")), run.err());
    }
}

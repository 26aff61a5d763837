package dev.peerhub.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the sample hub and reads every calendar feed with ical4j, as a calendar app would. */
class CalendarFeedTest {

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void buildSampleHub() {
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
        out = build("a");
    }

    static Path build(String name) {
        Path o = tmp.resolve(name);
        TestSite site = TestSite.create(tmp.resolve("unused-" + name));
        TestSite.Run run = site.run("build", "-s", TestSite.repo().toString(), "-o", o.toString(), "--today", "2026-11-23");
        assertEquals(0, run.code(), run.err());
        return o;
    }

    static List<Path> feeds(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".ics")).sorted().toList();
        }
    }

    static Calendar parse(Path p) throws Exception {
        return new CalendarBuilder().build(new StringReader(Files.readString(p)));
    }

    @Test
    void writesASiteFeedAFeedPerCircleAndPerEvent() throws IOException {
        List<String> names = feeds(out).stream().map(p -> out.relativize(p).toString()).toList();
        assertTrue(names.contains("calendar.ics"), names.toString());
        assertTrue(names.contains("circles/tuesday-evening-online-integration-circle/calendar.ics"), names.toString());
        assertTrue(names.contains("events/tuesday-evening-online-circle-weekly/event.ics"), names.toString());
        assertEquals(1 + 6 + 10, names.size(), names.toString());
    }

    @Test
    void everyFeedParsesWithCrlfLinesOfAtMost75Octets() throws Exception {
        for (Path p : feeds(out)) {
            byte[] bytes = Files.readAllBytes(p);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\r\n"), p.toString());
            assertFalse(text.replace("\r\n", "").contains("\n"), p + ": bare LF");
            for (String line : text.split("\r\n")) {
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, p + ": " + line);
            }
            Calendar cal = parse(p);
            assertEquals("2.0", cal.getProperty("VERSION").orElseThrow().getValue(), p.toString());
            assertEquals(CalendarWriter.PRODID, cal.getProperty("PRODID").orElseThrow().getValue());
            for (VEvent e : cal.<VEvent>getComponents(Component.VEVENT)) {
                assertTrue(e.getProperty("UID").isPresent() && e.getProperty("DTSTAMP").isPresent(), p.toString());
                assertTrue(e.getProperty("DTSTAMP").get().getValue().endsWith("Z"), p.toString());
                String tzid = e.getProperty("DTSTART").get().getParameter("TZID").orElseThrow().getValue();
                assertTrue(cal.getComponents(Component.VTIMEZONE).stream()
                        .anyMatch(z -> z.getProperty("TZID").get().getValue().equals(tzid)), p + " lacks VTIMEZONE " + tzid);
                assertTrue(e.getProperty("URL").isPresent() && e.getProperty("DESCRIPTION").isPresent(), p.toString());
            }
        }
    }

    @Test
    void tuesdayCircleSkipsTheCancelledSessionAndStaysAt19LocalAcrossTheClockChange() throws Exception {
        Calendar cal = parse(out.resolve("circles/tuesday-evening-online-integration-circle/calendar.ics"));
        VEvent e = cal.<VEvent>getComponents(Component.VEVENT).getFirst();
        ZoneId london = ZoneId.of("Europe/London");
        Period<ZonedDateTime> span = new Period<>(ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, london),
                ZonedDateTime.of(2027, 12, 31, 0, 0, 0, 0, london));
        Set<Period<ZonedDateTime>> occurrences = e.calculateRecurrenceSet(span);
        Set<LocalDate> dates = new TreeSet<>();
        for (Period<ZonedDateTime> o : occurrences) {
            ZonedDateTime local = o.getStart().withZoneSameInstant(london);
            assertEquals(LocalTime.of(19, 0), local.toLocalTime(), "starts at 19:00 UK time: " + o);
            dates.add(local.toLocalDate());
        }
        assertTrue(dates.contains(LocalDate.of(2026, 12, 22)));
        assertFalse(dates.contains(LocalDate.of(2026, 12, 29)), "cancelled session");
        assertTrue(dates.contains(LocalDate.of(2027, 1, 5)));
        assertTrue(dates.contains(LocalDate.of(2027, 3, 23)), "before the clock change");
        assertTrue(dates.contains(LocalDate.of(2027, 3, 30)), "after the clock change");
        assertEquals(LocalDate.of(2027, 6, 29), ((TreeSet<LocalDate>) dates).last(), "UNTIL includes the last Tuesday");
        assertEquals(31 - 1, dates.size(), "31 Tuesdays from 1 December to 29 June, one cancelled: " + dates);
        // 19:00 in London is 19:00 UTC in winter and 18:00 UTC in summer.
        ZonedDateTime winter = occurrences.stream().map(Period::getStart).filter(z -> z.toLocalDate()
                .equals(LocalDate.of(2027, 3, 23))).findFirst().orElseThrow();
        ZonedDateTime summer = occurrences.stream().map(Period::getStart).filter(z -> z.toLocalDate()
                .equals(LocalDate.of(2027, 3, 30))).findFirst().orElseThrow();
        assertEquals(19, winter.withZoneSameInstant(ZoneId.of("UTC")).getHour());
        assertEquals(18, summer.withZoneSameInstant(ZoneId.of("UTC")).getHour());
    }

    @Test
    void newYorkCircleStaysAt15LocalAcrossTheUsClockChangeWhichMovesItInLondon() throws Exception {
        Calendar cal = parse(out.resolve("circles/circulo-de-integracion-en-espanol/calendar.ics"));
        VEvent e = cal.<VEvent>getComponents(Component.VEVENT).getFirst();
        ZoneId ny = ZoneId.of("America/New_York");
        Set<Period<ZonedDateTime>> occurrences = e.calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, ny), ZonedDateTime.of(2027, 6, 1, 0, 0, 0, 0, ny)));
        for (Period<ZonedDateTime> o : occurrences) {
            assertEquals(LocalTime.of(15, 0), o.getStart().withZoneSameInstant(ny).toLocalTime(), o.toString());
        }
        // US clocks change on 14 March 2027, UK clocks on 28 March: 15:00 in New York is 20:00 in London on
        // 28 February, 19:00 on 14 March (US summer time, UK winter time), 20:00 again on 28 March.
        ZoneId london = ZoneId.of("Europe/London");
        java.util.function.Function<LocalDate, Integer> londonHour = day -> occurrences.stream().map(Period::getStart)
                .filter(z -> z.withZoneSameInstant(ny).toLocalDate().equals(day)).findFirst().orElseThrow()
                .withZoneSameInstant(london).getHour();
        assertEquals(20, londonHour.apply(LocalDate.of(2027, 2, 28)));
        assertEquals(19, londonHour.apply(LocalDate.of(2027, 3, 14)));
        assertEquals(20, londonHour.apply(LocalDate.of(2027, 3, 28)));
        assertEquals(13, occurrences.size(), "every other Sunday from 6 December to 23 May: " + occurrences);
    }

    @Test
    void rebuildsAreByteIdenticalSoUidsNeverChange() throws Exception {
        Path again = build("b");
        for (Path p : feeds(out)) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(again.resolve(out.relativize(p).toString())),
                    p.toString());
        }
        String text = Files.readString(out.resolve("events/tuesday-evening-online-circle-weekly/event.ics"));
        assertTrue(text.contains("UID:events.tuesday-evening-online-circle-weekly@riverside.example.org\r\n"), text);
        assertTrue(text.contains("DTSTAMP:20261001T000000Z\r\n"), text);
    }

    @Test
    void escapesTextAndWritesUntilInUtc() throws Exception {
        String text = Files.readString(out.resolve("events/tuesday-evening-online-circle-weekly/event.ics"));
        assertTrue(text.contains("RRULE:FREQ=WEEKLY;UNTIL=20270629T180000Z\r\n"), text);
        assertTrue(text.contains("EXDATE;TZID=Europe/London:20261229T190000\r\n"), text);
        assertTrue(text.contains("every Tuesday at 19:00 UK time"), text);
        assertTrue(text.contains("circle\\, every"), "commas escaped: " + text);
    }

    @Test
    void countLimitedRecurrenceAndEscapingInAnInlineSite(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.create(dir,
                "content/events/monthly.md", """
                ---
                title: "Check-in; monthly, with a \\\\ backslash"
                date: 2026-01-05
                summary: "Línea uno, línea dos; tres"
                start: 2026-01-10T10:00
                end: 2026-01-10T11:00
                timezone: America/New_York
                recurrence:
                  frequency: monthly
                  interval: 2
                  count: 4
                location: "Room 1, Hall; upstairs"
                online: false
                ---
                Body.
                """);
        assertEquals(0, site.build().code());
        Path ics = site.out().resolve("events/monthly/event.ics");
        Calendar cal = parse(ics);
        VEvent e = cal.<VEvent>getComponents(Component.VEVENT).getFirst();
        assertEquals("Check-in; monthly, with a \\ backslash", e.getProperty("SUMMARY").get().getValue());
        assertEquals("Room 1, Hall; upstairs", e.getProperty("LOCATION").get().getValue());
        ZoneId ny = ZoneId.of("America/New_York");
        Set<Period<Temporal>> occ = e.calculateRecurrenceSet(new Period<>(ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ny),
                ZonedDateTime.of(2027, 12, 1, 0, 0, 0, 0, ny)));
        assertEquals(4, occ.size(), occ.toString());
        assertTrue(Files.readString(ics).contains("RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=4\r\n"));
    }
}

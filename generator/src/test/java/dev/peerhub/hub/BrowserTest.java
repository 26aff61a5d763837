package dev.peerhub.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample hub in headless Chromium (Debian's chromium, driven by playwright-core from .ci/node):
 * every kind of page, in light and dark, checked for requests to other origins, cookies and storage,
 * CSP violations, axe-core violations, layout shift and focus; and the reader's journeys. One browser
 * run serves all the tests (two shared cores); each test asserts its own category of findings.
 * Needs {@code ./peerhub test} (which installs chromium and the Node packages); fails, never skips,
 * when they are missing.
 */
class BrowserTest {

    @TempDir
    static Path tmp;
    static HttpServer server;
    static Map<String, List<String>> findings = new TreeMap<>();
    static Path ics;

    @BeforeAll
    static void runBrowserChecks() throws Exception {
        Path repo = TestSite.repo();
        Path nodeDir = repo.resolve(".ci/node");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Chromium is missing at /usr/bin/chromium: run the tests with ./peerhub test (it installs it)");
        assertTrue(Files.isDirectory(nodeDir.resolve("node_modules/playwright-core")),
                "playwright-core is missing in .ci/node: run the tests with ./peerhub test (it runs npm ci there)");
        Path out = tmp.resolve("public");
        TestSite.Run run = TestSite.create(tmp.resolve("unused")).run("build", "-s", repo.toString(), "-o", out.toString(),
                "--today", "2026-11-23");
        assertEquals(0, run.code(), run.err());
        server = serve(out);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        ics = tmp.resolve("downloaded.ics");
        Path script = Path.of(BrowserTest.class.getResource("browser-checks.mjs").toURI());
        Process p = new ProcessBuilder("node", script.toString(), base, nodeDir.toString(), ics.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "browser checks took over 5 minutes");
        assertEquals(0, p.exitValue(), "browser checks crashed; output:\n" + output);
        for (String line : output.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            findings.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
        findings.getOrDefault("INFO", List.of()).forEach(l -> System.out.println("[browser] " + l));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop(0);
    }

    /** A static file server like a plain web host: index.html for folders, 404.html, text/calendar for .ics. */
    static HttpServer serve(Path root) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        s.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            int status = 200;
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                file = root.resolve("404.html");
                status = 404;
            }
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".js") || name.endsWith(".mjs") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".ics") ? "text/calendar; charset=utf-8"
                    : name.endsWith(".json") ? "application/json"
                    : name.endsWith(".xml") ? "application/xml" : "application/octet-stream";
            byte[] bytes = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (var body = exchange.getResponseBody(); InputStream ignored = exchange.getRequestBody()) {
                body.write(bytes);
            }
        });
        s.start();
        return s;
    }

    static void assertNone(String category) {
        List<String> found = findings.getOrDefault(category, List.of());
        assertTrue(found.isEmpty(), found.size() + " finding(s):\n" + String.join("\n", found));
    }

    @Test
    void noPageRequestsAnotherOriginOrWritesCookiesOrStorage() {
        assertNone("privacy");
    }

    @Test
    void noPageViolatesItsContentSecurityPolicyOrLogsErrors() {
        assertNone("csp");
        assertNone("console");
    }

    @Test
    void everyKindOfPageExistsWithLangSkipLinksLandmarksAndCrisisSupportInTheSamePlace() {
        assertNone("pages");
    }

    @Test
    void axeFindsNoViolationsInLightOrDark() {
        assertNone("axe");
    }

    @Test
    void nothingShiftsWhilePagesLoad() {
        assertNone("cls");
    }

    @Test
    void focusIsAlwaysVisibleAndNeverUnderTheStickyBar() {
        assertNone("focus");
    }

    @Test
    void reducedMotionTurnsOffSmoothScrolling() {
        assertNone("motion");
    }

    @Test
    void aReaderFindsAnOnlineTuesdayCircleAndAddsItsMeetingsToACalendar() throws Exception {
        assertNone("tuesday");
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
        Calendar cal = new CalendarBuilder().build(new StringReader(Files.readString(ics)));
        VEvent e = cal.<VEvent>getComponents(Component.VEVENT).getFirst();
        ZoneId london = ZoneId.of("Europe/London");
        Set<Period<ZonedDateTime>> meetings = e.calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, london), ZonedDateTime.of(2027, 2, 1, 0, 0, 0, 0, london)));
        List<LocalDate> dates = meetings.stream().map(m -> m.getStart().withZoneSameInstant(london).toLocalDate())
                .sorted().toList();
        assertTrue(dates.contains(LocalDate.of(2026, 12, 1)), dates.toString());
        assertFalse(dates.contains(LocalDate.of(2026, 12, 29)), dates.toString());
    }

    @Test
    void aReaderLeavesWithShiftPressedThreeTimes() {
        assertNone("quickExit");
    }

    @Test
    void aReaderSearchesFromTheHeaderAndFindsGuidesEvenWithATypo() {
        assertNone("search");
    }

    @Test
    void aReaderOpensAGuideBehindItsContentNote() {
        assertNone("contentNote");
    }

    @Test
    void withoutJavaScriptTheDirectoryIsGroupedAndTheExitIsAPlainLink() {
        assertNone("noJs");
    }
}

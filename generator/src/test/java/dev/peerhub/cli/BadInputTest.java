package dev.peerhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never crashes, never writes outside the output folder and is reported as one exact
 * {@code path:line:col: severity: message} line. Each case runs the real command line on a tiny site.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static final String OK_BODY = "\nSome text.\n";

    private static String page(String frontMatter) {
        return "---\n" + frontMatter + "---\n" + OK_BODY;
    }

    private TestSite.Run check(TestSite site) {
        return site.run("check", "-s", site.dir().toString(), "--today", "2026-11-23");
    }

    private TestSite.Run check(String... files) {
        return check(TestSite.create(dir, files));
    }

    private static void assertReports(TestSite.Run run, String expected) {
        assertTrue(run.diagnostics().contains(expected), () -> "expected the line\n  " + expected + "\nfound\n  "
                + String.join("\n  ", run.diagnostics()) + "\nall output:\n" + run.err());
        assertFalse(run.err().contains("internal error"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    private static void assertFails(TestSite.Run run, String expected) {
        assertReports(run, expected);
        assertEquals(1, run.code(), run.err());
    }

    private static void assertWarns(TestSite.Run run, String expected) {
        assertReports(run, expected);
        assertTrue(expected.contains(": warning: "), expected);
    }

    // --- the environment -------------------------------------------------------------------------

    /** Two builds of one site at once: the second says why it stops, writes nothing and is not an internal error. */
    @Test
    void aBuildWhileAnotherWritesTheSearchIndexSaysSoAndWritesNothing() throws IOException {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\ndate: 2024-05-01\n"));
        Path index = dev.peerhub.search.SearchIndexer.defaultIndexDir(site.dir());
        Files.createDirectories(index);
        Path out = dir.resolve("out");
        try (var d = org.apache.lucene.store.FSDirectory.open(index);
             var held = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            TestSite.Run run = site.run("build", "-s", site.dir().toString(), "-o", out.toString());
            assertEquals(2, run.code(), run.err());
            assertTrue(run.err().contains("another peerhub (a build, serve or search of this site) is writing its search index"),
                    run.err());
            assertTrue(run.err().contains("writing its search index in .peerhub-cache/search-index/;"), run.err());
            assertTrue(run.err().contains("nothing was written"), run.err());
            assertFalse(run.err().contains("internal error"), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertFalse(Files.exists(out.resolve("index.html")), "nothing written");
        }
        TestSite.Run after = site.run("build", "-s", site.dir().toString(), "-o", out.toString(), "--quiet");
        assertEquals(0, after.code(), after.err());
    }

    // --- YAML front matter ---------------------------------------------------------------------

    /**
     * Markdown that overflows the parser's stack (Flexmark matches HTML tags with regular expressions that
     * recurse once per attribute): a long one is parsed again on a deep stack and builds; one too long even
     * for that is an error naming the file, in build and in check, never an internal error.
     */
    @Test
    void markdownThatOverflowsTheParsersStack() {
        String longTag = "<a " + "b=c ".repeat(3_000) + "\n";
        TestSite ok = TestSite.create(dir.resolve("ok"), "content/guides/a.md", page("title: A\ndate: 2024-05-01\n") + longTag);
        TestSite.Run built = ok.run("build", "-s", ok.dir().toString(), "--quiet");
        assertEquals(0, built.code(), built.err());
        // too much even for the deep stack: how deep an input recurses depends on the JIT, so the deep stack is
        // made small here (2 MB) rather than the input huge
        String huge = "<a " + "b=c ".repeat(200_000) + "\n";
        TestSite bad = TestSite.create(dir.resolve("bad"), "content/guides/a.md", page("title: A\ndate: 2024-05-01\n") + huge);
        String expected = "content/guides/a.md: error: the Markdown parser ran out of stack on this page: something in it"
                + " is too long or nested too deeply (an HTML tag with thousands of attributes, or thousands of nested"
                + " brackets, for example); split it into smaller pieces";
        System.setProperty("peerhub.markdown.deepStackMb", "2");
        try {
            TestSite.Run run = bad.run("build", "-s", bad.dir().toString());
            assertFails(run, expected);
            assertTrue(run.err().contains("nothing was written"), run.err());
            assertFails(check(bad), expected);
        } finally {
            System.clearProperty("peerhub.markdown.deepStackMb");
        }
    }

    @Test
    void reportsAnUnclosedQuoteInFrontMatter() {
        assertFails(check("content/guides/a.md", page("title: \"Finding a circle\ndate: 2024-05-01\n")),
                "content/guides/a.md:2:8: error: unclosed quote: the value that starts here with a quote never ends with one (add the closing quote)");
    }

    @Test
    void reportsTabIndentationInFrontMatter() {
        assertFails(check("content/guides/a.md", page("title: A\ntags:\n\t- one\n")),
                "content/guides/a.md:4:1: error: tab character in YAML indentation: indent with spaces");
    }

    @Test
    void reportsADuplicateKey() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\ntitle: B\n")),
                "content/guides/a.md:4:1: error: duplicate key 'title': it is already set on line 2 (keep one of them)");
    }

    @Test
    void reportsFrontMatterWithoutItsClosingLine() {
        assertFails(check("content/guides/a.md", "---\ntitle: A\nsummary: S\n\nSome text.\n"),
                "content/guides/a.md:1:1: error: front matter starts with '---' on line 1 but has no closing '---' line (add a line with just --- after the last key)");
    }

    @Test
    void reportsFrontMatterThatIsAListInsteadOfKeys() {
        assertFails(check("content/guides/a.md", page("- title\n- date\n")),
                "content/guides/a.md:2:1: error: expected 'key: value' lines, found a list");
    }

    @Test
    void refusesAYamlAliasBomb() {
        String bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: A\n";
        assertFails(check("content/guides/a.md", page(bomb)), "content/guides/a.md:2:1: error: too many YAML aliases (more than 20): front matter does not need '*name' references this often, and many of them can blow up into gigabytes");
    }

    @Test
    void refusesAYamlTagAskingForAProcessBuilder() {
        assertFails(check("content/guides/a.md", page("title: !!java.lang.ProcessBuilder [[\"touch\", \"/tmp/pwned\"]]\n")),
                "content/guides/a.md:2:8: error: YAML tag '!!java.lang.ProcessBuilder' is not allowed: write plain values (text, numbers, dates, lists, key: value)");
        assertFalse(Files.exists(Path.of("/tmp/pwned")));
    }

    @Test
    void refusesAYamlTagAskingForAScriptEngineManager() {
        assertFails(check("content/guides/a.md",
                page("title: A\nx: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n")),
                "content/guides/a.md:3:4: error: YAML tag '!!javax.script.ScriptEngineManager' is not allowed: write plain values (text, numbers, dates, lists, key: value)");
    }

    @Test
    void reportsDeeplyNestedYaml() {
        assertFails(check("content/guides/a.md", page("title: A\nx: " + "[".repeat(40) + "]".repeat(40) + "\n")),
                "content/guides/a.md:2:1: error: YAML nested more than 20 levels deep: front matter needs only a few levels");
    }

    // --- front matter values -------------------------------------------------------------------

    @Test
    void reportsATitleThatIsAList() {
        assertFails(check("content/guides/a.md", page("title: [a, b]\nsummary: S\n")), "content/guides/a.md:2:8: error: 'title' must be text, got a list");
    }

    @Test
    void reportsATitleThatIsANumber() {
        assertFails(check("content/guides/a.md", page("title: 42\nsummary: S\n")), "content/guides/a.md:2:8: error: 'title' must be text, got the number 42");
    }

    @Test
    void reportsAnEmptyTitle() {
        assertFails(check("content/guides/a.md", page("title: \"\"\nsummary: S\n")), "content/guides/a.md:2:8: error: 'title' is empty: write the page's title, like title: \"Finding a circle\"");
    }

    @Test
    void reportsAnImpossibleDate() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\ndate: 2023-02-30\n")), "content/guides/a.md:4:7: error: 'date' is not a real date: \"2023-02-30\" (February 2023 has 28 days)");
    }

    @Test
    void reportsADateWrittenAsWords() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\ndate: tomorrow\n")), "content/guides/a.md:4:7: error: 'date' must be a date like 2024-05-01, got \"tomorrow\"");
    }

    @Test
    void reportsTagsGivenAsOneString() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\ntags: peer support, circles\n")), "content/guides/a.md:4:7: error: 'tags' must be a list like [peer support, ...], got the text \"peer support, circles\"");
    }

    @Test
    void reportsDraftThatIsNotTrueOrFalse() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\ndraft: maybe\n")), "content/guides/a.md:4:8: error: 'draft' must be true or false, got the text \"maybe\"");
    }

    @Test
    void reportsAWeightThatIsNotANumber() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\nweight: heavy\n")), "content/guides/a.md:4:9: error: 'weight' must be a whole number, got the text \"heavy\"");
    }

    @Test
    void reportsAnUnknownTypeWithASuggestion() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\ntype: giude\n")), "content/guides/a.md:4:7: error: 'type' must be one of guide, story, research, trip-report, harm-reduction, worksheet, training, page, got \"giude\" (did you mean 'guide'?)");
    }

    @Test
    void warnsAboutAnUnknownKeyWithASuggestion() {
        assertWarns(check("content/guides/a.md", page("title: A\nsummary: S\ntittle: B\n")), "content/guides/a.md:4:1: warning: unknown key 'tittle' (did you mean 'title'?)");
    }

    @Test
    void warnsWhenUpdatedIsBeforeDate() {
        assertWarns(check("content/guides/a.md", page("title: A\nsummary: S\ndate: 2024-05-01\nupdated: 2024-04-01\n")),
                "content/guides/a.md:5:10: warning: 'updated' (2024-04-01) is before 'date' (2024-05-01)");
    }

    @Test
    void warnsAboutAGuideWithoutSummary() {
        assertWarns(check("content/guides/a.md", page("title: A\n")), "content/guides/a.md:2:1: warning: guide without a 'summary': lists and search show its first paragraph instead; add summary: \"one sentence on what the guide helps with\"");
    }

    @Test
    void warnsAboutTagsThatDifferOnlyInCaseOrSpacing() {
        assertWarns(check("content/guides/a.md", page("title: A\nsummary: S\ntags: [Peer Support]\n"),
                "content/guides/b.md", page("title: B\nsummary: S\ntags: [peer  support]\n")), "content/guides/b.md: warning: tag \"peer support\" differs from \"Peer Support\" only in case, spacing or punctuation; both are shown as \"Peer Support\"");
    }

    @Test
    void reportsASlugThatClimbsOutOfItsFolder() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\nslug: ../../etc/passwd\n")), "content/guides/a.md:4:7: error: 'slug' must be one URL segment of lower-case letters, digits and hyphens like starting-a-circle, got \"../../etc/passwd\"");
    }

    @Test
    void reportsASlugThatIsAnAbsolutePath() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\nslug: /etc/passwd\n")), "content/guides/a.md:4:7: error: 'slug' must be one URL segment of lower-case letters, digits and hyphens like starting-a-circle, got \"/etc/passwd\"");
    }

    @Test
    void reportsAnAliasThatClimbsOutOfTheSite() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\naliases: [/../../x/]\n")), "content/guides/a.md:4:10: error: each of 'aliases' must be an old site path like /old/guide/, got \"/../../x/\"");
    }

    @Test
    void reportsTwoFilesClaimingOneUrl() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\n"),
                "content/guides/b.md", page("title: B\nsummary: S\nslug: a\n")), "content/guides/b.md: error: this file and content/guides/a.md both publish /guides/a/ (change one file's name or its 'slug')");
    }

    @Test
    void warnsAboutAFileWithoutFrontMatter() {
        assertWarns(check("content/guides/a.md", "# Finding a circle\n\nText.\n"), "content/guides/a.md:1:1: warning: no front matter: the title is taken from the first line (\"Finding a circle\"); add front matter with title, date, tags and summary");
    }

    // --- bytes and files -----------------------------------------------------------------------

    @Test
    void acceptsAByteOrderMarkAndKeepsPositions() {
        TestSite site = TestSite.create(dir);
        site.writeBytes("content/guides/a.md", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                page("title: A\nsummary: S\ndate: 2023-02-30\n").getBytes(StandardCharsets.UTF_8)));
        assertFails(check(site), "content/guides/a.md:4:7: error: 'date' is not a real date: \"2023-02-30\" (February 2023 has 28 days)");
    }

    @Test
    void acceptsCrlfLineEndingsAndKeepsPositions() {
        TestSite site = TestSite.create(dir, "content/guides/a.md",
                page("title: A\nsummary: S\ndate: 2023-02-30\n").replace("\n", "\r\n"));
        assertFails(check(site), "content/guides/a.md:4:7: error: 'date' is not a real date: \"2023-02-30\" (February 2023 has 28 days)");
    }

    @Test
    void buildsAFileWithCrlfLineEndingsAndAByteOrderMark() {
        TestSite site = TestSite.create(dir);
        site.writeBytes("content/guides/a.md", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                page("title: Finding a circle\nsummary: S\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        TestSite.Run run = site.build();
        assertEquals(0, run.code(), run.err());
        assertEquals("Finding a circle", site.html("guides/a/").select("h1").first().text());
    }

    @Test
    void reportsBytesThatAreNotUtf8() {
        TestSite site = TestSite.create(dir);
        site.writeBytes("content/guides/a.md", concat(page("title: A\nsummary: S\n").getBytes(StandardCharsets.UTF_8),
                "Caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, '\n'}));
        assertFails(check(site), "content/guides/a.md:7:4: error: the file is not UTF-8 text: byte 0xE9 cannot start or continue a UTF-8 character (save the file as UTF-8)");
    }

    @Test
    void warnsAboutAnEmptyFile() {
        assertWarns(check("content/guides/a.md", ""), "content/guides/a.md: warning: empty file: nothing to publish, so it is left out");
    }

    @Test
    void reportsABinaryFile() {
        TestSite site = TestSite.create(dir);
        site.writeBytes("content/guides/a.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertFails(check(site), "content/guides/a.md: error: this looks like a binary file (it contains NUL bytes), not Markdown text");
    }

    @Test
    void reportsAFileOverTheSizeLimit() {
        TestSite site = TestSite.create(dir);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        site.writeBytes("content/guides/a.md", big);
        assertFails(check(site), "content/guides/a.md: error: file is larger than the 10 MB limit for content files (it has 10485761 bytes): is it really Markdown?");
    }

    @Test
    void reportsASymbolicLinkLeadingOutOfTheSite() throws IOException {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path secret = Files.writeString(dir.resolve("secret.md"), page("title: Secret\nsummary: S\n"));
        Files.createDirectories(site.dir().resolve("content/guides"));
        Files.createSymbolicLink(site.dir().resolve("content/guides/a.md"), secret);
        TestSite.Run run = check(site);
        assertFails(run, "content/guides/a.md: error: symbolic link leads outside the site folder (to "
                + secret.toRealPath() + "); it is not read: copy the file into the site instead");
    }

    // --- templates ------------------------------------------------------------------------------

    @Test
    void reportsAFreemarkerSyntaxErrorWithTheTemplatesLine() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n"));
        site.write("templates/tags.ftlh", "<#import \"/layouts/base.ftlh\" as base>\n<@base.layout>\n<#if>\n</@base.layout>\n");
        assertFails(check(site), "templates/tags.ftlh:3:2: error: template syntax error: #if is an existing directive, but the tag is malformed.");
    }

    @Test
    void reportsAnUndefinedValueWithTheTemplatesLine() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n"));
        site.write("templates/tags.ftlh", "<#import \"/layouts/base.ftlh\" as base>\n<@base.layout>\n<p>${page.autor}</p>\n</@base.layout>\n");
        assertFails(check(site), "templates/tags.ftlh:3:6: error: 'page.autor' is not defined (see templates/README.md for what templates receive)");
    }

    @Test
    void reportsAMissingTemplate() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n"));
        site.delete("templates/tag.ftlh");
        assertFails(check(site), "templates/tag.ftlh: error: template not found: the theme needs tag.ftlh");
    }

    // --- site.yml and folders -------------------------------------------------------------------

    @Test
    void reportsASiteYmlValueOfTheWrongType() {
        assertFails(check("site.yml", TestSite.MINIMAL_CONFIG + "paginate: ten\n", "content/guides/a.md",
                page("title: A\nsummary: S\n")), "site.yml:4:11: error: 'paginate' must be a whole number, got the text \"ten\"");
    }

    @Test
    void warnsAboutAnUnknownSiteYmlKeyWithASuggestion() {
        assertWarns(check("site.yml", TestSite.MINIMAL_CONFIG + "descripton: A hub\n", "content/guides/a.md",
                page("title: A\nsummary: S\n")), "site.yml:4:1: warning: unknown key 'descripton' in site.yml (did you mean 'description'?)");
    }

    @Test
    void reportsMalformedSiteYml() {
        assertFails(check("site.yml", "title: \"Test hub\nbase_url: https://hub.example.org/\n", "content/guides/a.md",
                page("title: A\nsummary: S\n")), "site.yml:1:8: error: unclosed quote: the value that starts here with a quote never ends with one (add the closing quote)");
    }

    @Test
    void reportsAMissingContentFolder() {
        assertFails(check(), "content: error: no content/ folder in the site: write guides as content/SECTION/NAME.md");
    }

    @Test
    void reportsAMissingSiteYml() throws IOException {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n"));
        site.delete("site.yml");
        assertFails(check(site), "site.yml: error: no site.yml in " + site.dir().toRealPath()
                + " (is -s pointing at the site folder? it holds site.yml, content/ and templates/)");
    }

    @Test
    void refusesAnOutputFolderInsideContent() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n"));
        TestSite.Run run = site.build("-o", site.dir().resolve("content/public").toString());
        assertFails(run, "content/public: error: the output folder must not be inside content/ or templates/, nor contain the site: choose another folder with -o");
        assertFalse(Files.exists(site.dir().resolve("content/public")));
    }

    @Test
    void refusesToReplaceAFolderPeerhubDidNotMake() throws IOException {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n"));
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "precious");
        TestSite.Run run = site.build("-o", mine.toString());
        assertEquals(2, run.code(), run.err());
        assertEquals("peerhub build: " + mine + " exists, is not empty and was not written by peerhub; peerhub replaces"
                + " its output folder whole, so choose an empty or new folder with -o", run.err().lines().findFirst().orElse(""));
        assertEquals("precious", Files.readString(mine.resolve("thesis.txt")));
    }

    // --- links and images (check lists each one) -------------------------------------------------

    @Test
    void reportsABrokenInternalLink() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\n") + "\nSee [the other](missing.md).\n"),
                "content/guides/a.md:8:5: error: link to 'missing.md' leads nowhere: no such file in content/");
    }

    @Test
    void reportsALinkToAHeadingThatDoesNotExist() {
        assertFails(check("content/guides/a.md", page("title: A\nsummary: S\n") + "\nSee [b](b.md#nowhere).\n",
                "content/guides/b.md", page("title: B\nsummary: S\n") + "\n## Somewhere\n\nText.\n"), "content/guides/a.md:8:5: error: link to 'b.md#nowhere': the page exists but has no heading with id 'nowhere'");
    }

    @Test
    void warnsAboutAnImageWithoutAltText() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n") + "\n![](pic.png)\n");
        site.writeBytes("content/guides/pic.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertWarns(check(site), "content/guides/a.md:8:1: warning: image 'pic.png' has no alternative text: write ![what the image shows](pic.png)");
    }

    @Test
    void buildReportsBrokenLinksAsOneWarningPointingToCheck() {
        TestSite site = TestSite.create(dir, "content/guides/a.md", page("title: A\nsummary: S\n")
                + "\nSee [one](missing.md) and [two](gone.md).\n");
        TestSite.Run run = site.build();
        assertEquals(0, run.code(), run.err());
        assertWarns(run, "content: warning: 2 broken internal links (first at content/guides/a.md:8:5, content/guides/a.md:8:27); run 'peerhub check' to list them all");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}

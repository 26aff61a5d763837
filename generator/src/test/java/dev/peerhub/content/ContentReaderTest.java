package dev.peerhub.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.diagnostic.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentReaderTest {

    private final Diagnostics out = new Diagnostics();

    private Optional<SourceText> decode(byte[] bytes) {
        return ContentReader.decode("content/a.md", bytes, out);
    }

    private List<String> problems() {
        return out.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void decodesUtf8TextOfEveryPlane() {
        String text = "Caf\u00e9, \u0144, \u4e2d\u6587, \ud83c\udf31 and an apostrophe \u2019\n";
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8)).orElseThrow().text());
        assertEquals(List.of(), problems());
    }

    @Test
    void keepsAReplacementCharacterTheFileReallyContains() {
        String text = "A \ufffd written on purpose\n";
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8)).orElseThrow().text());
        assertEquals(List.of(), problems());
    }

    @Test
    void reportsTheFirstByteThatIsNotUtf8WithItsLineAndColumn() {
        byte[] bytes = "one\ntw\u00f6 \ufffd x".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3; // a lead byte with nothing after it
        assertTrue(decode(bad).isEmpty());
        assertEquals(List.of("content/a.md:2:8: error: the file is not UTF-8 text: byte 0xC3 cannot start or continue"
                + " a UTF-8 character (save the file as UTF-8)"), problems());
    }

    @Test
    void reportsUtf8EncodedSurrogatesAsNotUtf8() {
        assertTrue(decode(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}).isEmpty());
        assertEquals(1, out.errorCount(), problems().toString());
    }

    @Test
    void dropsAByteOrderMarkAndNormalisesLineEndings() {
        byte[] bytes = "\ufeffa\r\nb\rc\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("a\nb\nc\n", decode(bytes).orElseThrow().text());
    }

    @Test
    void aReaderKeepingTextsAnswersTheSecondReadFromMemoryAndTheThirdFromDisk(@TempDir Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("content")).resolve("a.md");
        Files.writeString(file, "first\n");
        ContentReader reader = ContentReader.keepingTexts(dir.toRealPath());
        Path real = dir.toRealPath().resolve("content/a.md");
        assertEquals("first\n", reader.read(real, out).orElseThrow().text());
        Files.writeString(file, "second\n");
        assertEquals("first\n", reader.read(real, out).orElseThrow().text()); // the page stage sees what was checked
        assertEquals("second\n", reader.read(real, out).orElseThrow().text());
        assertEquals("second\n", new ContentReader(dir.toRealPath()).read(real, out).orElseThrow().text());
        assertEquals(List.of(), problems());
    }

    @Test
    void countsWordsWithApostrophesHyphensAndLettersOfEveryScript() {
        assertEquals(7, MarkdownBody.countWords("It's a well-known caf\u00e9 \u2014 don\u2019t 42! \u4e2d\u6587"));
        assertEquals(5, MarkdownBody.countWords("**bold** _x_ [link](a.md)"));
        // every character, between letters and on its own, counts as the plain definition says
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) all.append('a').append(c).append(c).append(' ');
        assertEquals(referenceCount(all.toString()), MarkdownBody.countWords(all.toString()));
    }

    /** The definition: runs of letters, digits, apostrophes (straight or typographic) and inner hyphens. */
    private static int referenceCount(String body) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean w = Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019';
            if (w && !in) words++;
            in = w || (in && c == '-');
        }
        return words;
    }
}

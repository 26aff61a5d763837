package dev.peerhub.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentLinesTest {

    @Test
    void escapesBackslashCommaSemicolonAndNewlines() {
        assertEquals("a\\\\b\\, c\\; d\\ne\\nf", ContentLines.escape("a\\b, c; d\r\ne\nf"));
    }

    @Test
    void foldsAt75OctetsWithCrlfAndALeadingSpace() {
        String line = "DESCRIPTION:" + "x".repeat(200);
        String folded = ContentLines.fold(line);
        assertTrue(folded.endsWith("\r\n"));
        for (String l : folded.split("\r\n")) assertTrue(l.getBytes(StandardCharsets.UTF_8).length <= 75, l);
        assertEquals(line, folded.replace("\r\n ", "").strip());
    }

    @Test
    void neverSplitsAMultiByteCharacter() {
        // é is 2 octets, € 3, the emoji 4 (a surrogate pair): every split point must fall between characters.
        String line = "SUMMARY:" + "é€🌿".repeat(40);
        String folded = ContentLines.fold(line);
        for (String l : folded.split("\r\n")) {
            byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length <= 75, l);
            assertEquals(l, new String(bytes, StandardCharsets.UTF_8));
            assertTrue(!l.isEmpty() && !Character.isLowSurrogate(l.charAt(l.startsWith(" ") ? 1 : 0)), l);
        }
        assertEquals(line, folded.replace("\r\n ", "").strip());
    }
}

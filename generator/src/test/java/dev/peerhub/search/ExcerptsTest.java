package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

    /** The quick cut of a passage's first words has the same words as the general one on any text. */
    @Test
    void sourceIsTheTextOfTheFirstWords() {
        assertEquals("", Excerpts.source(""));
        assertEquals("", Excerpts.source(" \n "));
        String whole = "a b\nc";
        assertSame(whole, Excerpts.source(whole), "nothing to cut: the text itself");
        assertEquals("a \t b", Excerpts.source("  a \t b \n"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) many.append("w").append(i).append(i % 9 == 0 ? '\n' : ' ');
        String manyCut = Excerpts.source(many.toString());
        assertEquals(Excerpts.SOURCE_WORDS, Excerpts.words(manyCut).size());
        assertTrue(manyCut.endsWith("w" + (Excerpts.SOURCE_WORDS - 1)), manyCut);
        String longPassage = "x ".repeat(40_000) + "y"; // longer than the per-thread buffer
        assertEquals("x ".repeat(Excerpts.SOURCE_WORDS - 1) + "x", Excerpts.source(longPassage));

        String[] pieces = {"word", "x", "é", " ", " ", "\n", "\t", "\r\n", "\u00A0", "\u2003", "  "};
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(i % 10 == 0 ? 400 : 12);
            for (int k = 0; k < n; k++) s.append(pieces[r.nextInt(pieces.length)]);
            String text = s.toString();
            String cut = Excerpts.source(text);
            assertEquals(sourceOfAnyText(text), String.join(" ", Excerpts.words(cut)), text);
            assertTrue(text.contains(cut), text);
            if (!cut.isEmpty()) {
                assertFalse(ParsedQuery.isSpace(cut.charAt(0)) || ParsedQuery.isSpace(cut.charAt(cut.length() - 1)), text);
            }
        }
    }

    /** What {@link Excerpts#source} must give, word by word: the first words, joined by single spaces. */
    private static String sourceOfAnyText(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        for (int count = 0; count < Excerpts.SOURCE_WORDS; count++) { // the same as words(text), stopping early
            while (i < n && ParsedQuery.isSpace(text.charAt(i))) i++;
            int start = i;
            while (i < n && !ParsedQuery.isSpace(text.charAt(i))) i++;
            if (i == start) break;
            if (count > 0) out.append(' ');
            out.append(text, start, i);
        }
        return out.toString();
    }
}

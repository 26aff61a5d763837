package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

    /** The quick cut of a passage's first words equals the general one on any text. */
    @Test
    void sourceIsTheFirstWordsJoinedBySingleSpaces() {
        assertEquals("", Excerpts.source(""));
        assertEquals("a b c", Excerpts.source("a b\nc"));
        assertEquals("a b", Excerpts.source("  a \t b \n"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) many.append("w").append(i).append(i % 9 == 0 ? '\n' : ' ');
        assertEquals(Excerpts.SOURCE_WORDS, Excerpts.source(many.toString()).split(" ").length);

        String[] pieces = {"word", "x", "é", " ", " ", "\n", "\t", "\r\n", "\u00A0", "\u2003", "  "};
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(i % 10 == 0 ? 400 : 12);
            for (int k = 0; k < n; k++) s.append(pieces[r.nextInt(pieces.length)]);
            String text = s.toString();
            assertEquals(sourceOfAnyText(text), Excerpts.source(text), text);
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

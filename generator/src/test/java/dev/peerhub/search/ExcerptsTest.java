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
            assertEquals(Excerpts.sourceOfAnyText(text), Excerpts.source(text), text);
        }
    }
}

package dev.peerhub.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The page writer gives the bytes of {@code String.getBytes(UTF_8)} of everything written, however it is split. */
class Utf8OutTest {

    private static final char[] ALPHABET = {'a', 'Z', '<', '&', '\n', 'é', '\u00b7', '\u2013', '\u2192', '\uFFFD',
            '\uD83D', '\uDE00', '\uD800', '\uDC00'};

    @Test
    void randomTextSplitAnywhereEncodesAsTheWholeString() {
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round % 10 == 0 ? 400 : 40);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('a' + random.nextInt(26)));
            }
            String s = text.toString();
            Utf8Out out = Utf8Out.get();
            int at = 0;
            while (at < s.length()) {
                int piece = Math.min(s.length() - at, random.nextInt(5) == 0 ? 1 + random.nextInt(150) : 1 + random.nextInt(4));
                switch (random.nextInt(5)) {
                    case 0 -> out.write(s.substring(at, at + piece));
                    case 1 -> out.write(s, at, piece);
                    case 2 -> out.write(s.toCharArray(), at, piece);
                    case 3 -> out.append(s, at, at + piece);
                    default -> {
                        piece = 1;
                        out.write(s.charAt(at));
                    }
                }
                at += piece;
            }
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), out.bytes(), s);
        }
    }

    @Test
    void eachPageStartsEmpty() {
        Utf8Out out = Utf8Out.get();
        out.write("x".repeat(100) + "\uD83D");
        assertEquals(0, Utf8Out.get().bytes().length);
    }
}

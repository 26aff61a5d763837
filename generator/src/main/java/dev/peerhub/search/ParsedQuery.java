package dev.peerhub.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A query as the reader typed it, before analysis. The browser client parses with the same rules
 * (see {@code client.js}, {@code parseQuery}):
 *
 * <ul>
 *   <li>text between double quotes is a phrase (an unclosed quote runs to the end);
 *   <li>a word or phrase right after {@code -} (at the start of a chunk) is excluded;
 *   <li>every other run of non-space characters is a word, all required;
 *   <li>the last word is a prefix when the query does not end with a space, the word is not
 *       excluded or quoted, and it is at least two letters or digits and nothing else.
 * </ul>
 *
 * @param words    required words (raw text, analysed later)
 * @param phrases  required phrases (raw text)
 * @param excluded excluded words and phrases (raw text)
 * @param prefix   the word being typed, or null
 */
public record ParsedQuery(List<String> words, List<String> phrases, List<String> excluded, String prefix) {

    public ParsedQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
    }

    public Optional<String> prefixWord() {
        return Optional.ofNullable(prefix);
    }

    /**
     * A space between words, here and in the client: controls and ASCII space, and Unicode's spaces. Written
     * with the common case first so that it stays small enough for C1 to inline: excerpts run it on every
     * character of every passage the index adds.
     */
    static boolean isSpace(int c) {
        return c <= 0x20 || (c >= 0xA0 && isUnicodeSpace(c));
    }

    private static boolean isUnicodeSpace(int c) {
        return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
                || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    public static ParsedQuery parse(String query) {
        Objects.requireNonNull(query, "query");
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        String lastWord = null;
        boolean lastIsPlainWord = false;
        int n = query.length();
        int i = 0;
        while (i < n) {
            char c = query.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            boolean negate = false;
            if (c == '-' && i + 1 < n && !isSpace(query.charAt(i + 1))) {
                negate = true;
                i++;
                c = query.charAt(i);
            }
            if (c == '"') {
                int end = query.indexOf('"', i + 1);
                if (end < 0) end = n;
                String phrase = query.substring(i + 1, end);
                (negate ? excluded : phrases).add(phrase);
                i = Math.min(n, end + 1);
                lastIsPlainWord = false;
            } else {
                int start = i;
                while (i < n && !isSpace(query.charAt(i)) && query.charAt(i) != '"') i++;
                String word = query.substring(start, i);
                if (negate) {
                    excluded.add(word);
                    lastIsPlainWord = false;
                } else {
                    words.add(word);
                    lastWord = word;
                    lastIsPlainWord = i == n;
                }
            }
        }
        String prefix = null;
        if (lastIsPlainWord && isPrefixWord(lastWord)) {
            words.remove(words.size() - 1);
            prefix = lastWord;
        }
        return new ParsedQuery(words, phrases, excluded, prefix);
    }

    private static boolean isPrefixWord(String w) {
        if (w.codePointCount(0, w.length()) < 2) return false;
        return w.codePoints().allMatch(Character::isLetterOrDigit);
    }

    /** True when nothing positive was asked for. */
    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty() && prefix == null;
    }
}

package dev.peerhub.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the best passage of a result and cuts an excerpt with {@code <mark>} around matched
 * words; {@code client.js} does exactly the same. A word (a run of non-space characters) matches
 * when one of its analysed terms is a query term (after prefix and typo expansion). The best
 * passage has the most distinct query terms in its heading and the first {@value #SOURCE_WORDS}
 * words of its text (the first one wins ties); the excerpt is {@value #WINDOW} of those words
 * starting {@value #BEFORE} words before the first match.
 */
final class Excerpts {
    static final int WINDOW = 30;
    static final int BEFORE = 8;

    /**
     * Only the first this many words of each passage are shipped to the browser and looked at
     * for the excerpt: a page of ten results then costs about a third of the bytes of whole texts.
     */
    static final int SOURCE_WORDS = 80;

    record Excerpt(String anchor, String html) {}

    private final Function<String, List<String>> analyze;
    private final Set<String> terms;
    private final Map<String, List<String>> cache = new HashMap<>();

    Excerpts(Function<String, List<String>> analyze, Set<String> terms) {
        this.analyze = analyze;
        this.terms = terms;
    }

    private List<String> termsOf(String word) {
        return cache.computeIfAbsent(word, analyze);
    }

    private boolean matches(String word) {
        for (String t : termsOf(word)) if (terms.contains(t)) return true;
        return false;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && ParsedQuery.isSpace(text.charAt(i))) i++;
            int start = i;
            while (i < n && !ParsedQuery.isSpace(text.charAt(i))) i++;
            if (i > start) out.add(text.substring(start, i));
        }
        return out;
    }

    /**
     * The part of a passage the excerpt is cut from: the text from its first word to the end of its
     * {@value #SOURCE_WORDS}th, spaces between words kept as they are ({@link #words} and the client's
     * {@code words()} split on any run of them, so what they are does not matter). Runs on every passage of
     * every page the index adds, so it is one tight pass over the characters, with a copy only when there
     * is something to cut away.
     */
    static String source(String text) {
        int n = text.length();
        char[] c = n <= SCRATCH_CHARS ? SCRATCH.get() : new char[n];
        text.getChars(0, n, c, 0);
        int i = 0;
        while (i < n && ParsedQuery.isSpace(c[i])) i++;
        int start = i;
        int end = i;
        int words = 0;
        while (i < n) {
            while (i < n && !ParsedQuery.isSpace(c[i])) i++;
            end = i;
            if (++words == SOURCE_WORDS) break;
            while (i < n && ParsedQuery.isSpace(c[i])) i++;
        }
        return start == 0 && end == n ? text : text.substring(start, end);
    }

    /** Passages up to this long are copied into a per-thread buffer rather than a new array. */
    private static final int SCRATCH_CHARS = 1 << 16;
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[SCRATCH_CHARS]);

    Excerpt build(String[] anchors, String[] headings, String[] fullTexts) {
        if (fullTexts.length == 0) return new Excerpt("", "");
        String[] texts = new String[fullTexts.length];
        for (int i = 0; i < texts.length; i++) texts[i] = source(fullTexts[i]);
        int best = 0;
        int bestCount = -1;
        for (int p = 0; p < texts.length; p++) {
            Set<String> found = new HashSet<>();
            for (String w : words(texts[p])) {
                for (String t : termsOf(w)) if (terms.contains(t)) found.add(t);
            }
            for (String t : analyze.apply(headings[p])) if (terms.contains(t)) found.add(t);
            if (found.size() > bestCount) {
                best = p;
                bestCount = found.size();
            }
        }
        List<String> words = words(texts[best]);
        int first = 0;
        for (int i = 0; i < words.size(); i++) {
            if (matches(words.get(i))) {
                first = i;
                break;
            }
        }
        int start = Math.max(0, first - BEFORE);
        int end = Math.min(words.size(), start + WINDOW);
        StringBuilder sb = new StringBuilder();
        if (start > 0) sb.append("\u2026 ");
        for (int i = start; i < end; i++) {
            if (i > start) sb.append(' ');
            String w = words.get(i);
            if (matches(w)) sb.append("<mark>").append(escape(w)).append("</mark>");
            else sb.append(escape(w));
        }
        if (end < words.size()) sb.append(" \u2026");
        return new Excerpt(anchors[best], sb.toString());
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

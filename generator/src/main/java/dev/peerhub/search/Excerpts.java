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

    /** The part of a passage the excerpt is cut from: its first {@value #SOURCE_WORDS} words, space-separated. */
    static String source(String text) {
        // one pass to the end of the last word wanted, noting whether every gap before it is one space;
        // then the text as it is, or copied once with each run of spaces made one
        int n = text.length();
        int i = 0;
        while (i < n && ParsedQuery.isSpace(text.charAt(i))) i++;
        int start = i;
        int end = start;
        int words = 0;
        boolean plain = true;
        while (i < n && words < SOURCE_WORDS) {
            while (i < n && !ParsedQuery.isSpace(text.charAt(i))) i++;
            words++;
            end = i;
            int gap = i;
            while (i < n && ParsedQuery.isSpace(text.charAt(i))) i++;
            if (i < n && words < SOURCE_WORDS && (i - gap != 1 || text.charAt(gap) != ' ')) plain = false;
        }
        if (plain) return text.substring(start, end);
        char[] out = new char[end - start];
        int o = 0;
        boolean inGap = false;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (ParsedQuery.isSpace(c)) {
                if (!inGap) out[o++] = ' ';
                inGap = true;
            } else {
                out[o++] = c;
                inGap = false;
            }
        }
        return new String(out, 0, o);
    }

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

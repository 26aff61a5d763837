package dev.peerhub.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code peerhub check} needs of a Markdown body (its headings and its inline links and images) found
 * in one pass over the text, for bodies written in a plain subset of Markdown where that is certain
 * without a parser; {@link Optional#empty()} for any other body, which then goes through Flexmark.
 *
 * <p>Flexmark's parse is most of check's time. Most guides use ATX headings, paragraphs, lists, block
 * quotes, emphasis and {@code [text](destination)} links, and for those the answer does not depend on the
 * finer points of CommonMark. The scan gives up on anything that could make it depend on them:
 * <ul>
 *   <li>anywhere in the body: {@code <} (HTML, autolinks), {@code &} (entities), {@code \} (escapes),
 *       a backtick (code), {@code ~} (fences, strikethrough), a tab, {@code [^} (footnotes);
 *   <li>a line indented four spaces or more inside its containers (code, or a list continuation the scan
 *       does not follow), a line of only {@code -}, {@code =}, {@code *} or {@code _} and spaces (thematic
 *       breaks, setext underlines), a line starting with {@code :} (definition lists) or with a link
 *       reference definition;
 *   <li>a bracket that does not belong to a one-line {@code [text](destination)} or
 *       {@code ![alt](destination)} whose text has no brackets and whose destination has no space,
 *       quote, parenthesis, bracket or {@code |};
 *   <li>{@code http} outside such a link (a bare address becomes a link: {@link BareLinks});
 *   <li>a heading whose text is empty or holds anything but letters, digits, spaces and {@code ,:;?!()/+%}
 *       with single {@code -} and {@code .} (emphasis, quotes, dashes and ellipses change the text its id
 *       is made from), or a {@code #} other than the closing sequence;
 *   <li>{@code ![alt]} not followed by a destination (an image reference).
 * </ul>
 * Equality with Flexmark on every body the scan accepts is tested on the sample hub, the seeds, a
 * generated corpus and random snippets ({@code QuickScanTest}).
 */
final class QuickScan {

    /** An ATX heading: level, text (what Flexmark's heading id is made from), offset of its first {@code #}. */
    record ScannedHeading(int level, String text, int offset) {}

    /**
     * An inline link or image.
     *
     * @param offset where it starts ({@code [} of a link, {@code !} of an image)
     * @param raw    its destination as written
     * @param image  whether it is an image
     * @param text   what is between the brackets (an image's alternative text)
     */
    record ScannedLink(int offset, String raw, boolean image, String text) {}

    record Scan(List<ScannedHeading> headings, List<ScannedLink> links) {}

    private final String s;
    /** Whether the body holds {@code http} in any case at all (most do not: no address to look for). */
    private final boolean addresses;
    /** The next {@code [} and {@code ]} at or after the last place looked from; -1 when none is left. */
    private int nextOpen = -2, nextClose = -2;
    private final List<ScannedHeading> headings = new ArrayList<>();
    private final List<ScannedLink> links = new ArrayList<>();

    private QuickScan(String body, boolean addresses) {
        this.s = body;
        this.addresses = addresses;
    }

    static Optional<Scan> scan(String body) {
        boolean addresses = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '<' || c == '&' || c == '\\' || c == '`' || c == '~' || c == '\t' || c == '\r'
                    || (c == '[' && i + 1 < body.length() && body.charAt(i + 1) == '^')) {
                return Optional.empty();
            }
            if ((c == 'h' || c == 'H') && !addresses) addresses = body.regionMatches(true, i, "http", 0, 4);
        }
        QuickScan q = new QuickScan(body, addresses);
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            if (!q.line(start, end)) return Optional.empty();
            start = end + 1;
        }
        return Optional.of(new Scan(List.copyOf(q.headings), List.copyOf(q.links)));
    }

    /** The first {@code [} in {@code [from, end)}, or -1; {@code from} never goes back between calls. */
    private int open(int from, int end) {
        if (nextOpen != -1 && nextOpen < from) nextOpen = s.indexOf('[', from);
        return nextOpen >= 0 && nextOpen < end ? nextOpen : -1;
    }

    /** The first {@code ]} in {@code [from, end)}, or -1; {@code from} never goes back between calls. */
    private int close(int from, int end) {
        if (nextClose != -1 && nextClose < from) nextClose = s.indexOf(']', from);
        return nextClose >= 0 && nextClose < end ? nextClose : -1;
    }

    /** Scans one line, {@code [start, end)} of the body; false when the body is outside the subset. */
    private boolean line(int start, int end) {
        int p = start;
        // container prefixes: block quote markers and list markers, each after at most three spaces
        while (true) {
            int q = spaces(s, p, end);
            if (q == end) return true; // blank, however many spaces
            if (q - p >= 4) return false; // indented code, or list continuation the scan does not follow
            if (q < end && s.charAt(q) == '>') {
                p = q + 1;
                if (p < end && s.charAt(p) == ' ') p++;
                continue;
            }
            int m = listMarker(s, q, end);
            if (m > q) {
                if (onlyOf(s, q, end)) return false; // "- - -" and "* * *" are thematic breaks
                int after = spaces(s, m, end);
                if (after - m >= 5) return false; // the item starts with indented code
                p = m + Math.min(1, after - m);
                continue;
            }
            p = q;
            break;
        }
        if (p == end) return true; // blank
        if (onlyOf(s, p, end)) return false; // thematic break or setext underline
        char first = s.charAt(p);
        if (first == ':') return false; // definition list
        if (first == '#') {
            int hashes = 0;
            while (p + hashes < end && s.charAt(p + hashes) == '#') hashes++;
            if (p + hashes == end || s.charAt(p + hashes) == ' ') {
                if (hashes > 6) return false;
                return heading(p, p + hashes, end, hashes);
            }
        }
        if (first == '[' && definitionLike(p, end)) return false;
        return inlines(p, end);
    }

    private static int spaces(String s, int p, int end) {
        while (p < end && s.charAt(p) == ' ') p++;
        return p;
    }

    /** The end of a list marker at {@code p} ({@code - * +}, or up to nine digits and {@code . )}), or {@code p}. */
    private static int listMarker(String s, int p, int end) {
        if (p >= end) return p;
        char c = s.charAt(p);
        int m;
        if (c == '-' || c == '*' || c == '+') {
            m = p + 1;
        } else {
            int d = p;
            while (d < end && d - p < 10 && s.charAt(d) >= '0' && s.charAt(d) <= '9') d++;
            if (d == p || d - p > 9 || d >= end || (s.charAt(d) != '.' && s.charAt(d) != ')')) return p;
            m = d + 1;
        }
        return m == end || s.charAt(m) == ' ' ? m : p;
    }

    /** True when {@code [p, end)} holds only one of {@code - = * _} and spaces (also used by {@link QuickParse}). */
    static boolean onlyOf(String s, int p, int end) {
        char mark = 0;
        for (int i = p; i < end; i++) {
            char c = s.charAt(i);
            if (c == ' ') continue;
            if (c != '-' && c != '=' && c != '*' && c != '_') return false;
            if (mark == 0) mark = c;
            else if (c != mark) return false;
        }
        return mark != 0;
    }

    /** {@code [label]:} starts a link reference definition. */
    private boolean definitionLike(int p, int end) {
        int close = close(p, end);
        return close < 0 || (close + 1 < end && s.charAt(close + 1) == ':');
    }

    private boolean heading(int at, int textStart, int end, int level) {
        int a = spaces(s, textStart, end);
        int b = end;
        while (b > a && s.charAt(b - 1) == ' ') b--;
        // a closing sequence: spaces then #s at the end (or the whole text is #s)
        int h = b;
        while (h > a && s.charAt(h - 1) == '#') h--;
        if (h < b && (h == a || s.charAt(h - 1) == ' ')) {
            b = h;
            while (b > a && s.charAt(b - 1) == ' ') b--;
        }
        if (a == b) return false;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == ' ' || ",:;?!()/+%".indexOf(c) >= 0) continue;
            if (c == '-' && (i + 1 == b || s.charAt(i + 1) != '-')) continue;
            // "..." and ". . ." become an ellipsis
            if (c == '.' && !s.startsWith(".", i + 1) && !s.startsWith(" .", i + 1)) continue;
            return false;
        }
        headings.add(new ScannedHeading(level, s.substring(a, b), at));
        return true;
    }

    /** Finds the inline links and images of a paragraph line; false on any bracket or address it cannot place. */
    private boolean inlines(int p, int end) {
        int i = p;
        while (i < end) {
            int open = open(i, end);
            int close = close(i, end);
            if (open < 0) {
                if (close >= 0) return false;
                return noAddress(i, end);
            }
            if (close >= 0 && close < open) return false;
            if (!noAddress(i, open)) return false;
            if (close < 0) return false;
            if (open(open + 1, close) >= 0) return false; // nested brackets
            if (close + 1 < end && s.charAt(close + 1) == '(') {
                int paren = indexOf(')', close + 2, end);
                if (paren < 0) return false;
                for (int k = close + 2; k < paren; k++) {
                    char c = s.charAt(k);
                    if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '[' || c == ']' || c == '|') return false;
                }
                for (int k = open + 1; k < close; k++) if (s.charAt(k) == '|') return false;
                boolean image = open > p && s.charAt(open - 1) == '!';
                links.add(new ScannedLink(image ? open - 1 : open, s.substring(close + 2, paren), image,
                        s.substring(open + 1, close)));
                i = paren + 1;
            } else {
                // [text] with no destination: plain text (there are no reference definitions); but ![alt]
                // may be taken for an image reference
                if (open > p && s.charAt(open - 1) == '!') return false;
                if (!noAddress(open, close + 1)) return false;
                i = close + 1;
            }
        }
        return true;
    }

    /** The first {@code c} in {@code [from, to)}, or -1 (String.indexOf would search the rest of the body). */
    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) == c) return i;
        return -1;
    }

    /** True when {@code [from, to)} holds no {@code http} in any case (no bare address to link). */
    private boolean noAddress(int from, int to) {
        if (!addresses) return true;
        for (int i = from; i + 4 <= to; i++) {
            char c = s.charAt(i);
            if ((c == 'h' || c == 'H') && s.regionMatches(true, i, "http", 0, 4)) return false;
        }
        return true;
    }
}

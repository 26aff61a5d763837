package dev.peerhub.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast parser for Markdown bodies written in a plain subset, building the very tree Flexmark's parser builds
 * for them (with {@link MarkdownRenderer}'s extensions): the same node classes in the same order, the same
 * {@link BasedSequence} segments (node characters, markers, text, link parts, paragraph content lines and
 * line indents) and the same flags (tight and loose list items and lists, blank lines after item paragraphs,
 * trailing blank lines of paragraphs, list start numbers and delimiters). Everything after parsing
 * (BareLinks, link rewriting, heading ids, {@link FastHtml}, search passages, the table of contents) then
 * works on it unchanged. {@link #parse} returns null for any body outside the subset, which then goes
 * through Flexmark's parser as before.
 *
 * <p><b>Why.</b> Flexmark's parse was the largest single item of a build's profile (about a fifth of the
 * CPU of a 10,000-article build): a general CommonMark block parser with every extension's hooks, regular
 * expressions and segmented sequences. Most bodies use a handful of constructs whose tree does not depend on
 * the finer points of CommonMark, and one pass over the text builds it.
 *
 * <p><b>The subset.</b> Anything else, anywhere in the body, and the whole body is left to Flexmark:
 * <ul>
 *   <li>Characters: none of {@code < & \ ` ~} (HTML, autolinks, entities, escapes, code, fences,
 *       strikethrough), {@code |} only in tables, no {@code [^} (footnotes), no control character but the
 *       line feed (so no tab, no carriage return), no Unicode white space but the plain space, and no line
 *       ending in a space (hard line breaks).
 *   <li>Blocks, each starting at the left margin: blank lines; ATX headings ({@code #} to {@code ######},
 *       a space, non-empty text not ending in {@code #}); paragraphs, whose continuation lines may be
 *       indented up to three spaces and end at a blank line, a heading, a block quote or a list item that
 *       can interrupt a paragraph (a bullet, or an ordered item numbered 1), continuation lines not
 *       indented; block quotes of {@code >} lines (at most one space after the marker) holding only
 *       paragraphs, separated by {@code >} lines, with lazy continuation lines of text; tables of plain
 *       rows (see {@link #table}); bullet lists ({@code - * +}) and ordered lists ({@code 1.} or
 *       {@code 1)}, at most nine digits, no leading zero) whose markers are at the left margin followed by
 *       one space, each item holding one paragraph (continued lazily or indented by exactly the item's
 *       content indent), items separated by any number of blank lines (a loose list) or none.
 *       A list ends at a heading, a block quote, a list of another kind (bullet, or ordered from 1) or,
 *       after a blank line, at any other block at the left margin; a line indented after a blank line, nested blocks
 *       in items, thematic breaks, setext underlines, lines starting with {@code :} (definition lists)
 *       and lines indented four spaces or more are outside the subset.
 *   <li>Inlines: text; soft line breaks; {@code *emphasis*} and {@code **strong**} whose delimiter runs
 *       can either only open or only close (by CommonMark's flanking rules) and nest properly; typographic
 *       double quotes in proper pairs; single quotes as apostrophes inside words, as proper pairs, or as an
 *       unmatched closing or opening quote (all as Flexmark's typographic extension makes them);
 *       {@code ...}, {@code . . .}, {@code --} and {@code ---}; and inline links {@code [text](destination)}
 *       on one line, whose text has no brackets and no space at either end, and whose destination is not
 *       empty and has no space, quote, parenthesis, bracket or {@code >}. Outside the subset: {@code _},
 *       {@code >} and {@code ]} in text, images, reference links, link titles, delimiter runs longer than
 *       two, unmatched or improperly nested {@code *} and {@code "}, and non-ASCII characters next to a
 *       delimiter other than letters and digits.
 * </ul>
 *
 * <p><b>Why the fallback is safe.</b> The parser reads the body once and gives up (returns null) at the
 * first thing it is not sure of; it never returns a partial tree. The subset is chosen so that within it
 * CommonMark's and Flexmark's rules reduce to the few checks made here (see the comments at each), and
 * {@code QuickParseTest} compares the tree node by node, and the rendered article, with Flexmark's on the
 * sample hub, the seed documents, a generated corpus and thousands of random bodies built from edge cases.
 */
final class QuickParse {

    /** Leaving the subset: thrown without a stack trace, caught in {@link #parse}. */
    private static final class Outside extends RuntimeException {
        Outside() {
            super(null, null, false, false);
        }
    }

    private static final Outside OUTSIDE = new Outside();

    /** The typographic strings Flexmark's extension gives its nodes (read from the options). */
    private record Typography(String ldquo, String rdquo, String lsquo, String rsquo, String apostrophe,
                              String ellipsis, String ellipsisSpaced, String emDash, String enDash) {
        static Typography of(DataHolder options) {
            return new Typography(TypographicExtension.DOUBLE_QUOTE_OPEN.get(options),
                    TypographicExtension.DOUBLE_QUOTE_CLOSE.get(options),
                    TypographicExtension.SINGLE_QUOTE_OPEN.get(options),
                    TypographicExtension.SINGLE_QUOTE_CLOSE.get(options),
                    TypographicExtension.SINGLE_QUOTE_UNMATCHED.get(options),
                    TypographicExtension.ELLIPSIS.get(options), TypographicExtension.ELLIPSIS_SPACED.get(options),
                    TypographicExtension.EM_DASH.get(options), TypographicExtension.EN_DASH.get(options));
        }
    }

    private final String s;
    private final BasedSequence base;
    private final Typography typography;
    /** Line k is {@code [start[k], end[k])}, without its line feed. */
    private final int[] start;
    private final int[] end;
    private final int lines;

    private QuickParse(String body, BasedSequence base, Typography typography, int[] start, int[] end, int lines) {
        this.s = body;
        this.base = base;
        this.typography = typography;
        this.start = start;
        this.end = end;
        this.lines = lines;
    }

    /**
     * The tree Flexmark's parser with {@code options} builds for {@code body}, or null when the body is outside
     * the subset.
     *
     * @param options the options of the Flexmark parser this one stands in for (the document gets them)
     */
    static Document parse(String body, DataHolder options) {
        int n = body.length();
        int lineCount = 0;
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c < 0x80) {
                if (c < ' ') {
                    if (c != '\n') return null;
                    if (i > 0 && body.charAt(i - 1) == ' ' && !blankBefore(body, i)) return null;
                    lineCount++;
                } else if (c == '<' || c == '&' || c == '\\' || c == '`' || c == '~' || c == 0x7f
                        || c == '[' && i + 1 < n && body.charAt(i + 1) == '^') {
                    return null;
                }
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\ufeff' || c == '\ufffd'
                    || Character.isISOControl(c)) {
                return null;
            }
        }
        if (n > 0 && body.charAt(n - 1) == ' ' && !blankBefore(body, n)) return null;
        // a final line feed ends the last line; it does not start another
        if (n > 0 && body.charAt(n - 1) != '\n') lineCount++;
        int[] start = new int[lineCount];
        int[] end = new int[lineCount];
        int from = 0;
        for (int k = 0; k < lineCount; k++) {
            int nl = body.indexOf('\n', from);
            start[k] = from;
            end[k] = nl < 0 ? n : nl;
            from = end[k] + 1;
        }
        BasedSequence base = BasedSequence.of(body);
        try {
            return new QuickParse(body, base, Typography.of(options), start, end, lineCount).document(options);
        } catch (Outside e) {
            return null;
        }
    }

    /** Whether the line ending at {@code lineEnd} holds only spaces (trailing spaces matter on other lines only). */
    private static boolean blankBefore(String body, int lineEnd) {
        for (int i = lineEnd - 1; i >= 0 && body.charAt(i) != '\n'; i--) {
            if (body.charAt(i) != ' ') return false;
        }
        return true;
    }

    private Document document(DataHolder options) {
        Document doc = new Document(options, base);
        int k = 0;
        while (k < lines) {
            if (blank(k)) {
                k++;
            } else {
                k = block(doc, k);
            }
        }
        return doc;
    }

    // ---- lines

    private boolean blank(int k) {
        for (int i = start[k]; i < end[k]; i++) if (s.charAt(i) != ' ') return false;
        return true;
    }

    private int indent(int k) {
        int i = start[k];
        while (i < end[k] && s.charAt(i) == ' ') i++;
        return i - start[k];
    }

    /** The offset just after line k's line feed (the end of the body on the last line without one). */
    private int next(int k) {
        return end[k] < s.length() ? end[k] + 1 : end[k];
    }

    /** How a line's content starting at {@code p} (not a space) would start a block. */
    private enum Kind { TEXT, HEADING, QUOTE, BULLET, ORDERED_ONE, ORDERED, TABLE, OUTSIDE }

    private Kind kind(int p, int e) {
        char c = s.charAt(p);
        // thematic breaks and setext underlines ("---", "* * *", "==="), and "-" alone (an empty item)
        if (QuickScan.onlyOf(s, p, e)) return Kind.OUTSIDE;
        if (c == ':') return Kind.OUTSIDE; // a definition
        if (c == '#') return atxLevel(p, e) > 0 ? Kind.HEADING : Kind.TEXT;
        if (c == '>') return Kind.QUOTE;
        if (c == '|') return Kind.TABLE;
        int m = markerEnd(p, e);
        if (m > p) {
            if (m == e) return Kind.OUTSIDE; // an empty item
            if (c == '-' || c == '*' || c == '+') return Kind.BULLET;
            return m - p == 2 && c == '1' ? Kind.ORDERED_ONE : Kind.ORDERED;
        }
        return Kind.TEXT;
    }

    /** The level of an ATX heading starting at {@code p}, or 0. */
    private int atxLevel(int p, int e) {
        int h = 0;
        while (p + h < e && s.charAt(p + h) == '#') h++;
        return h <= 6 && (p + h == e || s.charAt(p + h) == ' ') ? h : 0;
    }

    /**
     * The end of a list marker at {@code p} followed by a space or the line's end ({@code - * +}, or one to
     * nine digits without a leading zero and {@code .} or {@code )}), or {@code p}.
     */
    private int markerEnd(int p, int e) {
        char c = s.charAt(p);
        int m;
        if (c == '-' || c == '*' || c == '+') {
            m = p + 1;
        } else if (c >= '0' && c <= '9') {
            int d = p;
            while (d < e && s.charAt(d) >= '0' && s.charAt(d) <= '9') d++;
            if (d - p > 9 || d >= e || s.charAt(d) != '.' && s.charAt(d) != ')') return p;
            if (c == '0' && d - p > 1) throw OUTSIDE; // a leading zero: the start number is not what it reads
            m = d + 1;
        } else {
            return p;
        }
        return m == e || s.charAt(m) == ' ' ? m : p;
    }

    // ---- blocks

    /** Parses the block starting on line k (not blank) into {@code doc}; returns the line after it. */
    private int block(Document doc, int k) {
        if (indent(k) > 0) throw OUTSIDE;
        int p = start[k];
        switch (kind(p, end[k])) {
            case HEADING -> {
                doc.appendChild(heading(k));
                return k + 1;
            }
            case QUOTE -> {
                return blockQuote(doc, k);
            }
            case BULLET, ORDERED, ORDERED_ONE -> {
                return list(doc, k);
            }
            case TEXT -> {
                return paragraph(doc, k, p, Context.TOP, 0);
            }
            case TABLE -> {
                return table(doc, k);
            }
            default -> throw OUTSIDE;
        }
    }

    private Heading heading(int k) {
        int p = start[k];
        int e = end[k];
        int level = atxLevel(p, e);
        int a = p + level;
        while (a < e && s.charAt(a) == ' ') a++;
        // empty, or a possible closing sequence: Flexmark's rules for those are left to it
        if (a == e || s.charAt(e - 1) == '#') throw OUTSIDE;
        Heading h = new Heading();
        h.setLevel(level);
        h.setOpeningMarker(base.subSequence(p, p + level));
        h.setText(base.subSequence(a, e));
        h.setChars(base.subSequence(p, e));
        new Inlines(a, e).parse(h, a, e);
        return h;
    }

    /** Where a paragraph is: its continuation rules differ. */
    private enum Context { TOP, QUOTE, ITEM }

    /** Paragraph content lines gathered so far: content start, end (without the line feed), indent. */
    private int[] segStart = new int[16];
    private int[] segEnd = new int[16];
    private int[] segIndent = new int[16];
    private int segments;

    private void segment(int from, int to, int indent) {
        if (segments == segStart.length) {
            segStart = java.util.Arrays.copyOf(segStart, segments * 2);
            segEnd = java.util.Arrays.copyOf(segEnd, segments * 2);
            segIndent = java.util.Arrays.copyOf(segIndent, segments * 2);
        }
        segStart[segments] = from;
        segEnd[segments] = to;
        segIndent[segments] = indent;
        segments++;
    }

    /**
     * Parses a paragraph whose first line is line k, its content starting at {@code p}, into {@code parent};
     * returns the line after its last line.
     *
     * @param contentIndent an item's content indent (its continuation lines may be indented by exactly that)
     */
    private int paragraph(Node parent, int k, int p, Context context, int contentIndent) {
        segments = 0;
        segment(p, end[k], 0);
        int j = k + 1;
        while (j < lines) {
            if (!continuation(j, context, contentIndent)) break;
            j++;
        }
        Paragraph para = paragraphNode(j);
        parent.appendChild(para);
        // a blank line after it, within its container (the blank line after a block quote is outside it)
        para.setTrailingBlankLine(j < lines && context != Context.QUOTE && blank(j)
                || context == Context.QUOTE && j < lines && quoteBlank(j));
        return j;
    }

    /** Adds line j to the paragraph being gathered if it continues it; false if the paragraph ends before it. */
    private boolean continuation(int j, Context context, int contentIndent) {
        if (blank(j)) return false;
        int indent = indent(j);
        int p = start[j] + indent;
        int e = end[j];
        switch (context) {
            case TOP -> {
                // an indented line keeps its indent in Flexmark's content line (a prefixed sequence)
                if (indent > 0) throw OUTSIDE;
                Kind kind = kind(p, e);
                switch (kind) {
                    case TEXT, ORDERED -> { } // an ordered item not numbered 1 cannot interrupt a paragraph
                    case HEADING, QUOTE, BULLET, ORDERED_ONE -> {
                        return false;
                    }
                    default -> throw OUTSIDE;
                }
                segment(p, e, 0);
                return true;
            }
            case ITEM -> {
                Kind kind = kind(p, e);
                if (indent == 0) {
                    switch (kind) {
                        case TEXT -> { } // lazy continuation
                        case HEADING, QUOTE, BULLET, ORDERED, ORDERED_ONE -> {
                            return false;
                        }
                        default -> throw OUTSIDE;
                    }
                } else if (indent != contentIndent || kind != Kind.TEXT) {
                    throw OUTSIDE;
                }
                segment(p, e, 0);
                return true;
            }
            default -> {
                // in a block quote: "> text" lines, and lazy continuation lines
                if (indent > 0) throw OUTSIDE;
                if (s.charAt(p) != '>') {
                    switch (kind(p, e)) {
                        case TEXT -> { }
                        case HEADING, BULLET, ORDERED_ONE -> {
                            return false; // ends the quote
                        }
                        default -> throw OUTSIDE;
                    }
                    segment(p, e, 0);
                    return true;
                }
                int c = quoteContent(j);
                if (c == e) return false; // a ">" line ends the paragraph
                if (kind(c, e) != Kind.TEXT) throw OUTSIDE;
                segment(c, e, 0);
                return true;
            }
        }
    }

    /** Builds the paragraph from the gathered segments; line j is the first line after it. */
    private Paragraph paragraphNode(int j) {
        int last = j - 1;
        List<BasedSequence> contentLines = new ArrayList<>(segments);
        int[] indents = new int[segments];
        for (int i = 0; i < segments; i++) {
            int to = segEnd[i] < s.length() ? segEnd[i] + 1 : segEnd[i];
            contentLines.add(base.subSequence(segStart[i], to));
            indents[i] = segIndent[i];
        }
        Paragraph para = new Paragraph(base.subSequence(segStart[0], next(last)), contentLines, indents);
        int n = segments;
        int[] from = java.util.Arrays.copyOf(segStart, n);
        int[] to = java.util.Arrays.copyOf(segEnd, n);
        Inlines inlines = new Inlines(from[0], to[0]);
        for (int i = 1; i < n; i++) {
            // Flexmark's inline input skips the container prefix here: a node's text across it is segmented
            if (from[i] != to[i - 1] + 1) inlines.lines(from, to);
        }
        for (int i = 0; i < n; i++) {
            inlines.lineStart = from[i];
            inlines.lineEnd = to[i];
            inlines.scan(from[i], to[i]);
            if (i + 1 < n) inlines.softBreak(to[i]);
        }
        inlines.finish(para);
        return para;
    }

    /** Where the content of the block quote line j starts: after {@code >} and at most one space. */
    private int quoteContent(int j) {
        int c = start[j] + 1;
        if (c < end[j] && s.charAt(c) == ' ') c++;
        if (c < end[j] && s.charAt(c) == ' ') throw OUTSIDE; // indented content within the quote
        return c;
    }

    /** Whether line j is a {@code >} line with nothing after the marker. */
    private boolean quoteBlank(int j) {
        return !blank(j) && indent(j) == 0 && s.charAt(start[j]) == '>' && quoteContent(j) == end[j];
    }

    private int blockQuote(Document doc, int k) {
        BlockQuote quote = new BlockQuote();
        quote.setOpeningMarker(base.subSequence(start[k], start[k] + 1));
        doc.appendChild(quote);
        int j = k;
        int lastEnd = -1;
        while (j < lines && !blank(j)) {
            // a line that interrupted the last paragraph (no other line can end up here)
            if (s.charAt(start[j]) != '>') break;
            int c = quoteContent(j);
            if (c == end[j]) {
                if (j == k) throw OUTSIDE; // a quote opening with an empty line
                j++;
                continue;
            }
            if (kind(c, end[j]) != Kind.TEXT) throw OUTSIDE;
            j = paragraph(quote, j, c, Context.QUOTE, 0);
            lastEnd = next(j - 1);
        }
        if (quoteBlank(j - 1)) throw OUTSIDE; // a quote ending with an empty line
        quote.setChars(base.subSequence(start[k], lastEnd));
        return j;
    }

    private int list(Document doc, int k) {
        int p = start[k];
        char c = s.charAt(p);
        boolean bullet = c == '-' || c == '*' || c == '+';
        int m = markerEnd(p, end[k]);
        char delimiter = s.charAt(m - 1);
        ListBlock list;
        if (bullet) {
            BulletList b = new BulletList();
            b.setOpeningMarker(c);
            list = b;
        } else {
            OrderedList o = new OrderedList();
            o.setStartNumber(Integer.parseInt(s, p, m - 1, 10));
            o.setDelimiter(delimiter);
            list = o;
        }
        doc.appendChild(list);
        boolean tight = true;
        int j = k;
        while (true) {
            int q = start[j];
            int me = markerEnd(q, end[j]);
            int content = me + 1;
            if (content >= end[j] || s.charAt(content) == ' ') throw OUTSIDE; // empty, or more than one space
            if (kind(content, end[j]) != Kind.TEXT) throw OUTSIDE; // a nested block
            ListItem item = bullet ? new BulletListItem() : new OrderedListItem();
            item.setOpeningMarker(base.subSequence(q, me));
            list.appendChild(item);
            int after = paragraph(item, j, content, Context.ITEM, content - q);
            Paragraph para = (Paragraph) item.getLastChild();
            item.setChars(base.subSequence(q, para.getEndOffset()));
            int blanks = 0;
            while (after + blanks < lines && blank(after + blanks)) blanks++;
            int following = after + blanks;
            para.setTrailingBlankLine(blanks > 0);
            item.setHadBlankAfterItemParagraph(blanks > 0);
            boolean more = false;
            if (following < lines) {
                if (indent(following) > 0) throw OUTSIDE; // a second paragraph of the item, or code
                int f = start[following];
                Kind kind = kind(f, end[following]);
                if (kind == Kind.BULLET || kind == Kind.ORDERED || kind == Kind.ORDERED_ONE) {
                    int fm = markerEnd(f, end[following]);
                    boolean same = bullet ? s.charAt(f) == c : kind != Kind.BULLET && s.charAt(fm - 1) == delimiter;
                    if (same) {
                        more = true;
                    } else if (blanks == 0 && kind == Kind.ORDERED) {
                        throw OUTSIDE; // another kind of list right after an item, not starting at 1
                    }
                } else if (blanks == 0 && kind != Kind.HEADING && kind != Kind.QUOTE) {
                    throw OUTSIDE;
                }
            }
            // an item followed by a blank line and another item is loose; the last item stays tight
            if (more && blanks > 0) {
                item.setLoose(true);
                tight = false;
            } else {
                item.setTight(true);
            }
            if (!more) {
                list.setTight(tight);
                list.setChars(base.subSequence(start[k], item.getEndOffset()));
                return following;
            }
            j = following;
        }
    }

    // ---- tables

    /**
     * A table of plain cells: a header row, a separator row of {@code |---|} cells (three dashes or more, no
     * alignment), and at least one body row, every row {@code | cell | cell |} with the header's number of
     * cells, each holding letters, digits, spaces and {@code , ; : ? ( ) / % +} only (Flexmark's tables
     * extension splits a row's inline nodes into cells in ways not worth following), with a blank line or
     * the start of the body before the table and a blank line or the end after it.
     */
    private int table(Document doc, int k) {
        if (k > 0 && !blank(k - 1)) throw OUTSIDE;
        int j = k;
        while (j < lines && !blank(j)) j++;
        if (j - k < 3) throw OUTSIDE;
        int columns = bars(k) - 1;
        List<BasedSequence> contentLines = new ArrayList<>(j - k);
        for (int r = k; r < j; r++) contentLines.add(base.subSequence(start[r], next(r)));
        TableBlock table = new TableBlock(base.subSequence(start[k], next(j - 1)), contentLines);
        TableHead head = new TableHead(base.subSequence(start[k], end[k]));
        head.appendChild(row(k, columns, true, 1));
        table.appendChild(head);
        TableSeparator separator = new TableSeparator(base.subSequence(start[k + 1], end[k + 1]));
        separator.appendChild(row(k + 1, columns, false, 0));
        table.appendChild(separator);
        TableBody body = new TableBody(base.subSequence(start[k + 2], end[j - 1]));
        for (int r = k + 2; r < j; r++) body.appendChild(row(r, columns, false, r - k - 1));
        table.appendChild(body);
        doc.appendChild(table);
        return j;
    }

    /** How many {@code |} line k has; it must start and end with one. */
    private int bars(int k) {
        int n = 0;
        for (int i = start[k]; i < end[k]; i++) if (s.charAt(i) == '|') n++;
        if (n < 2 || s.charAt(start[k]) != '|' || s.charAt(end[k] - 1) != '|') throw OUTSIDE;
        return n;
    }

    /** Row k of a table: {@code rowNumber} 0 for the separator. */
    private TableRow row(int k, int columns, boolean header, int rowNumber) {
        if (bars(k) - 1 != columns) throw OUTSIDE;
        boolean separator = rowNumber == 0 && !header;
        TableRow row = new TableRow(base.subSequence(start[k], end[k]));
        row.setRowNumber(rowNumber);
        int bar = start[k];
        for (int c = 0; c < columns; c++) {
            int next = s.indexOf('|', bar + 1);
            int a = bar + 1;
            int b = next;
            if (separator) {
                if (b - a < 3) throw OUTSIDE;
                for (int i = a; i < b; i++) if (s.charAt(i) != '-') throw OUTSIDE;
            } else {
                if (s.charAt(a) != ' ' || s.charAt(b - 1) != ' ') throw OUTSIDE;
                while (a < b && s.charAt(a) == ' ') a++;
                while (b > a && s.charAt(b - 1) == ' ') b--;
                if (a == b) throw OUTSIDE;
            }
            TableCell cell = new TableCell(base.subSequence(c == 0 ? bar : bar + 1, next + 1));
            if (c == 0) cell.setOpeningMarker(base.subSequence(bar, bar + 1));
            cell.setText(base.subSequence(a, b));
            cell.setClosingMarker(base.subSequence(next, next + 1));
            cell.setHeader(header);
            if (separator) {
                cell.appendChild(new Text(base.subSequence(a, b)));
            } else {
                Inlines inlines = new Inlines(start[k], end[k]);
                inlines.cell = true;
                inlines.parse(cell, a, b);
                // the extension leaves an empty text where the cell's space before "|" was, after a node
                if (!(cell.getLastChild() instanceof Text)) cell.appendChild(new Text(base.subSequence(b, b)));
            }
            row.appendChild(cell);
            bar = next;
        }
        return row;
    }

    // ---- inlines

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /** Inline content of one paragraph or heading (or a link's text): text, breaks, delimiters, links. */
    private final class Inlines {
        /** The nodes so far; a null stands for an opening delimiter not yet matched. */
        private final List<Node> out = new ArrayList<>();
        /** Unmatched opening delimiters: kind ({@code * " '}), length, position, index in {@link #out}. */
        private char[] openKind = new char[8];
        private int[] openLength = new int[8];
        private int[] openAt = new int[8];
        private int[] openIndex = new int[8];
        private int open;
        /** The content lines of a paragraph whose lines have container prefixes ({@code > }, indents), or null. */
        private int[] linesFrom;
        private int[] linesTo;
        /** In a table cell: no quote pairs (Flexmark parses the row as a whole). */
        private boolean cell;

        void lines(int[] from, int[] to) {
            linesFrom = from;
            linesTo = to;
        }

        /** Start of pending plain text, or -1. */
        private int text = -1;
        /** Bounds of the current line's content, for the characters before and after a delimiter run. */
        int lineStart;
        int lineEnd;

        Inlines(int lineStart, int lineEnd) {
            this.lineStart = lineStart;
            this.lineEnd = lineEnd;
        }

        /** Parses {@code [a, b)} of one line into {@code parent}. */
        void parse(Node parent, int a, int b) {
            scan(a, b);
            finish(parent);
        }

        void softBreak(int at) {
            flush(at);
            out.add(new SoftLineBreak(base.subSequence(at, at + 1)));
        }

        private void flush(int at) {
            if (text >= 0 && at > text) out.add(new Text(base.subSequence(text, at)));
            text = -1;
        }

        private void plain(int at) {
            if (text < 0) text = at;
        }

        /** Ends the content: an unmatched single quote becomes an apostrophe; anything else unmatched is outside. */
        void finish(Node parent) {
            flush(lineEnd);
            for (int i = open - 1; i >= 0; i--) {
                if (openKind[i] != '\'') throw OUTSIDE;
                apostrophe(i);
            }
            for (Node n : out) parent.appendChild(n);
        }

        private void apostrophe(int i) {
            int at = openAt[i];
            out.set(openIndex[i], new TypographicSmarts(base.subSequence(at, at + 1), typography.apostrophe()));
        }

        void scan(int a, int b) {
            int i = a;
            while (i < b) {
                char c = s.charAt(i);
                switch (c) {
                    case '*', '"', '\'' -> i = delimiter(c, i, b);
                    case '.' -> {
                        if (s.startsWith("...", i) && i + 3 <= b) {
                            i = smart(i, 3, typography.ellipsis());
                        } else if (s.startsWith(". . .", i) && i + 5 <= b) {
                            i = smart(i, 5, typography.ellipsisSpaced());
                        } else {
                            plain(i++);
                        }
                    }
                    case '-' -> {
                        if (s.startsWith("---", i) && i + 3 <= b) {
                            i = smart(i, 3, typography.emDash());
                        } else if (s.startsWith("--", i) && i + 2 <= b) {
                            i = smart(i, 2, typography.enDash());
                        } else {
                            plain(i++);
                        }
                    }
                    case '[' -> i = link(i, b);
                    case '!' -> {
                        if (i + 1 < b && s.charAt(i + 1) == '[') throw OUTSIDE; // an image
                        plain(i++);
                    }
                    case '_', ']', '>', '|' -> throw OUTSIDE;
                    default -> plain(i++);
                }
            }
            flush(b);
        }

        private int smart(int at, int length, String typographic) {
            flush(at);
            out.add(new TypographicSmarts(base.subSequence(at, at + length), typographic));
            return at + length;
        }

        /** A run of {@code c} at {@code at}; returns the offset after it. */
        private int delimiter(char c, int at, int b) {
            int e = at;
            while (e < b && s.charAt(e) == c) e++;
            int length = e - at;
            if (length > (c == '*' ? 2 : 1)) throw OUTSIDE;
            char before = at == lineStart ? '\n' : s.charAt(at - 1);
            char after = e == lineEnd ? '\n' : s.charAt(e);
            if (before >= 0x80 && !Character.isLetterOrDigit(before) || after >= 0x80 && !Character.isLetterOrDigit(after)) {
                throw OUTSIDE;
            }
            boolean beforeSpace = before == ' ' || before == '\n';
            boolean afterSpace = after == ' ' || after == '\n';
            boolean beforePunct = isAsciiPunctuation(before);
            boolean afterPunct = isAsciiPunctuation(after);
            // CommonMark's flanking rules, as Flexmark's scanDelimiters applies them
            boolean left = !afterSpace && !(afterPunct && !beforeSpace && !beforePunct);
            boolean right = !beforeSpace && !(beforePunct && !afterSpace && !afterPunct);
            if (c == '\'' && Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after)) {
                // an apostrophe inside a word: the quote processor never lets it open or close a pair
                flush(at);
                out.add(new TypographicSmarts(base.subSequence(at, e), typography.apostrophe()));
                return e;
            }
            if (left == right) throw OUTSIDE; // both or neither: CommonMark's finer rules decide
            if (cell && c == '\'') throw OUTSIDE;
            // the quote processors also want no letter or digit outside the pair
            if (c != '*' && (left ? Character.isLetterOrDigit(before) : Character.isLetterOrDigit(after))) {
                throw OUTSIDE;
            }
            flush(at);
            if (left) {
                push(c, length, at);
            } else {
                close(c, length, at);
            }
            return e;
        }

        private void push(char kind, int length, int at) {
            if (open == openKind.length) {
                openKind = java.util.Arrays.copyOf(openKind, open * 2);
                openLength = java.util.Arrays.copyOf(openLength, open * 2);
                openAt = java.util.Arrays.copyOf(openAt, open * 2);
                openIndex = java.util.Arrays.copyOf(openIndex, open * 2);
            }
            openKind[open] = kind;
            openLength[open] = length;
            openAt[open] = at;
            openIndex[open] = out.size();
            out.add(null);
            open++;
        }

        private void close(char kind, int length, int at) {
            if (kind == '\'') {
                if (open > 0 && openKind[open - 1] == '\'') {
                    wrap(new TypographicQuotes(), at, length);
                    return;
                }
                for (int i = 0; i < open; i++) if (openKind[i] == '\'') throw OUTSIDE; // would pair across others
                // no opening single quote at all: an apostrophe, as Flexmark leaves an unmatched one
                out.add(new TypographicSmarts(base.subSequence(at, at + 1), typography.apostrophe()));
                return;
            }
            // opening single quotes inside the pair are dropped as apostrophes, as Flexmark does
            while (open > 0 && openKind[open - 1] == '\'') {
                apostrophe(open - 1);
                open--;
            }
            if (open == 0 || openKind[open - 1] != kind || openLength[open - 1] != length) throw OUTSIDE;
            Node node = kind == '"' ? new TypographicQuotes() : length == 1 ? new Emphasis() : new StrongEmphasis();
            wrap(node, at, length);
        }

        /** Wraps the nodes after the top opener in {@code node}, closed by the run at {@code at}. */
        private void wrap(Node node, int at, int length) {
            open--;
            int from = openAt[open];
            int index = openIndex[open];
            BasedSequence opening = base.subSequence(from, from + length);
            BasedSequence closing = base.subSequence(at, at + length);
            BasedSequence inner = inner(from + length, at);
            switch (node) {
                case TypographicQuotes q -> {
                    q.setOpeningMarker(opening);
                    q.setText(inner);
                    q.setClosingMarker(closing);
                    q.setTypographicOpening(openKind[open] == '"' ? typography.ldquo() : typography.lsquo());
                    q.setTypographicClosing(openKind[open] == '"' ? typography.rdquo() : typography.rsquo());
                }
                case Emphasis em -> {
                    em.setOpeningMarker(opening);
                    em.setText(inner);
                    em.setClosingMarker(closing);
                }
                case StrongEmphasis em -> {
                    em.setOpeningMarker(opening);
                    em.setText(inner);
                    em.setClosingMarker(closing);
                }
                default -> throw new IllegalStateException();
            }
            node.setChars(base.subSequence(from, at + length));
            List<Node> inside = out.subList(index + 1, out.size());
            for (Node n : inside) node.appendChild(n);
            inside.clear();
            out.set(index, node);
        }

        /**
         * The text of a delimited node, {@code [a, b)}: as Flexmark takes it from its inline input, which leaves
         * out container prefixes ({@code > }, indents) of the paragraph's lines.
         */
        private BasedSequence inner(int a, int b) {
            if (linesFrom == null || a >= lineStart) return base.subSequence(a, b);
            List<BasedSequence> pieces = new ArrayList<>();
            for (int i = 0; i < linesFrom.length; i++) {
                int lo = Math.max(a, linesFrom[i]);
                int hi = Math.min(b, i + 1 < linesFrom.length ? linesTo[i] + 1 : linesTo[i]);
                if (lo < hi) pieces.add(base.subSequence(lo, hi));
            }
            return pieces.size() == 1 ? pieces.getFirst() : SegmentedSequence.create(base, pieces);
        }

        /** An inline link at {@code at}; returns the offset after it. */
        private int link(int at, int b) {
            int close = at + 1;
            while (close < b && s.charAt(close) != ']') {
                if (s.charAt(close) == '[') throw OUTSIDE;
                close++;
            }
            if (close >= b || close == at + 1 || close + 1 >= b || s.charAt(close + 1) != '(') throw OUTSIDE;
            if (s.charAt(at + 1) == ' ' || s.charAt(close - 1) == ' ') throw OUTSIDE; // Flexmark trims the text
            int urlStart = close + 2;
            int paren = urlStart;
            while (paren < b && s.charAt(paren) != ')') {
                char c = s.charAt(paren);
                if (c == ' ' || c == '(' || c == '"' || c == '\'' || c == '[' || c == ']' || c == '>' || c == '|') {
                    throw OUTSIDE;
                }
                paren++;
            }
            if (paren >= b || paren == urlStart) throw OUTSIDE;
            flush(at);
            Link link = new Link();
            Inlines inner = new Inlines(lineStart, lineEnd);
            inner.cell = cell;
            inner.scan(at + 1, close);
            inner.finish(link);
            link.setTextChars(base.subSequence(at, close + 1));
            link.setLinkOpeningMarker(base.subSequence(close + 1, close + 2));
            link.setUrlChars(base.subSequence(urlStart, paren));
            link.setTitleChars(null);
            link.setLinkClosingMarker(base.subSequence(paren, paren + 1));
            link.setCharsFromContent();
            out.add(link);
            return paren + 1;
        }
    }
}

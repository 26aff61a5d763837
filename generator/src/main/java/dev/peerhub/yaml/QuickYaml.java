package dev.peerhub.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A fast reader for YAML mappings written in a plain subset, building the node tree SnakeYAML's composer
 * builds for them (with {@link YamlText}'s options): the same node classes, keys in the same order, the same
 * scalar values, tags and styles, and the same start and end marks (line, column and index) for every scalar
 * and the same start marks for every mapping and sequence, which is all {@link YamlMap} reads. {@link #parse}
 * returns null for any text outside the subset, which then goes through SnakeYAML as before; all problems
 * (errors and refusals) are reported by that path only.
 *
 * <p><b>Why.</b> Composing front matter with SnakeYAML (a general scanner, parser and composer, with a
 * reader that copies the text into code points) was about 3% of a 10,000-article build's CPU, for texts that
 * are nearly always a handful of {@code key: value} lines.
 *
 * <p><b>The subset.</b> Anything else, anywhere in the text, and the whole text is left to SnakeYAML:
 * <ul>
 *   <li>Characters: printable ASCII, the line feed, and non-ASCII characters from U+00A0 to U+D7FF and from
 *       U+E000 to U+FFFD except U+2028, U+2029 (YAML 1.1 line breaks) and U+FEFF. So no tab, no carriage
 *       return, no other control character and no character outside the Basic Multilingual Plane; the
 *       index and column of a mark are then plain {@code char} offsets.
 *   <li>Lines: blank lines (empty or spaces only) anywhere; every other line is part of a block mapping or
 *       a block sequence below. No comments, no document markers or directives.
 *   <li>Block mappings: keys at the mapping's column, each a plain word of ASCII letters, digits, {@code _}
 *       and {@code -} starting with a letter or {@code _} (at most 100 characters), followed directly by
 *       {@code :} and then a space or the line's end; no key twice in one mapping; nested at most 8 deep.
 *       A key with nothing after the colon holds a nested mapping (its next line indented more), a block
 *       sequence (its next line a {@code "- "} item at the key's column or deeper), or else null.
 *   <li>Block sequences: {@code "- "} items at one column, each holding a one-line value.
 *   <li>One-line values: a single-quoted text closed on the same line ({@code ''} inside for a quote); a
 *       double-quoted text closed on the same line, with no backslash but in the escapes {@code \"} and
 *       {@code \\}; a flow sequence {@code [a, 'b', "c"]}
 *       closed on the same line holding such quoted texts or plain items (no {@code [ ] { } # :} in them,
 *       no empty item); or a plain scalar on one line that does not start with an indicator and contains no
 *       {@code #} and no {@code :} before a space or the line's end. Only spaces may follow a value on its
 *       line, and a value's next line must not be indented more than its key (or item) line: a scalar never
 *       continues on the next line.
 *   <li>Types: a plain scalar's tag is resolved by SnakeYAML's own {@link Resolver} (the one its composer
 *       uses), so YAML 1.1 booleans, numbers, nulls and timestamps are typed exactly as before; quoted
 *       scalars are text.
 * </ul>
 *
 * <p><b>Why the fallback is safe.</b> The reader gives up (returns null) at the first thing it is not sure
 * of and never returns a partial tree. {@code QuickYamlTest} compares the tree node by node with SnakeYAML's
 * on the sample hub, the seed documents, a generated corpus and thousands of random texts built from edge
 * cases. The system property {@code peerhub.quickyaml=false} turns this reader off.
 */
final class QuickYaml {

    /** Leaving the subset: thrown without a stack trace, caught in {@link #parse}. */
    private static final class Outside extends RuntimeException {
        Outside() {
            super(null, null, false, false);
        }
    }

    private static final Outside OUTSIDE = new Outside();
    /** The resolver SnakeYAML's {@code Yaml} uses by default; read-only after construction. */
    private static final Resolver RESOLVER = new Resolver();
    private static final int[] NO_BUFFER = new int[0];
    private static final int MAX_DEPTH = 8;
    private static final int MAX_KEY = 100;
    /** Texts longer than this go to SnakeYAML (which also enforces its own limit). */
    private static final int MAX_LENGTH = 100_000;

    private final String s;
    private final int n;
    /** Line k is {@code [start[k], end[k])}, without its line feed. */
    private final int[] start;
    private final int[] end;
    private final int lines;
    /** The next line to read. */
    private int line;

    private QuickYaml(String s, int[] start, int[] end, int lines) {
        this.s = s;
        this.n = s.length();
        this.start = start;
        this.end = end;
        this.lines = lines;
    }

    /** The mapping SnakeYAML composes for {@code text}, or null when the text is outside the subset. */
    static MappingNode parse(String text) {
        int n = text.length();
        if (n == 0 || n > MAX_LENGTH) return null;
        int lineCount = 1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) continue;
            if (c == '\n') {
                lineCount++;
            } else if (c < 0xA0 || (c > 0xD7FF && c < 0xE000) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                    || c > 0xFFFD) {
                return null;
            }
        }
        int[] start = new int[lineCount];
        int[] end = new int[lineCount];
        int k = 0;
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                start[k] = from;
                end[k] = i;
                k++;
                from = i + 1;
            }
        }
        start[k] = from;
        end[k] = n;
        try {
            return new QuickYaml(text, start, end, lineCount).document();
        } catch (Outside e) {
            return null;
        }
    }

    private MappingNode document() {
        int first = nextContent();
        if (first < 0 || indentOf(first) != 0) throw OUTSIDE;
        MappingNode root = mapping(0, 0);
        if (nextContent() >= 0) throw OUTSIDE;
        return root;
    }

    /** The next line that is not blank (moving {@link #line} to it), or -1 at the end. */
    private int nextContent() {
        while (line < lines) {
            int i = start[line];
            int e = end[line];
            while (i < e && s.charAt(i) == ' ') i++;
            if (i < e) return line;
            line++;
        }
        return -1;
    }

    /**
     * The next line with content when it is at column {@code col}; -1 at the end or when it is less
     * indented (the block ends); outside the subset when it is more indented.
     */
    private int nextAt(int col) {
        int l = nextContent();
        if (l < 0) return -1;
        int indent = indentOf(l);
        if (indent < col) return -1;
        if (indent > col) throw OUTSIDE;
        return l;
    }

    private int indentOf(int l) {
        int i = start[l];
        while (s.charAt(i) == ' ') i++;
        return i - start[l];
    }

    /** A block mapping whose keys are at column {@code col}; {@link #line} is at its first key line. */
    private MappingNode mapping(int col, int depth) {
        if (depth > MAX_DEPTH) throw OUTSIDE;
        List<NodeTuple> tuples = new ArrayList<>();
        Mark startMark = null;
        while (true) {
            int l = nextAt(col);
            if (l < 0) break;
            int p = start[l] + col;
            int e = end[l];
            // the key: a plain word directly followed by ':' and a space or the line's end
            char c = s.charAt(p);
            if (!(isLetter(c) || c == '_')) throw OUTSIDE;
            int q = p + 1;
            while (q < e && isKeyChar(s.charAt(q))) q++;
            if (q >= e || s.charAt(q) != ':' || q - p > MAX_KEY) throw OUTSIDE;
            if (q + 1 < e && s.charAt(q + 1) != ' ') throw OUTSIDE;
            String key = s.substring(p, q);
            for (NodeTuple t : tuples) {
                if (((ScalarNode) t.getKeyNode()).getValue().equals(key)) throw OUTSIDE;
            }
            Mark keyStart = mark(l, p);
            if (startMark == null) startMark = keyStart;
            ScalarNode keyNode = new ScalarNode(RESOLVER.resolve(NodeId.scalar, key, true), key, keyStart,
                    mark(l, q), DumperOptions.ScalarStyle.PLAIN);
            int v = q + 1;
            while (v < e && s.charAt(v) == ' ') v++;
            Node value;
            if (v < e) {
                value = inlineValue(l, v);
                line = l + 1;
            } else {
                line = l + 1;
                value = blockValue(l, q + 1, col, depth);
            }
            tuples.add(new NodeTuple(keyNode, value));
        }
        return new MappingNode(Tag.MAP, true, tuples, startMark, startMark, DumperOptions.FlowStyle.BLOCK);
    }

    /**
     * The value of a key with nothing after its colon on line {@code l}: a nested mapping, a block sequence or
     * null (an empty plain scalar marked just after the colon at {@code afterColon}).
     */
    private Node blockValue(int l, int afterColon, int col, int depth) {
        int next = nextContent();
        if (next >= 0) {
            int indent = indentOf(next);
            boolean item = isItem(next, indent);
            if (indent > col) {
                return item ? sequence(indent, depth + 1) : mapping(indent, depth + 1);
            }
            if (indent == col && item) {
                return sequence(indent, depth + 1);
            }
        }
        Mark m = mark(l, afterColon);
        return new ScalarNode(Tag.NULL, "", m, m, DumperOptions.ScalarStyle.PLAIN);
    }

    private boolean isItem(int l, int indent) {
        int p = start[l] + indent;
        return s.charAt(p) == '-' && p + 1 < end[l] && s.charAt(p + 1) == ' ';
    }

    /** A block sequence of one-line values whose {@code "- "} markers are at column {@code col}. */
    private SequenceNode sequence(int col, int depth) {
        if (depth > MAX_DEPTH) throw OUTSIDE;
        List<Node> items = new ArrayList<>();
        Mark startMark = null;
        while (true) {
            int l = nextAt(col);
            if (l < 0) break;
            if (!isItem(l, col)) break; // a key at the column of an indentless sequence ends it
            int p = start[l] + col;
            if (startMark == null) startMark = mark(l, p);
            int v = p + 2;
            int e = end[l];
            while (v < e && s.charAt(v) == ' ') v++;
            if (v >= e) throw OUTSIDE;
            items.add(inlineValue(l, v));
            line = l + 1;
        }
        return new SequenceNode(Tag.SEQ, true, items, startMark, startMark, DumperOptions.FlowStyle.BLOCK);
    }

    /** A value starting at {@code p} on line {@code l} and ending the line (trailing spaces allowed). */
    private Node inlineValue(int l, int p) {
        int e = end[l];
        char c = s.charAt(p);
        Node node;
        int after;
        if (c == '\'' || c == '"') {
            after = quoted(l, p, e);
            node = lastQuoted;
        } else if (c == '[') {
            after = flowSequence(l, p, e);
            node = lastSequence;
        } else {
            if (isIndicator(c)) throw OUTSIDE;
            int q = p;
            int last = p; // just after the last non-space
            while (q < e) {
                char d = s.charAt(q);
                if (d == '#') throw OUTSIDE;
                if (d == ':' && (q + 1 == e || s.charAt(q + 1) == ' ')) throw OUTSIDE;
                q++;
                if (d != ' ') last = q;
            }
            return plain(l, p, last);
        }
        while (after < e && s.charAt(after) == ' ') after++;
        if (after != e) throw OUTSIDE;
        return node;
    }

    private ScalarNode lastQuoted;
    private SequenceNode lastSequence;

    /** A quoted scalar starting at {@code p} and closed before {@code e}; returns the index after it. */
    private int quoted(int l, int p, int e) {
        char quote = s.charAt(p);
        int q = p + 1;
        StringBuilder unescaped = null;
        int from = q;
        while (true) {
            if (q >= e) throw OUTSIDE;
            char d = s.charAt(q);
            if (quote == '"' && d == '\\') {
                // only the escapes \" and \\ (each one character for itself); any other is left to SnakeYAML
                char next = q + 1 < e ? s.charAt(q + 1) : 0;
                if (next != '"' && next != '\\') throw OUTSIDE;
                if (unescaped == null) unescaped = new StringBuilder();
                unescaped.append(s, from, q).append(next);
                q += 2;
                from = q;
                continue;
            }
            if (d == quote) {
                if (quote == '\'' && q + 1 < e && s.charAt(q + 1) == '\'') {
                    if (unescaped == null) unescaped = new StringBuilder();
                    unescaped.append(s, from, q + 1);
                    q += 2;
                    from = q;
                    continue;
                }
                break;
            }
            q++;
        }
        String value = unescaped == null ? s.substring(from, q) : unescaped.append(s, from, q).toString();
        lastQuoted = new ScalarNode(Tag.STR, value, mark(l, p), mark(l, q + 1),
                quote == '\'' ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        return q + 1;
    }

    /** A flow sequence {@code [...]} starting at {@code p} and closed before {@code e}; returns the index after it. */
    private int flowSequence(int l, int p, int e) {
        List<Node> items = new ArrayList<>();
        int q = p + 1;
        while (q < e && s.charAt(q) == ' ') q++;
        if (q < e && s.charAt(q) == ']') {
            lastSequence = new SequenceNode(Tag.SEQ, true, items, mark(l, p), mark(l, q + 1),
                    DumperOptions.FlowStyle.FLOW);
            return q + 1;
        }
        while (true) {
            if (q >= e) throw OUTSIDE;
            char c = s.charAt(q);
            if (c == '\'' || c == '"') {
                q = quoted(l, q, e);
                items.add(lastQuoted);
            } else {
                if (isIndicator(c)) throw OUTSIDE;
                int from = q;
                int last = q;
                while (q < e) {
                    char d = s.charAt(q);
                    if (d == ',' || d == ']') break;
                    if (d == '[' || d == '{' || d == '}' || d == '#' || d == ':') throw OUTSIDE;
                    q++;
                    if (d != ' ') last = q;
                }
                items.add(plain(l, from, last));
            }
            while (q < e && s.charAt(q) == ' ') q++;
            if (q >= e) throw OUTSIDE;
            char d = s.charAt(q);
            if (d == ']') {
                lastSequence = new SequenceNode(Tag.SEQ, true, items, mark(l, p), mark(l, q + 1),
                        DumperOptions.FlowStyle.FLOW);
                return q + 1;
            }
            if (d != ',') throw OUTSIDE;
            q++;
            while (q < e && s.charAt(q) == ' ') q++;
        }
    }

    private ScalarNode plain(int l, int from, int to) {
        String value = s.substring(from, to);
        return new ScalarNode(RESOLVER.resolve(NodeId.scalar, value, true), value, mark(l, from), mark(l, to),
                DumperOptions.ScalarStyle.PLAIN);
    }

    private Mark mark(int l, int index) {
        return new Mark("reader", index, l, index - start[l], NO_BUFFER, 0);
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isKeyChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Characters that cannot start a plain scalar here (or that start one only in cases not handled). */
    private static boolean isIndicator(char c) {
        return switch (c) {
            case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ' -> true;
            default -> false;
        };
    }
}

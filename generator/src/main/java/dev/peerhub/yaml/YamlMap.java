package dev.peerhub.yaml;

import dev.peerhub.diagnostic.DidYouMean;
import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with types: each accessor returns the value when it has the expected type,
 * and otherwise reports {@code file:line:col: error: 'key' must be ..., got ...} and returns empty.
 * Not thread-safe; one reader per document.
 */
public final class YamlMap {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2}))?");

    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Node node;
    private final String file;
    private final int lineOffset;
    private final Diagnostics out;

    YamlMap(MappingNode node, String file, int lineOffset, Diagnostics out) {
        this.node = node;
        this.file = file;
        this.lineOffset = lineOffset;
        this.out = out;
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                entries.put(k.getValue(), t);
            }
        }
    }

    static YamlMap empty(String file, int lineOffset, Diagnostics out) {
        return new YamlMap(new MappingNode(Tag.MAP, List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK),
                file, lineOffset, out);
    }

    public String file() {
        return file;
    }

    public Diagnostics diagnostics() {
        return out;
    }

    public boolean has(String key) {
        NodeTuple t = entries.get(key);
        return t != null && !isNull(t.getValueNode());
    }

    /** Whether the key's value is a text scalar (possibly empty). */
    public boolean isText(String key) {
        NodeTuple t = entries.get(key);
        return t != null && t.getValueNode() instanceof ScalarNode s && Tag.STR.equals(s.getTag());
    }

    public Collection<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Where the mapping starts. */
    public SourcePosition position() {
        return YamlText.position(file, lineOffset, node.getStartMark());
    }

    /** Where the key is written, or the mapping's position when absent. */
    public SourcePosition positionOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? position() : YamlText.position(file, lineOffset, t.getKeyNode().getStartMark());
    }

    /** Where the key's value is written, or the mapping's position when absent. */
    public SourcePosition valuePositionOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? position() : at(t.getValueNode());
    }

    SourcePosition at(Node n) {
        return YamlText.position(file, lineOffset, n.getStartMark());
    }

    /** Reports every key not in {@code known} as a warning, with a suggestion for near misses. */
    public void warnUnknownKeys(Collection<String> known, String where) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                out.warning(YamlText.position(file, lineOffset, e.getValue().getKeyNode().getStartMark()),
                        "unknown key '" + e.getKey() + "'" + where + DidYouMean.hint(e.getKey(), known));
            }
        }
    }

    /** A text value. Numbers and booleans are refused: a title of {@code 42} is almost always a mistake. */
    public Optional<String> string(String key) {
        return value(key).flatMap(n -> text(key, n));
    }

    /** A text value, accepting numbers too (for things like phone numbers or a version). */
    public Optional<String> lenientString(String key) {
        return value(key).flatMap(n -> {
            if (n instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
                return Optional.of(s.getValue());
            }
            return wrongType(key, n, "text");
        });
    }

    private Optional<String> text(String key, Node n) {
        if (n instanceof ScalarNode s && (Tag.STR.equals(s.getTag()) || Tag.TIMESTAMP.equals(s.getTag()))) {
            return Optional.of(s.getValue());
        }
        return wrongType(key, n, "text");
    }

    public Optional<Boolean> bool(String key) {
        return value(key).flatMap(n -> {
            if (n instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
                String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
                return Optional.of(v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y"));
            }
            return wrongType(key, n, "true or false");
        });
    }

    public OptionalInt integer(String key, int min, int max) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) return OptionalInt.empty();
        Node n = v.get();
        if (n instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            try {
                long l = Long.parseLong(s.getValue().replace("_", ""));
                if (l < min || l > max) {
                    out.error(at(n), "'" + key + "' must be a whole number from " + min + " to " + max + ", got " + s.getValue());
                    return OptionalInt.empty();
                }
                return OptionalInt.of((int) l);
            } catch (NumberFormatException e) {
                // falls through to the type error
            }
        }
        wrongType(key, n, "a whole number");
        return OptionalInt.empty();
    }

    /** A calendar date: {@code 2024-05-01}, or the date part of a full ISO 8601 date-time. */
    public Optional<LocalDate> date(String key) {
        return value(key).flatMap(n -> {
            if (n instanceof ScalarNode s && (Tag.STR.equals(s.getTag()) || Tag.TIMESTAMP.equals(s.getTag()))) {
                String raw = s.getValue().trim();
                Matcher m = DATE.matcher(raw);
                if (m.matches()) {
                    return realDate(key, n, raw, m);
                }
            }
            out.error(at(n), "'" + key + "' must be a date like 2024-05-01, got " + shown(n));
            return Optional.empty();
        });
    }

    /** A local date-time {@code 2024-05-01T19:00} (a date alone means midnight). */
    public Optional<LocalDateTime> localDateTime(String key) {
        return value(key).flatMap(n -> {
            if (n instanceof ScalarNode s && (Tag.STR.equals(s.getTag()) || Tag.TIMESTAMP.equals(s.getTag()))) {
                String raw = s.getValue().trim();
                Matcher m = LOCAL_DATE_TIME.matcher(raw);
                if (m.matches()) {
                    Optional<LocalDate> d = realDate(key, n, raw, m);
                    if (d.isEmpty()) return Optional.empty();
                    int h = Integer.parseInt(m.group(4)), min = Integer.parseInt(m.group(5));
                    int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                    if (h > 23 || min > 59 || sec > 59) {
                        out.error(at(n), "'" + key + "' has an impossible time " + quoted(raw));
                        return Optional.empty();
                    }
                    return Optional.of(d.get().atTime(h, min, sec));
                }
                if (raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    Matcher dm = DATE.matcher(raw);
                    if (dm.matches()) return realDate(key, n, raw, dm).map(LocalDate::atStartOfDay);
                }
            }
            out.error(at(n), "'" + key + "' must be a local date and time like 2024-05-01T19:00, got " + shown(n));
            return Optional.empty();
        });
    }

    private Optional<LocalDate> realDate(String key, Node n, String raw, Matcher m) {
        int y = Integer.parseInt(m.group(1)), mo = Integer.parseInt(m.group(2)), d = Integer.parseInt(m.group(3));
        try {
            return Optional.of(LocalDate.of(y, mo, d));
        } catch (DateTimeException e) {
            String why;
            if (mo < 1 || mo > 12) {
                why = "there is no month " + mo;
            } else {
                YearMonth ym = YearMonth.of(y, mo);
                why = ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + y
                        + " has " + ym.lengthOfMonth() + " days";
            }
            out.error(at(n), "'" + key + "' is not a real date: " + quoted(raw) + " (" + why + ")");
            return Optional.empty();
        }
    }

    /**
     * A list of texts. A single text is refused with a hint, because {@code tags: a, b} is a common
     * mistake that would otherwise make one tag "a, b".
     */
    public List<String> stringList(String key) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) return List.of();
        Node n = v.get();
        if (n instanceof SequenceNode seq) {
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
                    items.add(s.getValue());
                } else {
                    out.error(at(item), "each item of '" + key + "' must be text, got " + describeNode(item));
                }
            }
            return items;
        }
        if (n instanceof ScalarNode s && Tag.STR.equals(s.getTag())) {
            out.error(at(n), "'" + key + "' must be a list like [" + s.getValue().split(",")[0].trim() + ", ...], got the text "
                    + quoted(s.getValue()));
            return List.of();
        }
        wrongType(key, n, "a list");
        return List.of();
    }

    /** A nested mapping. */
    public Optional<YamlMap> map(String key) {
        return value(key).flatMap(n -> {
            if (n instanceof MappingNode m) {
                return Optional.of(new YamlMap(m, file, lineOffset, out));
            }
            return wrongType(key, n, "a set of 'key: value' lines");
        });
    }

    /** A list of nested mappings. */
    public List<YamlMap> mapList(String key) {
        Optional<Node> v = value(key);
        if (v.isEmpty()) return List.of();
        if (v.get() instanceof SequenceNode seq) {
            List<YamlMap> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof MappingNode m) {
                    items.add(new YamlMap(m, file, lineOffset, out));
                } else {
                    out.error(at(item), "each item of '" + key + "' must be a set of 'key: value' lines, got " + describeNode(item));
                }
            }
            return items;
        }
        wrongType(key, v.get(), "a list");
        return List.of();
    }

    /** Reports a missing required key. */
    public void requireKey(String key, String example) {
        if (!has(key)) {
            out.error(position(), "missing required key '" + key + "' (for example: " + example + ")");
        }
    }

    private Optional<Node> value(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(t.getValueNode());
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private <T> Optional<T> wrongType(String key, Node n, String expected) {
        out.error(at(n), "'" + key + "' must be " + expected + ", got " + describeNode(n));
        return Optional.empty();
    }

    private static String shown(Node n) {
        if (n instanceof ScalarNode s) return quoted(s.getValue());
        return describeNode(n);
    }

    static String quoted(String s) {
        String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return "\"" + cut.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** "a list", "the number 42", "the text \"x\"", ... */
    public static String describeNode(Node n) {
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof MappingNode) return "a set of 'key: value' lines";
        if (n instanceof ScalarNode s) {
            Tag t = s.getTag();
            if (Tag.INT.equals(t) || Tag.FLOAT.equals(t)) return "the number " + s.getValue();
            if (Tag.BOOL.equals(t)) return "the value " + s.getValue();
            if (Tag.NULL.equals(t)) return "nothing";
            return "the text " + quoted(s.getValue());
        }
        return "a YAML " + n.getNodeId();
    }
}

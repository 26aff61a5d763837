package dev.peerhub.yaml;

import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Parses YAML text into a {@link YamlMap}, turning every SnakeYAML failure into a diagnostic. */
public final class YamlText {

    /** Aliases to collections allowed in one document: enough for real files, too few for a bomb. */
    static final int MAX_ALIASES = 20;
    /** Nesting allowed in one document. */
    static final int MAX_DEPTH = 20;
    /** Characters allowed in one YAML document (front matter or site.yml). */
    public static final int MAX_CODE_POINTS = 1_000_000;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP, Tag.BINARY, Tag.MERGE);

    private YamlText() {}

    /** SnakeYAML's Yaml is not thread-safe but costly to set up: one per thread. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return new Yaml(options);
    });

    /**
     * Whether {@link QuickYaml} reads the texts in its subset; on unless the system property
     * {@code peerhub.quickyaml} is {@code false} (to compare a build's output with and without it).
     */
    private static final boolean QUICK_YAML = !"false".equals(System.getProperty("peerhub.quickyaml"));

    /**
     * Parses {@code text} as one YAML mapping.
     *
     * @param file       the file's path relative to the site, for messages
     * @param lineOffset lines before the YAML text in its file (front matter starts after {@code ---})
     * @return the mapping, or empty when the text is not a valid mapping (problems are in {@code out});
     *     an empty text gives an empty mapping
     */
    public static Optional<YamlMap> parseMapping(String text, String file, int lineOffset, Diagnostics out) {
        if (QUICK_YAML) {
            MappingNode quick = QuickYaml.parse(text);
            if (quick != null) {
                return Optional.of(new YamlMap(quick, file, lineOffset, out));
            }
        }
        return parseWithSnakeYaml(text, file, lineOffset, out);
    }

    /** {@link #parseMapping} without the fast reader: every text goes through SnakeYAML. */
    static Optional<YamlMap> parseWithSnakeYaml(String text, String file, int lineOffset, Diagnostics out) {
        Node root;
        try {
            root = compose(text);
        } catch (MarkedYAMLException e) {
            Mark at = (unclosedQuote(e) || unclosedFlow(e) != 0) && e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            out.error(position(file, lineOffset, at), describe(e));
            return Optional.empty();
        } catch (YAMLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            String text2;
            if (msg.contains("Number of aliases")) {
                text2 = "too many YAML aliases (more than " + MAX_ALIASES + "): front matter does not need '*name' references"
                        + " this often, and many of them can blow up into gigabytes";
            } else if (msg.contains("Nesting Depth exceeded")) {
                text2 = "YAML nested more than " + MAX_DEPTH + " levels deep: front matter needs only a few levels";
            } else if (msg.contains("code point limit")) {
                text2 = "YAML longer than " + MAX_CODE_POINTS + " characters: front matter holds a few keys, not a document";
            } else {
                text2 = "cannot read YAML: " + clean(msg);
            }
            out.error(SourcePosition.of(file, lineOffset + 1, 1), text2);
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            out.error(SourcePosition.of(file, lineOffset + 1, 1), "cannot read YAML: the text is too deeply nested or malformed");
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(YamlMap.empty(file, lineOffset, out));
        }
        if (!(root instanceof MappingNode mapping)) {
            out.error(position(file, lineOffset, root.getStartMark()),
                    "expected 'key: value' lines, found " + YamlMap.describeNode(root));
            return Optional.empty();
        }
        if (!checkTagsAndKeys(mapping, file, lineOffset, out, 0)) {
            return Optional.empty();
        }
        return Optional.of(new YamlMap(mapping, file, lineOffset, out));
    }

    /** SnakeYAML's node tree for {@code text} (null for an empty text); throws on invalid YAML. */
    static Node compose(String text) {
        return YAML.get().compose(new StringReader(text));
    }

    private static boolean checkTagsAndKeys(Node node, String file, int lineOffset, Diagnostics out, int depth) {
        if (depth > MAX_DEPTH) {
            out.error(position(file, lineOffset, node.getStartMark()), "YAML nested more than " + MAX_DEPTH + " levels deep");
            return false;
        }
        if (node.getTag() != null && !PLAIN_TAGS.contains(node.getTag())) {
            out.error(position(file, lineOffset, node.getStartMark()), tagMessage(node.getTag().getValue()));
            return false;
        }
        boolean ok = true;
        if (node instanceof MappingNode m) {
            java.util.Map<String, Node> seen = new java.util.HashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    Node first = seen.putIfAbsent(k.getValue(), k);
                    if (first != null) {
                        out.error(position(file, lineOffset, k.getStartMark()), "duplicate key '" + k.getValue()
                                + "': it is already set on line " + position(file, lineOffset, first.getStartMark()).line()
                                + " (keep one of them)");
                        ok = false;
                    }
                } else {
                    out.error(position(file, lineOffset, t.getKeyNode().getStartMark()), "keys must be plain words, found "
                            + YamlMap.describeNode(t.getKeyNode()));
                    ok = false;
                }
                ok &= checkTagsAndKeys(t.getValueNode(), file, lineOffset, out, depth + 1);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node child : s.getValue()) {
                ok &= checkTagsAndKeys(child, file, lineOffset, out, depth + 1);
            }
        }
        return ok;
    }

    private static String tagMessage(String tag) {
        String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
        return "YAML tag '" + shown + "' is not allowed: write plain values (text, numbers, dates, lists, key: value)";
    }

    static SourcePosition position(String file, int lineOffset, Mark mark) {
        if (mark == null) {
            return SourcePosition.of(file, lineOffset + 1, 1);
        }
        return SourcePosition.of(file, lineOffset + mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static boolean unclosedQuote(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        return context.contains("quoted scalar") && problem.contains("end of stream");
    }

    /**
     * The bracket a flow list or mapping was opened with when SnakeYAML met something other than a comma or
     * its closing bracket ({@code tags: [peer support} with the {@code ]} forgotten), else 0. The message is
     * then about the opening bracket, where the writer has to look, not about the next line.
     */
    private static char unclosedFlow(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (context.contains("flow sequence") && problem.startsWith("expected ',' or ']'")) return '[';
        if (context.contains("flow mapping") && problem.startsWith("expected ',' or '}'")) return '{';
        return 0;
    }

    /** A one-line message from SnakeYAML's multi-line one. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        if (problem.contains("Global tag is not allowed: tag:yaml.org,2002:")) {
            String tag = problem.substring(problem.indexOf("tag:yaml.org,2002:") + "tag:yaml.org,2002:".length()).strip();
            return "YAML tag '!!" + tag + "' is not allowed: write plain values (text, numbers, dates, lists, key: value)";
        }
        if (problem.contains("Global tag is not allowed")) {
            return "YAML tags like '!!name' are not allowed: write plain values (text, numbers, dates, lists, key: value)";
        }
        if (problem.contains("found character '\\t'") || problem.contains("found character '\t'")
                || problem.contains("\\t(TAB)") || problem.contains("\t(TAB)")) {
            return "tab character in YAML indentation: indent with spaces";
        }
        if (problem.contains("found duplicate key")) {
            return "duplicate key" + problem.substring(problem.indexOf("found duplicate key") + "found duplicate key".length());
        }
        if (problem.startsWith("Global tag is not allowed: ")) {
            return tagMessage(problem.substring("Global tag is not allowed: ".length()).strip());
        }
        if (problem.contains("Number of aliases")) {
            return "too many YAML aliases (more than " + MAX_ALIASES + "): aliases are limited to keep builds safe";
        }
        char open = unclosedFlow(e);
        if (open != 0) {
            char close = open == '[' ? ']' : '}';
            return "unclosed '" + open + "': the " + (open == '[' ? "list" : "mapping") + " that starts here never ends with '"
                    + close + "' (add it at the end of the " + (open == '[' ? "list" : "mapping") + ", on this line)";
        }
        if (context.contains("quoted scalar") && problem.contains("end of stream")) {
            return "unclosed quote: the value that starts here with a quote never ends with one (add the closing quote)";
        }
        String msg = (context.isEmpty() ? "" : context + ": ") + problem;
        return "invalid YAML: " + clean(msg);
    }

    private static String clean(String s) {
        if (s == null) return "unknown problem";
        String one = s.replaceAll("\\s*\\n\\s*", " ").trim();
        int at = one.indexOf(" in 'reader'");
        if (at >= 0) one = one.substring(0, at);
        return one.replace("in 'reader', ", "").replaceAll(", line \\d+, column \\d+", "").replaceAll(":$", "");
    }
}

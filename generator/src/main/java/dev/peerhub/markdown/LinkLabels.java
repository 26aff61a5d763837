package dev.peerhub.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Link labels ({@code [text]} of a link or a link reference definition) found in linear time.
 *
 * <p>Flexmark finds them with the pattern {@code ^\[(?:[^\\\[\]]|\\[ESCAPABLE]|\\){0,999}\]}, in which a
 * backslash before punctuation may be read as an escape or as a character of its own. When no label closes,
 * Java's backtracking regex engine tries every way of reading them: a paragraph starting with {@code [} and
 * sixty backslashes took longer than a minute, and a writer's typo could hang a build (found by
 * {@code FrontMatterFuzzTest}). {@link #length} gives the same answer by the same search, in the pattern's
 * order of preference (an escape before a lone backslash, one more character before the closing bracket),
 * but remembers where a search has already failed, so no position is searched twice with as many
 * characters left to use. {@code LinkLabelsTest} holds it to the pattern's answers.
 */
final class LinkLabels {
    private LinkLabels() {}

    /** The pattern's repetition limit: at most this many characters (an escape counts as one) inside. */
    static final int MAX_INSIDE = 999;

    /** CommonMark's escapable characters, as Flexmark's pattern lists them. */
    private static final String ESCAPABLE = "!\"#$%&'()*+,./:;<=>?@[]\\^_`{|}~-";

    /**
     * The length of the link label that starts at {@code start} of {@code s} ({@code [} up to and including
     * its {@code ]}), or 0 when there is none; what Flexmark's {@code LINK_LABEL} pattern matches there.
     */
    static int length(CharSequence s, int start) {
        if (start >= s.length() || s.charAt(start) != '[') return 0;
        int limit = Math.min(s.length(), start + 1 + 2 * MAX_INSIDE + 1);
        int[] failedWith = new int[limit - start + 1]; // per position: the fewest characters used when it failed
        Arrays.fill(failedWith, Integer.MAX_VALUE);
        int end = search(s, start, start + 1, 0, limit, failedWith);
        return end < 0 ? 0 : end - start;
    }

    /** Where the label ends (after its bracket) going on from {@code at} with {@code used} characters inside, or -1. */
    private static int search(CharSequence s, int start, int at, int used, int limit, int[] failedWith) {
        if (used >= failedWith[at - start]) return -1; // failed before with as many left, or more
        if (at < limit && used < MAX_INSIDE) {
            char c = s.charAt(at);
            if (c == '\\') {
                if (at + 1 < limit && ESCAPABLE.indexOf(s.charAt(at + 1)) >= 0) {
                    int end = search(s, start, at + 2, used + 1, limit, failedWith);
                    if (end >= 0) return end;
                }
                int end = search(s, start, at + 1, used + 1, limit, failedWith);
                if (end >= 0) return end;
            } else if (c != '[' && c != ']') {
                // a run of plain characters has one reading: take it without recursing per character
                int next = at + 1;
                int n = used + 1;
                while (next < limit && n < MAX_INSIDE) {
                    char d = s.charAt(next);
                    if (d == '\\' || d == '[' || d == ']') break;
                    next++;
                    n++;
                }
                int end = search(s, start, next, n, limit, failedWith);
                if (end >= 0) return end;
            }
        }
        if (at < s.length() && s.charAt(at) == ']') return at + 1;
        failedWith[at - start] = used;
        return -1;
    }

    /** Flexmark's inline parser, finding link labels with {@link #length}. */
    static final class Parser extends InlineParserImpl {
        Parser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
               Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
               List<InlineParserExtensionFactory> inlineParserExtensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                    inlineParserExtensions);
        }

        @Override
        public int parseLinkLabel() {
            int n = length(input, index);
            index += n;
            return n;
        }
    }

    /**
     * Flexmark's parser with {@code options}, finding link labels with {@link #length}. (With an inline parser
     * of its own, Flexmark leaves out the core step that reads link reference definitions, so it is put back.)
     */
    static com.vladsch.flexmark.parser.Parser parser(DataHolder options) {
        return com.vladsch.flexmark.parser.Parser.builder(options)
                .customInlineParserFactory(FACTORY)
                .paragraphPreProcessorFactory(new com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory())
                .build();
    }

    /** Makes {@link Parser}s; for {@code Parser.Builder.customInlineParserFactory}. */
    static final InlineParserFactory FACTORY = new InlineParserFactory() {
        @Override
        public InlineParser inlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                                         Map<Character, DelimiterProcessor> delimiterProcessors,
                                         LinkRefProcessorData linkRefProcessors,
                                         List<InlineParserExtensionFactory> inlineParserExtensions) {
            return new Parser(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                    inlineParserExtensions);
        }
    };
}

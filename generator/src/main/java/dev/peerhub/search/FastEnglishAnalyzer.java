package dev.peerhub.search;

import java.io.CharArrayReader;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lucene's {@link EnglishAnalyzer} (standard tokenizer, English possessives, lower case, English stop
 * words, Porter stems), computed faster: the index is built with this analyzer, queries are analysed by
 * {@code EnglishAnalyzer} itself, and {@code FastEnglishAnalyzerTest} holds the two to the same terms,
 * positions and offsets over the sample hub, the seed documents, a dictionary and random text.
 *
 * <p>Indexing spends about a third of its time in analysis, most of it on words that are plain runs of
 * ASCII letters, and a site's text repeats a few thousand such words over and over. So:
 * <ul>
 *   <li>The text is cut into <em>chunks</em> at ASCII spaces, tabs and line ends. The word-break rules of
 *       UAX #29 that {@code StandardTokenizer} implements never join anything across those characters
 *       when the next chunk starts with an ASCII character (only extend, format and joiner characters,
 *       all non-ASCII, attach to a preceding space), so each chunk can be tokenized on its own. A value
 *       where a chunk starts with a non-ASCII character is analysed whole by the real chain instead.</li>
 *   <li>A chunk made only of ASCII letters and ASCII punctuation other than {@code ' _} and digits,
 *       where no {@code .} or {@code :} stands between two letters (those are the only such characters
 *       UAX #29 joins letters across; {@code , ;} join only digits), breaks into exactly its runs of
 *       letters: those are its tokens (a run longer than the tokenizer's 255 characters is left to the
 *       real tokenizer). Any other chunk goes through the real {@link StandardTokenizer},
 *       {@link EnglishPossessiveFilter} and {@link LowerCaseFilter}, on its own.</li>
 *   <li>Stop words and stems come from a per-thread cache of every lower-cased token seen (bounded),
 *       filled by {@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET} and the real {@link PorterStemFilter};
 *       a stop word adds its position to the next token's increment, as {@code StopFilter} does.</li>
 * </ul>
 * Token types are not reproduced (the index does not record them).
 */
final class FastEnglishAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new FastEnglishTokenizer());
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** The whole chain as one tokenizer (see the class comment). Not thread-safe, as every tokenizer. */
    static final class FastEnglishTokenizer extends Tokenizer {
        /** StandardTokenizer's default: a longer run of letters is split by it, so is left to it. */
        private static final int MAX_TOKEN = org.apache.lucene.analysis.standard.StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;
        private static final int CACHE_LIMIT = 1 << 17;
        private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        /** The real chain, for chunks (or whole values) the fast path cannot be sure of. */
        private final StandardTokenizer realTokenizer = new StandardTokenizer();
        private final TokenStream realChain = new LowerCaseFilter(new EnglishPossessiveFilter(realTokenizer));
        private final CharTermAttribute realTerm = realChain.getAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute realPosInc = realChain.getAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute realOffset = realChain.getAttribute(OffsetAttribute.class);
        private final TypeAttribute realType = realChain.getAttribute(TypeAttribute.class);

        private final CharArrayMap<Entry> cache = new CharArrayMap<>(4096, false);
        private final OneWord oneWord = new OneWord();
        private final PorterStemFilter porter = new PorterStemFilter(oneWord);
        private final char[] lower = new char[MAX_TOKEN];

        private char[] text = new char[8192];
        private int length;
        /** Next character to look at, outside a chunk. */
        private int cursor;
        /** The current simple chunk's end, or -1 when not in one. */
        private int simpleEnd = -1;
        /** Where the real chain's current input starts in {@link #text}, or -1 when it is not running. */
        private int realStart = -1;
        /** Positions of skipped stop words (and of tokens the real tokenizer skipped) since the last token. */
        private int pending;

        private record Entry(boolean stop, char[] stem) {}

        @Override
        public void reset() throws IOException {
            super.reset();
            if (realStart >= 0) closeReal();
            length = 0;
            int read;
            while ((read = input.read(text, length, text.length - length)) > 0) {
                length += read;
                if (length == text.length) text = Arrays.copyOf(text, text.length * 2);
            }
            cursor = 0;
            simpleEnd = -1;
            pending = 0;
            if (startsChunkWithNonAscii()) {
                startReal(0, length);
                cursor = length;
            }
        }

        /** Whether a chunk after the first starts with a non-ASCII character (see the class comment). */
        private boolean startsChunkWithNonAscii() {
            for (int i = 1; i < length; i++) {
                if (text[i] >= 0x80 && isSeparator(text[i - 1])) return true;
            }
            return false;
        }

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            while (true) {
                if (realStart >= 0) {
                    if (realChain.incrementToken()) {
                        pending += realPosInc.getPositionIncrement() - 1;
                        if (emit(realTerm.buffer(), realTerm.length(), realStart + realOffset.startOffset(),
                                realStart + realOffset.endOffset(), realType.type())) return true;
                        continue;
                    }
                    realChain.end();
                    pending += realPosInc.getPositionIncrement();
                    closeReal();
                    continue;
                }
                if (simpleEnd >= 0) {
                    int i = cursor;
                    while (i < simpleEnd && !isLetter(text[i])) i++;
                    if (i == simpleEnd) {
                        cursor = simpleEnd;
                        simpleEnd = -1;
                        continue;
                    }
                    int start = i;
                    while (i < simpleEnd && isLetter(text[i])) {
                        lower[i - start] = (char) (text[i] | 0x20);
                        i++;
                    }
                    cursor = i;
                    if (emit(lower, i - start, start, i, ALPHANUM)) return true;
                    continue;
                }
                int i = cursor;
                while (i < length && isSeparator(text[i])) i++;
                if (i == length) {
                    cursor = length;
                    return false;
                }
                int start = i;
                boolean simple = true;
                int run = 0;
                for (; i < length; i++) {
                    char c = text[i];
                    if (isLetter(c)) {
                        if (++run > MAX_TOKEN) simple = false;
                        continue;
                    }
                    if (isSeparator(c)) break;
                    run = 0;
                    if (!isPlainPunctuation(c)
                            || ((c == '.' || c == ':') && i > start && isLetter(text[i - 1]) && i + 1 < length && isLetter(text[i + 1]))) {
                        simple = false;
                    }
                }
                if (simple) {
                    cursor = start;
                    simpleEnd = i;
                } else {
                    cursor = i;
                    startReal(start, i);
                }
            }
        }

        /** Emits a lower-cased token unless it is a stop word; {@code false} when it was one. */
        private boolean emit(char[] chars, int len, int start, int end, String tokenType) throws IOException {
            Entry e = cache.get(chars, 0, len);
            if (e == null) {
                e = new Entry(STOP_WORDS.contains(chars, 0, len), stem(chars, len));
                if (cache.size() >= CACHE_LIMIT) cache.clear();
                cache.put(Arrays.copyOf(chars, len), e);
            }
            if (e.stop()) {
                pending++;
                return false;
            }
            term.copyBuffer(e.stem(), 0, e.stem().length);
            posInc.setPositionIncrement(1 + pending);
            pending = 0;
            offset.setOffset(correctOffset(start), correctOffset(end));
            type.setType(tokenType);
            return true;
        }

        private char[] stem(char[] chars, int len) throws IOException {
            oneWord.set(chars, len);
            porter.reset();
            porter.incrementToken();
            CharTermAttribute stemmed = oneWord.term;
            char[] result = Arrays.copyOf(stemmed.buffer(), stemmed.length());
            porter.end();
            porter.close();
            return result;
        }

        private void startReal(int start, int end) throws IOException {
            realTokenizer.setReader(new CharArrayReader(text, start, end - start));
            realChain.reset();
            realStart = start;
        }

        private void closeReal() throws IOException {
            realStart = -1;
            realChain.close();
        }

        @Override
        public void end() throws IOException {
            super.end();
            int last = correctOffset(length);
            offset.setOffset(last, last);
            posInc.setPositionIncrement(pending);
        }

        @Override
        public void close() throws IOException {
            if (realStart >= 0) closeReal();
            super.close();
        }

        private static boolean isSeparator(char c) {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }

        private static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        /**
         * ASCII punctuation that UAX #29 never joins to letters on its own: everything printable but
         * letters, digits, {@code '} (joins letters) and {@code _} (joins everything); {@code .} and
         * {@code :} are checked for letters on both sides by the caller.
         */
        private static boolean isPlainPunctuation(char c) {
            return c > ' ' && c < 0x7F && !(c >= '0' && c <= '9') && c != '\'' && c != '_';
        }
    }

    /** A stream of one given word, for the Porter stemmer. */
    private static final class OneWord extends TokenStream {
        final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] chars;
        private int len;
        private boolean done;

        void set(char[] chars, int len) {
            this.chars = chars;
            this.len = len;
        }

        @Override
        public boolean incrementToken() {
            if (done) return false;
            clearAttributes();
            term.copyBuffer(chars, 0, len);
            done = true;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            done = false;
        }
    }
}

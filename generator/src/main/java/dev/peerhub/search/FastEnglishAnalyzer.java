package dev.peerhub.search;

import java.io.CharArrayReader;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
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
 *       all non-ASCII, attach to a preceding space), so each chunk can be tokenized on its own. From a chunk
 *       that starts with a non-ASCII character on, the rest of the value goes through the real chain,
 *       starting at the separator before it.</li>
 *   <li>A chunk made only of ASCII letters and ASCII punctuation other than {@code ' _} and digits,
 *       where no {@code .} or {@code :} stands between two letters (those are the only such characters
 *       UAX #29 joins letters across; {@code , ;} join only digits), breaks into exactly its runs of
 *       letters: those are its tokens (a run longer than the tokenizer's 255 characters is left to the
 *       real tokenizer). Any other chunk goes through the real {@link StandardTokenizer},
 *       {@link EnglishPossessiveFilter} and {@link LowerCaseFilter}, on its own.</li>
 *   <li>Stop words and stems come from per-thread tables of every lower-cased token seen (bounded),
 *       filled by {@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET} and the real {@link PorterStemFilter}. A run
 *       of up to 12 letters, most words, is its own key: its letters packed five bits each into a long while
 *       the chunk is scanned, so a look-up compares one number (with C1, the only compiler a build runs, the
 *       look-up in the table of character arrays it replaced was about a sixth of the index's profile
 *       samples); longer ones and the real
 *       chain's tokens are looked up by their characters;
 *       a stop word adds its position to the next token's increment, as {@code StopFilter} does.</li>
 * </ul>
 * Token types are not reproduced (the index does not record them).
 */
final class FastEnglishAnalyzer extends Analyzer {
    /** Tokens a thread's cache holds before it is emptied. */
    static final int CACHE_LIMIT = 1 << 17;

    private final int cacheLimit;

    FastEnglishAnalyzer() {
        this(CACHE_LIMIT);
    }

    /** With a cache of {@code cacheLimit} tokens (tests use a small one). */
    FastEnglishAnalyzer(int cacheLimit) {
        this.cacheLimit = cacheLimit;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new FastEnglishTokenizer(cacheLimit));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** The whole chain as one tokenizer (see the class comment). Not thread-safe, as every tokenizer. */
    static final class FastEnglishTokenizer extends Tokenizer {
        /** Runs of up to this many letters are looked up by their packed letters (five bits each in a long). */
        static final int PACKED_LETTERS = 12;
        /** StandardTokenizer's default: a longer run of letters is split by it, so is left to it. */
        private static final int MAX_TOKEN = org.apache.lucene.analysis.standard.StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;
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

        private final Terms cache;

        FastEnglishTokenizer(int cacheLimit) {
            cache = new Terms(cacheLimit);
        }
        private final OneWord oneWord = new OneWord();
        private final PorterStemFilter porter = new PorterStemFilter(oneWord);

        private char[] text = new char[8192];
        private int length;
        /** Next character to look at, outside a chunk. */
        private int cursor;
        /** The letter runs of the current simple chunk (start and length). */
        private int[] runs = new int[2 * 8];
        /**
         * Per run, its letters packed five bits each ({@code a} = 1 to {@code z} = 26, the first letter highest):
         * a run of up to {@link #PACKED_LETTERS} letters is its own key, exactly, in {@link Terms#findPacked}.
         */
        private long[] runKeys = new long[8];
        private int runCount;
        /** The next run of the current simple chunk to emit; {@code runCount} when none is left. */
        private int nextRun;
        /** Where the real chain's current input starts in {@link #text}, or -1 when it is not running. */
        private int realStart = -1;
        /** Positions of skipped stop words (and of tokens the real tokenizer skipped) since the last token. */
        private int pending;

        /** The last token's position increment, start and end offsets in {@link #text} (uncorrected), and type. */
        private int increment;
        private int tokenStart;
        private int tokenEnd;
        private String tokenType;

        /** Set by {@link #startText(String)}: only the term's number and position increment are wanted. */
        private boolean idsOnly;

        @Override
        public void reset() throws IOException {
            super.reset();
            idsOnly = false;
            if (realStart >= 0) closeReal();
            length = 0;
            int read;
            while ((read = input.read(text, length, text.length - length)) > 0) {
                length += read;
                if (length == text.length) text = Arrays.copyOf(text, text.length * 2);
            }
            startText();
        }

        /**
         * Starts on {@code value} without a {@link java.io.Reader}: for {@link PageInverter}, which reads only
         * {@link #nextStem()} and {@link #increment()} of each token (offsets are not corrected by a char
         * filter on this path, as there is none). Not for use through the {@link TokenStream} protocol.
         */
        void startText(String value) throws IOException {
            idsOnly = true;
            if (realStart >= 0) closeReal();
            if (value.length() > text.length) text = new char[Math.max(value.length(), 2 * text.length)];
            value.getChars(0, value.length(), text, 0);
            length = value.length();
            startText();
        }

        /** The characters of term number {@code id} (see {@link #nextStem}); not to be changed. */
        char[] stemChars(int id) {
            return cache.stemTable.chars(id);
        }

        private void startText() throws IOException {
            cursor = 0;
            runCount = nextRun = 0;
            pending = 0;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!idsOnly) clearAttributes();
            int id = advance();
            if (id < 0) return false;
            posInc.setPositionIncrement(increment);
            if (!idsOnly) {
                char[] stem = cache.stemTable.chars(id);
                term.copyBuffer(stem, 0, stem.length);
                offset.setOffset(correctOffset(tokenStart), correctOffset(tokenEnd));
                type.setType(tokenType);
            }
            return true;
        }

        /**
         * The next token's term number, or -1 at the end of the text: the same term always has the same number
         * in this tokenizer, whatever the field or the page, and {@link #stemChars} gives the term back. For
         * {@link PageInverter}, after {@link #startText(String)}, without the {@link TokenStream} protocol's
         * attributes (its position increment is {@link #increment}).
         */
        int nextStem() throws IOException {
            return advance();
        }

        /** The position increment of the token {@link #nextStem} has just given. */
        int increment() {
            return increment;
        }

        /**
         * Finds the next token that is not a stop word: sets {@link #increment} and the
         * token's offsets and type, and returns its term number; -1 at the end of the text.
         */
        private int advance() throws IOException {
            while (true) {
                if (nextRun < runCount) {
                    int r = nextRun++;
                    int start = runs[2 * r];
                    int len = runs[2 * r + 1];
                    Terms c = cache;
                    int id;
                    if (len <= PACKED_LETTERS) {
                        long key = runKeys[r];
                        int slot = c.findPacked(key);
                        id = slot >= 0 ? c.packedIds[slot] : c.addPacked(~slot, key, lowerCase(start, len), this);
                    } else {
                        int hash = 0;
                        for (int k = start, end = start + len; k < end; k++) hash = 31 * hash + (text[k] | 0x20);
                        int slot = c.findFolded(text, start, len, hash);
                        if (slot < 0) slot = c.add(~slot, lowerCase(start, len), hash, this);
                        id = (int) c.meta[slot];
                    }
                    if (id < 0) { // a stop word
                        pending++;
                        continue;
                    }
                    tokenStart = start;
                    tokenEnd = start + len;
                    tokenType = ALPHANUM;
                    return found(id);
                }
                if (realStart >= 0) {
                    if (realChain.incrementToken()) {
                        pending += realPosInc.getPositionIncrement() - 1;
                        char[] t = realTerm.buffer();
                        int len = realTerm.length();
                        int h = 0;
                        for (int k = 0; k < len; k++) h = 31 * h + t[k];
                        int slot = cache.find(t, len, h);
                        if (slot < 0) slot = cache.add(~slot, Arrays.copyOf(t, len), h, this);
                        int id = (int) cache.meta[slot];
                        if (id < 0) {
                            pending++;
                            continue;
                        }
                        tokenStart = realStart + realOffset.startOffset();
                        tokenEnd = realStart + realOffset.endOffset();
                        tokenType = realType.type();
                        return found(id);
                    }
                    realChain.end();
                    pending += realPosInc.getPositionIncrement();
                    closeReal();
                    continue;
                }
                if (!nextChunk()) return -1;
            }
        }

        private int found(int id) {
            increment = 1 + pending;
            pending = 0;
            return id;
        }

        /**
         * Reads the next chunk: its runs of letters when it is simple (see the class comment), else starts the
         * real chain on it. False at the end of the text.
         */
        private boolean nextChunk() throws IOException {
            char[] t = text;
            int n = length;
            int i = cursor;
            while (i < n && isSeparator(t[i])) i++;
            if (i == n) {
                cursor = n;
                return false;
            }
            // one pass over the chunk: is it simple, and where are its runs of letters
            int start = i;
            boolean simple = true;
            int runStart = -1;
            long key = 0;
            runCount = nextRun = 0;
            for (; i < n; i++) {
                char c = t[i];
                int lower = c | 0x20;
                if (lower >= 'a' && lower <= 'z') { // an ASCII letter: '@' and '[' to '`' fold outside this range
                    if (runStart < 0) {
                        runStart = i;
                        key = 0;
                    }
                    key = key << 5 | (lower - ('a' - 1)); // past PACKED_LETTERS letters the key is not used
                    continue;
                }
                if (runStart >= 0) {
                    simple &= addRun(runStart, i, key);
                    runStart = -1;
                }
                if (c >= 0x80) {
                    if (c == ApostropheFolding.CURLY) {
                        t[i] = '\''; // folded as the queries' analyzer does (ApostropheFolding)
                    } else if (i == start && start > 0) {
                        restThroughRealChain(start);
                        return true;
                    }
                    simple = false;
                    continue;
                }
                if (isSeparator(c)) break;
                if (!isPlainPunctuation(c)
                        || ((c == '.' || c == ':') && i > start && isLetter(t[i - 1]) && i + 1 < n && isLetter(t[i + 1]))) {
                    simple = false;
                }
            }
            if (runStart >= 0) simple &= addRun(runStart, i, key);
            cursor = i;
            if (!simple) {
                runCount = 0;
                startReal(start, i);
            }
            return true;
        }

        /**
         * A chunk after the first starts with a non-ASCII character at {@code start}: it may attach to the separator
         * before it (UAX #29 joins extend, format and joiner characters to a preceding space), so the real chain
         * reads the rest of the text from that separator on, as it would in the whole text. The chunks before are
         * not affected: what attaches to a space does not reach past it.
         */
        private void restThroughRealChain(int start) throws IOException {
            char[] t = text;
            for (int k = start; k < length; k++) if (t[k] == ApostropheFolding.CURLY) t[k] = '\'';
            runCount = nextRun = 0;
            cursor = length;
            startReal(start - 1, length);
        }

        /** Records a run of letters of the current chunk; false when it is too long for the fast path. */
        private boolean addRun(int start, int end, long key) {
            int r = runCount++;
            if (r == runKeys.length) {
                runs = Arrays.copyOf(runs, 4 * r);
                runKeys = Arrays.copyOf(runKeys, 2 * r);
            }
            runs[2 * r] = start;
            runs[2 * r + 1] = end - start;
            runKeys[r] = key;
            return end - start <= MAX_TOKEN;
        }

        private char[] lowerCase(int start, int len) {
            char[] out = new char[len];
            for (int k = 0; k < len; k++) out[k] = (char) (text[start + k] | 0x20);
            return out;
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

    /**
     * Lower-cased tokens seen, with their stem ({@code null} for a stop word): an open-addressing table keyed
     * by the token's characters and their {@code 31 * h + c} hash, bounded (emptied when full).
     */
    private static final class Terms {
        private final int limit;
        private char[][] keys = new char[1 << 12][];
        /**
         * Per slot, in one word so that a look-up reads one array besides the key: the key's hash (high half)
         * and its stem's number in {@link #stemTable} (low half; -1 for a stop word). Stale where the key is null.
         */
        long[] meta = new long[1 << 12];
        private int size;
        /** Every stem seen, numbered; never emptied, so a number keeps its meaning. */
        final StemTable stemTable = new StemTable();
        /**
         * The tokens of up to {@link FastEnglishTokenizer#PACKED_LETTERS} ASCII letters, by their packed letters
         * (never 0): an open-addressing table whose key is the token itself, so a look-up compares one number.
         * Most words of a text are such tokens. Bounded like the other table.
         */
        private long[] packedKeys = new long[1 << 12];
        /** Per slot of {@link #packedKeys}: the stem's number in {@link #stemTable}, -1 for a stop word. */
        int[] packedIds = new int[1 << 12];
        private int packedSize;

        Terms(int limit) {
            this.limit = limit;
        }

        private static int mix(int h) {
            return h ^ (h >>> 15);
        }

        private static int mix(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 35);
        }

        /** The slot of the packed token {@code key}, or {@code ~} the free slot. */
        int findPacked(long key) {
            long[] keys = packedKeys;
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) return i;
                if (k == 0) return ~i;
            }
        }

        /**
         * Adds the packed token {@code key} (whose lower-cased letters are {@code chars}; not present) at the free
         * slot {@code slot}; returns its stem's number (-1 for a stop word).
         */
        int addPacked(int slot, long key, char[] chars, FastEnglishTokenizer tokenizer) throws IOException {
            int id = idOf(chars, tokenizer);
            if (packedSize >= limit || 2 * (packedSize + 1) > packedKeys.length) {
                if (packedSize >= limit) {
                    Arrays.fill(packedKeys, 0);
                    packedSize = 0;
                } else {
                    long[] oldKeys = packedKeys;
                    int[] oldIds = packedIds;
                    packedKeys = new long[oldKeys.length * 2];
                    packedIds = new int[oldKeys.length * 2];
                    for (int j = 0; j < oldKeys.length; j++) {
                        if (oldKeys[j] == 0) continue;
                        int i = ~findPacked(oldKeys[j]);
                        packedKeys[i] = oldKeys[j];
                        packedIds[i] = oldIds[j];
                    }
                }
                slot = ~findPacked(key);
            }
            packedKeys[slot] = key;
            packedIds[slot] = id;
            packedSize++;
            return id;
        }

        /** The stem's number of the lower-cased token {@code key}, given one if new; -1 for a stop word. */
        private int idOf(char[] key, FastEnglishTokenizer tokenizer) throws IOException {
            if (FastEnglishTokenizer.STOP_WORDS.contains(key, 0, key.length)) return -1;
            return stemTable.id(tokenizer.stem(key, key.length));
        }

        /** The slot of the lower-cased letters {@code text[start, start + len)}, or {@code ~} the free slot. */
        int findFolded(char[] text, int start, int len, int hash) {
            int mask = keys.length - 1;
            for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
                // the hash first: a slot of another token is passed over without reading its key
                if ((int) (meta[i] >>> 32) != hash) {
                    if (keys[i] == null) return ~i;
                    continue;
                }
                char[] k = keys[i];
                if (k == null) return ~i;
                if (k.length == len) {
                    int j = 0;
                    while (j < len && k[j] == (char) (text[start + j] | 0x20)) j++;
                    if (j == len) return i;
                }
            }
        }

        /** The slot of {@code chars[0, len)}, or {@code ~} the free slot. */
        int find(char[] chars, int len, int hash) {
            int mask = keys.length - 1;
            for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
                char[] k = keys[i];
                if (k == null) return ~i;
                if ((int) (meta[i] >>> 32) == hash && Arrays.equals(k, 0, k.length, chars, 0, len)) return i;
            }
        }

        /** Adds {@code key} (lower-cased, not present) at the free slot {@code slot}; returns its slot then. */
        int add(int slot, char[] key, int hash, FastEnglishTokenizer tokenizer) throws IOException {
            int id = idOf(key, tokenizer);
            if (size >= limit || 2 * (size + 1) > keys.length) {
                if (size >= limit) {
                    Arrays.fill(keys, null);
                    size = 0;
                } else {
                    grow();
                }
                slot = ~find(key, key.length, hash);
            }
            keys[slot] = key;
            meta[slot] = ((long) hash << 32) | (id & 0xFFFFFFFFL);
            size++;
            return slot;
        }

        private void grow() {
            char[][] oldKeys = keys;
            long[] oldMeta = meta;
            keys = new char[oldKeys.length * 2][];
            meta = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] == null) continue;
                int i = mix((int) (oldMeta[j] >>> 32)) & mask;
                while (keys[i] != null) i = (i + 1) & mask;
                keys[i] = oldKeys[j];
                meta[i] = oldMeta[j];
            }
        }
    }

    /** Distinct stems, each with a number (0, 1, 2, ... in the order first seen). */
    static final class StemTable {
        private char[][] byId = new char[1 << 12][];
        private int[] slots = new int[1 << 13]; // id + 1, 0 when free
        private int size;

        char[] chars(int id) {
            return byId[id];
        }

        /** The number of {@code stem}, given one if new (the table then keeps {@code stem} itself). */
        int id(char[] stem) {
            int h = 0;
            for (char c : stem) h = 31 * h + c;
            int mask = slots.length - 1;
            int i = (h ^ (h >>> 15)) & mask;
            for (; slots[i] != 0; i = (i + 1) & mask) {
                if (Arrays.equals(byId[slots[i] - 1], stem)) return slots[i] - 1;
            }
            if (size == byId.length) byId = Arrays.copyOf(byId, size * 2);
            byId[size] = stem;
            slots[i] = ++size;
            if (2 * size > slots.length) rehash();
            return size - 1;
        }

        private void rehash() {
            int[] bigger = new int[slots.length * 2];
            int mask = bigger.length - 1;
            for (int id = 0; id < size; id++) {
                int h = 0;
                for (char c : byId[id]) h = 31 * h + c;
                int i = (h ^ (h >>> 15)) & mask;
                while (bigger[i] != 0) i = (i + 1) & mask;
                bigger[i] = id + 1;
            }
            slots = bigger;
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

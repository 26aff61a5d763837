package dev.peerhub.search;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharFilter;

/**
 * An analyzer that reads the right single quotation mark (U+2019, the "curly" apostrophe) as the
 * apostrophe ({@code '}) before its delegate sees the text. Phones type {@code don’t} where keyboards
 * type {@code don't}, writers paste either, and Lucene's tokenizer keeps each inside its word, so
 * without this the two spellings were different terms. One character for one, so offsets do not move.
 * The index ({@link FastEnglishAnalyzer}) and the browser's analyzer (analyzer.js) fold the same way.
 */
final class ApostropheFolding extends AnalyzerWrapper {
    static final char CURLY = '\u2019';

    private final Analyzer delegate;

    ApostropheFolding(Analyzer delegate) {
        super(delegate.getReuseStrategy());
        this.delegate = delegate;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return delegate;
    }

    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
        return new Folding(reader);
    }

    @Override
    protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
        return new Folding(reader);
    }

    /** Replaces U+2019 in place, in every chunk read. */
    static void fold(char[] text, int from, int to) {
        for (int i = from; i < to; i++) if (text[i] == CURLY) text[i] = '\'';
    }

    private static final class Folding extends CharFilter {
        Folding(Reader in) {
            super(in);
        }

        @Override
        protected int correct(int currentOff) {
            return currentOff; // one char for one
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = input.read(cbuf, off, len);
            if (n > 0) fold(cbuf, off, off + n);
            return n;
        }
    }
}

package dev.peerhub.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a template writes a page: encodes to UTF-8 as it is written, into a buffer reused by the
 * thread, instead of a {@link java.io.StringWriter} whose text is copied into a {@code String} and then
 * encoded. The bytes are exactly those of {@code text.getBytes(UTF_8)} for the whole text, including a
 * lone surrogate ({@code ?}) and a pair split between two writes.
 */
final class Utf8Out extends Writer {

    private static final int KEEP_AT_MOST = 1 << 20;
    /** Strings at least this long are encoded by {@link String#getBytes}, shorter ones here. */
    private static final int BULK = 64;
    private static final ThreadLocal<Utf8Out> PER_THREAD = ThreadLocal.withInitial(Utf8Out::new);

    private byte[] buf = new byte[32 * 1024];
    private int n;
    /** A high surrogate written last, waiting for its low half; 0 when none. */
    private char pending;
    /** The chars of a short String, copied out to be encoded by the same loop as the template's char[]. */
    private final char[] scratch = new char[BULK];

    /** This thread's writer, emptied. */
    static Utf8Out get() {
        Utf8Out out = PER_THREAD.get();
        if (out.buf.length > KEEP_AT_MOST) out.buf = new byte[32 * 1024];
        out.n = 0;
        out.pending = 0;
        return out;
    }

    /** What was written, in UTF-8. */
    byte[] bytes() {
        if (pending != 0) {
            pending = 0;
            room(1);
            buf[n++] = '?';
        }
        return Arrays.copyOf(buf, n);
    }

    private void room(int more) {
        if (n + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }

    @Override
    public void write(String str) {
        write(str, 0, str.length());
    }

    @Override
    public void write(String s, int off, int len) {
        if (len <= 0) return;
        int end = off + len;
        if (pending != 0) {
            char high = pending;
            pending = 0;
            char c = s.charAt(off);
            if (Character.isLowSurrogate(c)) {
                codePoint(Character.toCodePoint(high, c));
                if (++off == end) return;
            } else {
                room(1);
                buf[n++] = '?';
            }
        }
        if (end - off >= BULK) {
            char last = s.charAt(end - 1);
            int upTo = Character.isHighSurrogate(last) ? end - 1 : end;
            byte[] b = (off == 0 && upTo == s.length() ? s : s.substring(off, upTo)).getBytes(StandardCharsets.UTF_8);
            room(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            if (upTo != end) pending = last;
            return;
        }
        s.getChars(off, end, scratch, 0); // shorter than BULK
        encode(scratch, 0, end - off);
    }

    private void codePoint(int cp) {
        room(4);
        buf[n++] = (byte) (0xF0 | (cp >> 18));
        buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (cp & 0x3F));
    }

    /**
     * The template's own text comes as {@code char[]}: short pieces are encoded here without making a
     * {@code String}; long ones (and one after a pending surrogate) go through {@link #write(String, int, int)}.
     */
    @Override
    public void write(char[] s, int off, int len) {
        if (len <= 0) return;
        int end = off + len;
        if (pending != 0 || len >= BULK) {
            write(new String(s, off, len));
            return;
        }
        encode(s, off, end);
    }

    /** Encodes chars [off, end) of {@code s}; a high surrogate at the end waits for its other half. */
    private void encode(char[] s, int off, int end) {
        room((end - off) * 3);
        byte[] buf = this.buf;
        int n = this.n;
        for (int i = off; i < end; i++) {
            char c = s[i];
            if (c < 0x80) {
                buf[n++] = (byte) c;
            } else if (c < 0x800) {
                buf[n++] = (byte) (0xC0 | (c >> 6));
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                buf[n++] = (byte) (0xE0 | (c >> 12));
                buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 == end) {
                pending = c;
            } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(s[i + 1])) {
                this.n = n;
                codePoint(Character.toCodePoint(c, s[++i]));
                buf = this.buf;
                n = this.n;
            } else {
                buf[n++] = '?';
            }
        }
        this.n = n;
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c));
    }

    @Override
    public Writer append(CharSequence csq) {
        write(String.valueOf(csq));
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) {
        write((csq == null ? "null" : csq).subSequence(start, end).toString());
        return this;
    }

    @Override
    public Writer append(char c) {
        write(String.valueOf(c));
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}

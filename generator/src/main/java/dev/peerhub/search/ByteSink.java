package dev.peerhub.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the unsigned LEB128 varints the client index uses. */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink() {
        this(256);
    }

    /** With room for {@code capacity} bytes before it grows. */
    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void write(int b) {
        if (size == bytes.length) bytes = Arrays.copyOf(bytes, bytes.length * 2);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int off, int len) {
        if (size + len > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void write(ByteSink other) {
        write(other.bytes, 0, other.size);
    }

    void varint(long v) {
        if (v < 0) throw new IllegalArgumentException("negative varint " + v);
        while (v >= 0x80) {
            write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        write((int) v);
    }

    void u32(long v) {
        write((int) v & 0xFF);
        write((int) (v >>> 8) & 0xFF);
        write((int) (v >>> 16) & 0xFF);
        write((int) (v >>> 24) & 0xFF);
    }

    void utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        write(b);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Writes zeros up to the next multiple of {@code block} bytes. */
    void pad(int block) {
        int n = (block - size % block) % block;
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        Arrays.fill(bytes, size, size + n, (byte) 0);
        size += n;
    }

    void clear() {
        size = 0;
    }
}

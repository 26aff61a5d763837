package dev.peerhub.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.util.BytesRef;

/**
 * Byte arrays compressed with Lucene's LZ4 ({@link CompressionMode#FAST}, already here for search): fast
 * enough to keep the rendered bodies of a huge site in memory, compressed, rather than render them twice.
 */
final class Lz4 {
    private Lz4() {}

    /** Neither is thread-safe, so one per thread; the compressor's tables are reused from one body to the next. */
    private static final ThreadLocal<Compressor> COMPRESSORS = ThreadLocal.withInitial(CompressionMode.FAST::newCompressor);
    private static final ThreadLocal<Decompressor> DECOMPRESSORS =
            ThreadLocal.withInitial(CompressionMode.FAST::newDecompressor);

    static byte[] compress(byte[] bytes) {
        byte[] out = new byte[bytes.length + bytes.length / 255 + 16]; // LZ4's worst case
        ByteArrayDataOutput o = new ByteArrayDataOutput(out);
        try {
            COMPRESSORS.get().compress(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(bytes))), o);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from arrays in memory
        }
        return Arrays.copyOf(out, o.getPosition());
    }

    /** The {@code length} bytes {@code packed} was made from. */
    static byte[] decompress(byte[] packed, int length) {
        BytesRef ref = new BytesRef(length);
        try {
            DECOMPRESSORS.get().decompress(new ByteArrayDataInput(packed), length, 0, length, ref);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ref.offset == 0 && ref.length == ref.bytes.length ? ref.bytes
                : Arrays.copyOfRange(ref.bytes, ref.offset, ref.offset + ref.length);
    }
}

package dev.peerhub.content;

import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only code that reads content files: checks size, binary content, encoding and links that
 * lead out of the site, and returns normalised text.
 */
public final class ContentReader {

    /** Largest content file read: guides are a few KB; anything near this is a mistake. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Path siteRoot;
    /** Texts read once and not yet read again, by site-relative path; null when texts are not kept. */
    private final Map<String, SourceText> kept;

    /** @param siteRoot the site folder, already resolved to its real path */
    public ContentReader(Path siteRoot) {
        this(siteRoot, false);
    }

    private ContentReader(Path siteRoot, boolean keep) {
        this.siteRoot = siteRoot;
        this.kept = keep ? new ConcurrentHashMap<>() : null;
    }

    /**
     * A reader that keeps each text it reads until the file is read a second time, and then answers from
     * memory instead of reading the file again. For {@code peerhub check}, which reads every page twice (front
     * matter, then body) in one short run: one read per file, and every stage sees the same text.
     */
    public static ContentReader keepingTexts(Path siteRoot) {
        return new ContentReader(siteRoot, true);
    }

    public Path siteRoot() {
        return siteRoot;
    }

    /** The path of {@code file} relative to the site, with {@code /}. */
    public String relative(Path file) {
        return siteRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Reads one file; empty (with a diagnostic) when it cannot or must not be read. */
    public Optional<SourceText> read(Path file, Diagnostics out) {
        String rel = relative(file);
        if (kept != null) {
            SourceText again = kept.remove(rel);
            if (again != null) return Optional.of(again);
            Optional<SourceText> text = readFile(file, rel, out);
            text.ifPresent(t -> kept.put(rel, t));
            return text;
        }
        return readFile(file, rel, out);
    }

    private Optional<SourceText> readFile(Path file, String rel, Diagnostics out) {
        try {
            // one look at the file for all three questions (link, kind, size): a build asks them of every page twice
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                Path real = file.toRealPath();
                if (!real.startsWith(siteRoot)) {
                    out.error(SourcePosition.of(rel), "symbolic link leads outside the site folder (to " + real
                            + "); it is not read: copy the file into the site instead");
                    return Optional.empty();
                }
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            }
            if (!attributes.isRegularFile()) {
                out.error(SourcePosition.of(rel), "not a regular file");
                return Optional.empty();
            }
            long size = attributes.size();
            if (size > MAX_BYTES) {
                out.error(SourcePosition.of(rel), String.format(Locale.ROOT,
                        "file is larger than the %d MB limit for content files (it has %d bytes): is it really Markdown?",
                        MAX_BYTES / 1048576, size));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return decode(rel, bytes, out);
        } catch (IOException e) {
            out.error(SourcePosition.of(rel), "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Decodes and normalises bytes; exposed for tests and the fuzzer. */
    public static Optional<SourceText> decode(String rel, byte[] bytes, Diagnostics out) {
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                out.error(SourcePosition.of(rel), "this looks like a binary file (it contains NUL bytes), not Markdown text");
                return Optional.empty();
            }
        }
        // The String constructor is the fast path (it decodes ASCII runs in bulk and keeps Latin-1 text compact);
        // it replaces bad bytes with U+FFFD, so a text holding one is decoded again strictly to report the bad byte
        // (or kept, when the file really contains U+FFFD).
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) return Optional.of(normalise(rel, text));
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int bad = firstBadByte(bytes);
            int[] lc = lineColumnOfByte(bytes, bad);
            out.error(SourcePosition.of(rel, lc[0], lc[1]), String.format(Locale.ROOT,
                    "the file is not UTF-8 text: byte 0x%02X cannot start or continue a UTF-8 character"
                            + " (save the file as UTF-8)", bytes[bad] & 0xff));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            out.error(SourcePosition.of(rel), "the file is not UTF-8 text (save it as UTF-8)");
            return Optional.empty();
        }
        return Optional.of(normalise(rel, text));
    }

    /** Drops a byte-order mark and turns CRLF and CR line endings into LF. */
    private static SourceText normalise(String rel, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return new SourceText(rel, text);
    }

    private static int firstBadByte(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (n < 0) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return Math.max(0, b.length - 1);
    }

    private static int[] lineColumnOfByte(byte[] b, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
                col = 1;
            } else if ((b[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** True for files and links the scanner should not treat as content (editor backups, hidden files). */
    public static boolean isIgnored(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".swp");
    }

    /** True when {@code file} is a symbolic link (not followed). */
    public static boolean isLink(Path file) {
        return Files.isSymbolicLink(file) && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
    }
}

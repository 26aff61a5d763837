package dev.peerhub.output;

import java.util.Objects;

/**
 * One file of the built site: a relative path with {@code /} separators (no leading slash, no
 * {@code ..} segment) and its bytes.
 */
public record OutputFile(String path, byte[] bytes) {

    public OutputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (!isSafePath(path)) {
            throw new IllegalArgumentException("unsafe output path: " + path);
        }
    }

    /** True for a relative path that stays inside the output folder. */
    public static boolean isSafePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}

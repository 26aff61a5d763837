package dev.peerhub.diagnostic;

import java.util.Objects;

/**
 * A place in a file of the site: the path relative to the site folder (always with {@code /}),
 * and a 1-based line and column. Line or column 0 means "unknown" and is left out when printed.
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    /** The whole file, no line known. */
    public static SourcePosition of(String file) {
        return new SourcePosition(file, 0, 0);
    }

    public static SourcePosition of(String file, int line, int column) {
        return new SourcePosition(file, line, column);
    }

    /** This position moved down by {@code lines} (for positions inside embedded text such as front matter). */
    public SourcePosition shiftLines(int lines) {
        return line == 0 ? this : new SourcePosition(file, line + lines, column);
    }

    /** {@code file}, {@code file:line} or {@code file:line:col}. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourcePosition o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}

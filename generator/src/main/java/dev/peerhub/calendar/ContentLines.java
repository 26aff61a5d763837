package dev.peerhub.calendar;

import java.nio.charset.StandardCharsets;

/** RFC 5545 text rules: escaping of TEXT values (3.3.11) and folding of content lines (3.1). */
public final class ContentLines {

    /** Octets a line may hold, excluding the CRLF. */
    public static final int MAX_OCTETS = 75;

    private ContentLines() {}

    /** Escapes a TEXT value: backslash, semicolon, comma and newlines ({@code \n}); drops other controls. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }

    /**
     * Folds one content line into chunks of at most 75 octets of UTF-8, each continuation starting with a
     * space, joined by CRLF; a multi-byte character (or a surrogate pair) is never split. Ends with CRLF.
     */
    public static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int chars = Character.charCount(cp);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.append(line, i, i + chars);
            octets += size;
            i += chars;
        }
        return out.append("\r\n").toString();
    }
}

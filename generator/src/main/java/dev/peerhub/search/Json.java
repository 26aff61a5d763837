package dev.peerhub.search;

/** Minimal JSON string escaping, shared by the exporter and the CLI's {@code --json}. */
final class Json {
    private Json() {}

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(sb, s);
        return sb.toString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        int from = 0; // s[from, i) is appended as it is, in one piece
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            sb.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> { // other control characters
                    sb.append("\\u00");
                    sb.append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                }
            }
        }
        sb.append(s, from, n);
        sb.append('"');
    }

    private static final String HEX = "0123456789abcdef";
}

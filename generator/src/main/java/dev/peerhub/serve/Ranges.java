package dev.peerhub.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** HTTP {@code Range: bytes=...} headers (RFC 9110, section 14). */
final class Ranges {

    /** At most this many ranges per request: more is a denial-of-service pattern, not a real client. */
    static final int MAX_RANGES = 32;

    private Ranges() {}

    /**
     * The satisfiable ranges as inclusive {@code [first, last]} pairs; an empty list when none is
     * satisfiable (416); empty when the header is malformed (serve the whole file).
     */
    static Optional<List<long[]>> parse(String header, long length) {
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) return Optional.empty();
        String[] specs = h.substring(6).split(",");
        if (specs.length > MAX_RANGES) return Optional.empty();
        List<long[]> out = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.strip();
            int dash = s.indexOf('-');
            if (dash < 0) return Optional.empty();
            String a = s.substring(0, dash).strip();
            String b = s.substring(dash + 1).strip();
            try {
                if (a.isEmpty()) { // suffix: the last N bytes
                    if (b.isEmpty()) return Optional.empty();
                    long n = Long.parseLong(b);
                    if (n < 0) return Optional.empty();
                    if (n == 0 || length == 0) continue;
                    out.add(new long[] {Math.max(0, length - n), length - 1});
                } else {
                    long first = Long.parseLong(a);
                    long last = b.isEmpty() ? length - 1 : Long.parseLong(b);
                    if (first < 0 || last < first) return Optional.empty();
                    if (first >= length) continue;
                    out.add(new long[] {first, Math.min(last, length - 1)});
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}

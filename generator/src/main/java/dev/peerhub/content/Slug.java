package dev.peerhub.content;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** URL segments made from titles, tags and file names: lower-case ASCII letters, digits and hyphens. */
public final class Slug {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slug() {}

    /** "Peer Support & You!" -> "peer-support-you"; "Café" -> "cafe"; never empty ("untitled"). */
    public static String of(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder sb = new StringBuilder(ascii.length());
        boolean dash = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                dash = false;
            } else if (c == '\'' || c == '\u2019') {
                // apostrophes vanish: "writer's" -> "writers"
            } else if (!dash && !sb.isEmpty()) {
                sb.append('-');
                dash = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '-') end--;
        String s = sb.substring(0, Math.min(end, 80));
        while (s.endsWith("-")) s = s.substring(0, s.length() - 1);
        return s.isEmpty() ? "untitled" : s;
    }

    /** True when {@code s} is already a valid single URL segment. */
    public static boolean isValid(String s) {
        return VALID.matcher(s).matches() && s.length() <= 120;
    }
}

package dev.peerhub.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns bare {@code http://} and {@code https://} addresses in text into links, as GitHub's
 * Markdown does. Replaces Flexmark's autolink extension, which scanned every text node with a
 * general link extractor and took half of all parsing time; this looks only at text containing
 * "http" and leaves links, images and code alone. Trailing punctuation and an unbalanced closing
 * parenthesis stay outside the link.
 */
final class BareLinks {

    private static final Pattern URL = Pattern.compile("https?://[\\p{L}\\p{N}\\-._~:/?#\\[\\]@!$&'()*+,;=%]+",
            Pattern.CASE_INSENSITIVE);

    private BareLinks() {}

    static void link(Document doc) {
        List<Text> candidates = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof Text t && t.getChars().indexOf("http") >= 0 && !insideLinkOrCode(t)) {
                candidates.add(t);
            }
        }
        for (Text t : candidates) {
            split(t);
        }
    }

    private static boolean insideLinkOrCode(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Link || p instanceof LinkRef || p instanceof Image || p instanceof ImageRef
                    || p instanceof AutoLink || p instanceof Code) {
                return true;
            }
        }
        return false;
    }

    private static void split(Text t) {
        BasedSequence chars = t.getChars();
        Matcher m = URL.matcher(chars);
        int last = 0;
        boolean found = false;
        while (m.find()) {
            int start = m.start();
            int end = trimEnd(chars, start, m.end());
            if (end - start <= "https://".length()) continue;
            if (start > 0 && Character.isLetterOrDigit(chars.charAt(start - 1))) continue;
            if (start > last) t.insertBefore(new Text(chars.subSequence(last, start)));
            t.insertBefore(new AutoLink(BasedSequence.NULL, chars.subSequence(start, end), BasedSequence.NULL));
            last = end;
            found = true;
        }
        if (!found) return;
        if (last < chars.length()) {
            t.setChars(chars.subSequence(last));
        } else {
            t.unlink();
        }
    }

    private static int trimEnd(CharSequence s, int start, int end) {
        while (end > start) {
            char c = s.charAt(end - 1);
            if (".,:;!?'\"*_".indexOf(c) >= 0) {
                end--;
            } else if (c == ')' && count(s, start, end, '(') < count(s, start, end, ')')) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static int count(CharSequence s, int start, int end, char c) {
        int n = 0;
        for (int i = start; i < end; i++) if (s.charAt(i) == c) n++;
        return n;
    }
}

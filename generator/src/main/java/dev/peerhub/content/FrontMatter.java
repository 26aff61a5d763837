package dev.peerhub.content;

import dev.peerhub.diagnostic.Diagnostics;
import dev.peerhub.diagnostic.SourcePosition;
import java.util.Optional;

/**
 * The front matter block of a content file: YAML between a first line {@code ---} and the next
 * line that is {@code ---} (or {@code ...}).
 *
 * @param yaml       the YAML text (may be empty); empty with {@code present == false} when the file has none
 * @param yamlLine   1-based line where the YAML text starts (line after the opening {@code ---})
 * @param bodyOffset offset of the Markdown body in the text
 * @param bodyLine   1-based line where the body starts
 * @param present    whether the file has front matter at all
 */
public record FrontMatter(String yaml, int yamlLine, int bodyOffset, int bodyLine, boolean present) {

    /** Splits front matter from the body; empty (with an error) when the block is never closed. */
    public static Optional<FrontMatter> split(SourceText source, Diagnostics out) {
        String text = source.text();
        if (!(text.startsWith("---\n") || text.equals("---"))) {
            if (text.startsWith("---") && text.length() > 3 && text.charAt(3) != '-' && text.indexOf('\n') > 0
                    && text.substring(3, text.indexOf('\n')).isBlank()) {
                // "---   " with trailing spaces: tolerated below
            } else {
                return Optional.of(new FrontMatter("", 1, 0, 1, false));
            }
        }
        int firstEnd = text.indexOf('\n');
        if (firstEnd < 0) {
            out.error(SourcePosition.of(source.path(), 1, 1),
                    "front matter starts with '---' on line 1 but has no closing '---' line");
            return Optional.empty();
        }
        int pos = firstEnd + 1;
        int line = 2;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String l = end < 0 ? text.substring(pos) : text.substring(pos, end);
            String trimmed = l.stripTrailing();
            if (trimmed.equals("---") || trimmed.equals("...")) {
                String yaml = text.substring(firstEnd + 1, pos);
                int bodyOffset = end < 0 ? text.length() : end + 1;
                return Optional.of(new FrontMatter(yaml, 2, bodyOffset, line + 1, true));
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        out.error(SourcePosition.of(source.path(), 1, 1),
                "front matter starts with '---' on line 1 but has no closing '---' line"
                        + " (add a line with just --- after the last key)");
        return Optional.empty();
    }
}

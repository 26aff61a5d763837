package dev.peerhub.search;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.lucene.util.BytesRef;

/**
 * What a search result shows of a page: url, title, summary, date, content note (empty when none),
 * tags in page order, and per passage its anchor, heading and the first {@link Excerpts#SOURCE_WORDS}
 * words of its text (all an excerpt is ever cut from). Kept in the Lucene index as one binary stored
 * field ({@link SearchFields#DISPLAY}): strings as varint byte length and UTF-8, lists as varint count
 * and items, passages as anchor, heading, text. One field instead of one per value made storing and
 * reading them back (for the client's display data and for {@code peerhub search}) several times cheaper.
 * The client reads the same bytes (each page's entry in {@code search/d/} is this encoding, raw-DEFLATE
 * compressed), so the export compresses them as stored.
 */
record DisplayData(String url, String title, String summary, String date, String contentNote,
                   String[] tags, String[] anchors, String[] headings, String[] texts) {

    DisplayData {
        Objects.requireNonNull(url, "url");
        if (anchors.length != headings.length || anchors.length != texts.length) {
            throw new IllegalArgumentException("passages: anchors, headings and texts differ in number");
        }
    }

    static DisplayData of(SearchDocument doc) {
        int n = doc.passages().size();
        String[] anchors = new String[n];
        String[] headings = new String[n];
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            SearchDocument.Passage p = doc.passages().get(i);
            anchors[i] = p.anchor();
            headings[i] = p.heading();
            texts[i] = Excerpts.source(p.text());
        }
        return new DisplayData(doc.url(), doc.title(), doc.summary(), doc.date().toString(), doc.contentNote(),
                doc.tags().toArray(String[]::new), anchors, headings, texts);
    }

    byte[] encode() {
        ByteSink out = new ByteSink();
        string(out, url);
        string(out, title);
        string(out, summary);
        string(out, date);
        string(out, contentNote);
        out.varint(tags.length);
        for (String t : tags) string(out, t);
        out.varint(anchors.length);
        for (int i = 0; i < anchors.length; i++) {
            string(out, anchors[i]);
            string(out, headings[i]);
            string(out, texts[i]);
        }
        return out.toByteArray();
    }

    static DisplayData decode(BytesRef bytes) {
        Input in = new Input(bytes.bytes, bytes.offset);
        String url = string(in);
        String title = string(in);
        String summary = string(in);
        String date = string(in);
        String note = string(in);
        String[] tags = new String[in.varint()];
        for (int i = 0; i < tags.length; i++) tags[i] = string(in);
        int n = in.varint();
        String[] anchors = new String[n];
        String[] headings = new String[n];
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            anchors[i] = string(in);
            headings[i] = string(in);
            texts[i] = string(in);
        }
        return new DisplayData(url, title, summary, date, note, tags, anchors, headings, texts);
    }

    /** The tags of an encoded page, without decoding the rest. */
    static String[] tags(BytesRef bytes) {
        Input in = new Input(bytes.bytes, bytes.offset);
        for (int i = 0; i < 5; i++) { // url, title, summary, date, content note
            int len = in.varint();
            in.pos += len;
        }
        String[] tags = new String[in.varint()];
        for (int i = 0; i < tags.length; i++) tags[i] = string(in);
        return tags;
    }

    private static void string(ByteSink out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.varint(b.length);
        out.write(b);
    }

    private static String string(Input in) {
        int len = in.varint();
        String s = new String(in.bytes, in.pos, len, StandardCharsets.UTF_8);
        in.pos += len;
        return s;
    }

    private static final class Input {
        final byte[] bytes;
        int pos;

        Input(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[pos++];
                v |= (b & 0x7F) << shift;
                if (b >= 0) return v;
            }
        }
    }
}

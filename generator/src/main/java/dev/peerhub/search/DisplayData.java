package dev.peerhub.search;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.lucene.util.BytesRef;

/**
 * What a search result shows of a page: url, title, summary, date, content note (empty when none),
 * tags in page order, and per passage its anchor, heading and the first {@link Excerpts#SOURCE_WORDS}
 * words of its text (all an excerpt is ever cut from; {@link Excerpts#source}), encoded as strings in varint byte length and
 * UTF-8, lists as varint count and items, passages as anchor, heading, text.
 *
 * <p>The client reads this encoding raw-DEFLATE compressed: each page's entry in {@code search/d/} is a
 * varint length and the compressed bytes ({@link IndexExporter#entry}). The Lucene index keeps exactly
 * that entry, made once when the page is added (on the adding threads, in parallel), in one binary
 * doc-values field ({@link SearchFields#DISPLAY}) behind the page's tags ({@link #stored}): the export
 * copies entries as they are and reads the tags for the facets without inflating anything, and
 * {@code peerhub search} inflates the few it shows. Kept as a stored field instead, Lucene compressed
 * the bytes with LZ4 as it wrote them and decompressed whole blocks of pages to read one back, about
 * 2 CPU-s of a 10k build for nothing the client uses.
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
        // about its size in advance (UTF-8 of mostly ASCII text, a varint per string), so it is not grown and copied
        long chars = url.length() + title.length() + summary.length() + date.length() + contentNote.length();
        for (String t : tags) chars += t.length();
        for (int i = 0; i < anchors.length; i++) chars += anchors[i].length() + headings[i].length() + texts[i].length();
        ByteSink out = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, chars + 3L * (8 + tags.length + 3L * anchors.length)));
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

    /**
     * What the index keeps ({@link SearchFields#DISPLAY}): the tags (varint count, then each as a string),
     * then the client's entry for this page, made with {@code deflater} (reset here; raw DEFLATE at
     * {@link IndexExporter#DISPLAY_LEVEL}).
     */
    byte[] stored(java.util.zip.Deflater deflater) {
        byte[] content = encode();
        ByteSink out = new ByteSink(content.length / 2 + 64);
        out.varint(tags.length);
        for (String t : tags) string(out, t);
        IndexExporter.entry(deflater, content, out);
        return out.toByteArray();
    }

    /** The client's entry inside a {@link #stored} value: where it starts. */
    static int entryStart(BytesRef stored) {
        Input in = new Input(stored.bytes, stored.offset);
        int n = in.varint();
        for (int i = 0; i < n; i++) {
            int len = in.varint(); // not "in.pos += in.varint()": that adds to pos as it was before the varint
            in.pos += len;
        }
        return in.pos;
    }

    /** The tags of a {@link #stored} value, in page order. */
    static String[] storedTags(BytesRef stored) {
        Input in = new Input(stored.bytes, stored.offset);
        String[] tags = new String[in.varint()];
        for (int i = 0; i < tags.length; i++) tags[i] = string(in);
        return tags;
    }

    /** Decodes a {@link #stored} value (inflating its entry). */
    static DisplayData fromStored(BytesRef stored) {
        int start = entryStart(stored);
        Input in = new Input(stored.bytes, start);
        int len = in.varint();
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(stored.bytes, in.pos, len);
            ByteSink out = new ByteSink();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("display data of a page is cut short");
                }
                out.write(buf, 0, n);
            }
            return decode(new BytesRef(out.toByteArray()));
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("display data of a page is damaged", e);
        } finally {
            inflater.end();
        }
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

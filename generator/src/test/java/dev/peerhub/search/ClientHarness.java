package dev.peerhub.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerhub.output.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code templates/assets/search/client.js} in Node against an exported index in a temp
 * folder, through {@code client-harness.mjs} (a {@code fetch} shim that serves files and ranges).
 * By default the analyzer is a stand-in generated here from Lucene's own analysis of every string
 * the client will analyse, so these tests check the client and the index, not analyzer.js.
 */
final class ClientHarness {

    record Query(String q, int limit, int offset, String tag, String section, String type, boolean facets) {
        Query(String q) {
            this(q, 10, 0, null, null, null, false);
        }

        SearchOptions options() {
            return new SearchOptions(limit, offset, tag, section, type);
        }
    }

    record Hit(String url, double score, String anchor, String excerptHtml, String displayJson) {}

    /** [title, summary, date, contentNote, tags] as JavaScript's JSON.stringify writes them. */
    static String displayJson(SearchResults.Result r) {
        StringBuilder sb = new StringBuilder("[");
        jsString(sb, r.title());
        sb.append(',');
        jsString(sb, r.summary());
        sb.append(',');
        jsString(sb, r.date());
        sb.append(',');
        jsString(sb, r.contentNote());
        sb.append(",[");
        for (int i = 0; i < r.tags().size(); i++) {
            if (i > 0) sb.append(',');
            jsString(sb, r.tags().get(i));
        }
        return sb.append("]]").toString();
    }

    private static void jsString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    record Answer(long total, String fallback, int requests, long bytes, List<Hit> hits, String facetsJson,
                  String error) {}

    static Path repo() {
        String p = System.getProperty("peerhub.repo");
        Path here = p == null ? Path.of("").toAbsolutePath() : Path.of(p);
        if (!Files.exists(here.resolve("templates/assets/search/client.js")) && here.getParent() != null) {
            here = here.getParent();
        }
        return here;
    }

    private static void published(Path from, Path to) throws IOException {
        Files.writeString(to, dev.peerhub.render.JsComments.strip(Files.readString(from)));
    }

    /** Writes the exported files, client.js and an analyzer under {@code dir}; returns the search folder. */
    static Path install(Path dir, List<OutputFile> files, Searcher searcher, Collection<String> toAnalyze,
                        boolean realAnalyzer) throws IOException {
        for (OutputFile f : files) {
            Path target = dir.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.write(target, f.bytes());
        }
        Path search = dir.resolve("search");
        Files.createDirectories(search);
        Path assets = repo().resolve("templates/assets/search");
        // as the build publishes them: without their comment lines (JsComments)
        published(assets.resolve("client.js"), search.resolve("client.js"));
        if (realAnalyzer) {
            try (var js = Files.list(assets)) {
                for (Path f : js.filter(f -> f.toString().endsWith(".js")).toList()) {
                    if (!Files.exists(search.resolve(f.getFileName()))) published(f, search.resolve(f.getFileName()));
                }
            }
        } else {
            Files.writeString(search.resolve("analyzer.js"), standInAnalyzer(searcher, toAnalyze));
        }
        return search;
    }

    static boolean realAnalyzerAvailable() {
        return Files.exists(repo().resolve("templates/assets/search/analyzer.js"));
    }

    private static String standInAnalyzer(Searcher searcher, Collection<String> texts) throws IOException {
        StringBuilder t = new StringBuilder("{");
        StringBuilder l = new StringBuilder("{");
        StringBuilder su = new StringBuilder("{");
        boolean first = true;
        for (String s : new TreeSet<>(texts)) {
            if (!first) {
                t.append(',');
                l.append(',');
                su.append(',');
            }
            first = false;
            Json.quote(su, s);
            su.append(":[");
            List<String> surface = Searcher.surfaceTerms(s);
            for (int i = 0; i < surface.size(); i++) {
                if (i > 0) su.append(',');
                Json.quote(su, surface.get(i));
            }
            su.append(']');
            Json.quote(t, s);
            t.append(":[");
            List<Searcher.Token> tokens = searcher.analyze(s);
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) t.append(',');
                t.append('[');
                Json.quote(t, tokens.get(i).term());
                t.append(',').append(tokens.get(i).position()).append(']');
            }
            t.append(']');
            Json.quote(l, s);
            l.append(':');
            Json.quote(l, Searcher.lowerCase(s));
        }
        t.append('}');
        l.append('}');
        su.append('}');
        return "// Test stand-in: Lucene's analysis of every string the test will analyse.\n"
                + "const T = " + t + ";\nconst L = " + l + ";\nconst S = " + su + ";\n"
                + "export function analyze(text) {\n"
                + "  const r = T[text];\n"
                + "  if (!r) throw new Error('stand-in analyzer has no entry for ' + JSON.stringify(text));\n"
                + "  return r.map(([term, position]) => ({ term, position }));\n"
                + "}\n"
                + "export function tokenize() { throw new Error('stand-in has no tokenize'); }\n"
                + "export function surfaces(text) {\n"
                + "  const r = S[text];\n"
                + "  if (!r) throw new Error('stand-in surfaces has no entry for ' + JSON.stringify(text));\n"
                + "  return r;\n"
                + "}\n"
                + "export function lowerCase(s) {\n"
                + "  const r = L[s];\n"
                + "  if (r === undefined) throw new Error('stand-in lowerCase has no entry for ' + JSON.stringify(s));\n"
                + "  return r;\n"
                + "}\n";
    }

    /** Every string the client may analyse for these documents and queries. */
    static Set<String> analysedStrings(List<SearchDocument> docs, List<Query> queries) {
        Set<String> out = new TreeSet<>();
        out.add("");
        for (SearchDocument d : docs) {
            for (SearchDocument.Passage p : d.passages()) {
                out.add(p.heading());
                out.addAll(Excerpts.words(p.text()));
            }
        }
        for (Query q : queries) {
            ParsedQuery pq = ParsedQuery.parse(q.q());
            out.addAll(pq.words());
            out.addAll(pq.phrases());
            out.addAll(pq.excluded());
            if (pq.prefix() != null) out.add(pq.prefix());
            // a long word's typo corrections analyse its variants (Searcher.corrections)
            List<String> words = new ArrayList<>(pq.words());
            if (pq.prefix() != null) words.add(pq.prefix());
            for (String w : words) {
                List<String> surface = Searcher.surfaceTerms(w);
                if (surface.size() == 1) out.addAll(Searcher.correctionVariants(surface.get(0)));
            }
        }
        return out;
    }

    /**
     * How the client makes its range requests: XMLHttpRequest in a page whose referrer policy sends no
     * address (every peerhub page), fetch anywhere else.
     */
    enum Transport { XHR, FETCH }

    static List<Answer> run(Path searchDir, List<Query> queries, boolean ranges) throws IOException, InterruptedException {
        return run(searchDir, queries, ranges, false, Transport.XHR);
    }

    static List<Answer> run(Path searchDir, List<Query> queries, boolean ranges, Transport transport)
            throws IOException, InterruptedException {
        return run(searchDir, queries, ranges, false, transport);
    }

    static List<Answer> run(Path searchDir, List<Query> queries, boolean ranges, boolean cold, Transport transport)
            throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            if (i > 0) json.append(",\n");
            json.append("{\"q\":");
            Json.quote(json, q.q());
            json.append(",\"limit\":").append(q.limit()).append(",\"offset\":").append(q.offset())
                    .append(",\"facets\":").append(q.facets()).append(",\"filters\":{");
            List<String> fs = new ArrayList<>();
            if (q.tag() != null) fs.add("\"tag\":" + Json.quote(q.tag()));
            if (q.section() != null) fs.add("\"section\":" + Json.quote(q.section()));
            if (q.type() != null) fs.add("\"type\":" + Json.quote(q.type()));
            json.append(String.join(",", fs)).append("}}");
        }
        json.append("]");
        Path queriesFile = searchDir.resolve("queries.json");
        Files.writeString(queriesFile, json);
        Path harness = searchDir.resolve("harness.mjs");
        try (InputStream in = ClientHarness.class.getResourceAsStream("client-harness.mjs")) {
            Files.copy(in, harness, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of("node", harness.toString(), searchDir.toString(), queriesFile.toString()));
        if (!ranges) cmd.add("--no-ranges");
        if (cold) cmd.add("--cold");
        if (transport == Transport.XHR) cmd.add("--xhr");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(600, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "node failed: " + err);
        List<Answer> answers = new ArrayList<>();
        Map<Integer, Answer> byIndex = new LinkedHashMap<>();
        Answer cur = null;
        List<Hit> hits = null;
        String facets = null;
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "Q", "E" -> {
                    if (cur != null) answers.add(new Answer(cur.total(), cur.fallback(), cur.requests(), cur.bytes(), hits, facets, cur.error()));
                    hits = new ArrayList<>();
                    facets = null;
                    cur = f[0].equals("E") ? new Answer(-1, null, 0, 0, List.of(), null, f[2])
                            : new Answer(Long.parseLong(f[2]), f[3].equals("-") ? null : f[3], Integer.parseInt(f[4]),
                            Long.parseLong(f[5]), List.of(), null, null);
                }
                case "R" -> hits.add(new Hit(f[1], Double.parseDouble(f[2]), f[3], f[4], f[5]));
                case "F" -> facets = f[1];
                default -> throw new IllegalStateException("harness said: " + line);
            }
        }
        if (cur != null) answers.add(new Answer(cur.total(), cur.fallback(), cur.requests(), cur.bytes(), hits, facets, cur.error()));
        assertEquals(queries.size(), answers.size(), "answers from node");
        return answers;
    }
}

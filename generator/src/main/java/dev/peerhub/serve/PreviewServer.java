package dev.peerhub.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the site from memory with the JDK's HTTP server. Only files of the built site exist: a request
 * path is decoded once, refused when it has a {@code ..} or {@code .} segment, a backslash, a NUL or an
 * empty segment, and then looked up as a key of the in-memory site, so nothing outside the output can be
 * reached (there is no file system path to escape from). Serves {@code index.html} for folders (and
 * redirects {@code /x} to {@code /x/}), the site's {@code 404.html} with status 404, byte ranges (single
 * and multiple), and the live-reload script and event stream under {@code /__peerhub/}.
 */
public final class PreviewServer implements AutoCloseable {

    /** Where the live-reload script is served. */
    public static final String SCRIPT_PATH = "/__peerhub/live.js";
    /** The server-sent event stream. */
    public static final String EVENTS_PATH = "/__peerhub/events";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("gif", "image/gif"),
            Map.entry("ics", "text/calendar; charset=utf-8"), Map.entry("bin", "application/octet-stream"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"), Map.entry("wasm", "application/wasm"));

    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicReference<Map<String, byte[]>> files = new AtomicReference<>(Map.of());
    /** The current build problems as lines, or empty when the last build succeeded. */
    private final AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
    private final List<EventStream> streams = new CopyOnWriteArrayList<>();
    private volatile long version;

    /** Binds to {@code host:port} (port 0: any free port) without starting. */
    public PreviewServer(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        // Each open tab holds one thread for its event stream; the rest serve files.
        pool = Executors.newFixedThreadPool(16, Thread.ofPlatform().daemon().name("peerhub-http-", 0).factory());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Publishes a new set of files and tells open tabs to reload. */
    public void publish(Map<String, byte[]> site) {
        files.set(Map.copyOf(site));
        problems.set(List.of());
        version++;
        broadcast("reload", Long.toString(version));
    }

    /**
     * Publishes the files of a partial rebuild over the files being served (one new map: a tab sees the
     * old site or the new one, never a mix) and tells open tabs to reload.
     */
    public void publishChanges(Map<String, byte[]> changed) {
        Map<String, byte[]> next = new java.util.HashMap<>(files.get());
        next.putAll(changed);
        files.set(java.util.Collections.unmodifiableMap(next));
        problems.set(List.of());
        version++;
        broadcast("reload", Long.toString(version));
    }

    /** Shows build problems in open tabs (the last good site keeps being served). */
    public void fail(List<String> lines) {
        problems.set(List.copyOf(lines));
        broadcast("problems", json(lines));
    }

    /** The files being served. */
    public Map<String, byte[]> files() {
        return files.get();
    }

    private void broadcast(String event, String data) {
        for (EventStream s : streams) {
            if (!s.send(event, data)) streams.remove(s);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", bytes("Only GET and HEAD are supported.\n"), head);
                return;
            }
            Optional<String> path = decode(ex.getRequestURI().getRawPath());
            if (path.isEmpty()) {
                notFound(ex, head);
                return;
            }
            String p = path.get();
            if (p.equals(SCRIPT_PATH)) {
                send(ex, 200, "text/javascript; charset=utf-8", LiveReload.script(), head);
                return;
            }
            if (p.equals(EVENTS_PATH)) {
                events(ex);
                return;
            }
            Map<String, byte[]> site = files.get();
            if (site.isEmpty() && !problems.get().isEmpty() && isPage(p)) {
                send(ex, 500, "text/html; charset=utf-8", LiveReload.errorPage(problems.get()), head);
                return;
            }
            String key = p.substring(1);
            if (key.isEmpty() || key.endsWith("/")) key = key + "index.html";
            byte[] body = site.get(key);
            if (body == null && !key.endsWith("index.html") && site.containsKey(key + "/index.html")) {
                String query = ex.getRequestURI().getRawQuery();
                ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query));
                send(ex, 301, "text/plain; charset=utf-8", bytes("Moved to " + p + "/\n"), head);
                return;
            }
            if (body == null) {
                notFound(ex, head);
                return;
            }
            serveFile(ex, key, body, head);
        }
    }

    private static boolean isPage(String path) {
        return path.endsWith("/") || path.endsWith(".html") || !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    /** Decodes a raw request path; empty when it is unsafe or malformed. */
    static Optional<String> decode(String raw) {
        if (raw == null || !raw.startsWith("/") || raw.startsWith("//")) return Optional.empty();
        String p;
        try {
            // '+' stays a plus in paths
            p = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (p.indexOf('\\') >= 0 || p.indexOf('\0') >= 0 || p.contains("//") || p.indexOf('%') >= 0) {
            return Optional.empty();
        }
        String[] segments = p.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..") || s.equals(".")) return Optional.empty();
            if (s.isEmpty() && i < segments.length - 1) return Optional.empty();
            if (s.matches("^[A-Za-z]:.*")) return Optional.empty();
        }
        return Optional.of(p);
    }

    private void notFound(HttpExchange ex, boolean head) throws IOException {
        byte[] page = files.get().get("404.html");
        if (page == null) page = bytes("<!DOCTYPE html><title>Not found</title><p>Not found.</p>\n");
        send(ex, 404, "text/html; charset=utf-8", page, head);
    }

    static String contentType(String key) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        if (dot <= slash) return "application/octet-stream";
        return TYPES.getOrDefault(key.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    private void serveFile(HttpExchange ex, String key, byte[] body, boolean head) throws IOException {
        String type = contentType(key);
        Headers h = ex.getResponseHeaders();
        if (key.startsWith("assets/") && key.matches(".*\\.[0-9a-f]{10}\\.[a-z0-9]+$")) {
            h.set("Cache-Control", "max-age=31536000, immutable"); // named by their content: a reload need not fetch them
        }
        h.set("Accept-Ranges", "bytes");
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range == null) {
            send(ex, 200, type, body, head);
            return;
        }
        Optional<List<long[]>> ranges = Ranges.parse(range, body.length);
        if (ranges.isEmpty()) { // malformed: ignore the header, as RFC 9110 allows
            send(ex, 200, type, body, head);
            return;
        }
        List<long[]> rs = ranges.get();
        if (rs.isEmpty()) {
            h.set("Content-Range", "bytes */" + body.length);
            send(ex, 416, "text/plain; charset=utf-8", bytes("Range not satisfiable\n"), head);
            return;
        }
        if (rs.size() == 1) {
            long[] r = rs.get(0);
            h.set("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + body.length);
            byte[] part = java.util.Arrays.copyOfRange(body, (int) r[0], (int) r[1] + 1);
            send(ex, 206, type, part, head);
            return;
        }
        String boundary = "peerhub-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream multi = new ByteArrayOutputStream();
        for (long[] r : rs) {
            multi.writeBytes(bytes("--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: bytes " + r[0] + "-"
                    + r[1] + "/" + body.length + "\r\n\r\n"));
            multi.write(body, (int) r[0], (int) (r[1] - r[0] + 1));
            multi.writeBytes(bytes("\r\n"));
        }
        multi.writeBytes(bytes("--" + boundary + "--\r\n"));
        send(ex, 206, "multipart/byteranges; boundary=" + boundary, multi.toByteArray(), head);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean head) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        if (!h.containsKey("Cache-Control")) h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        if (head) {
            h.set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private void events(HttpExchange ex) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        EventStream s = new EventStream(ex.getResponseBody());
        List<String> now = problems.get();
        boolean ok = now.isEmpty() ? s.send("hello", Long.toString(version)) : s.send("problems", json(now));
        if (!ok) return;
        streams.add(s);
        // hold this thread until the tab goes away; a comment every 15 s finds closed connections
        while (streams.contains(s)) {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (!s.send(null, null)) streams.remove(s);
        }
    }

    /** One open event stream. */
    private static final class EventStream {
        private final OutputStream os;

        EventStream(OutputStream os) {
            this.os = os;
        }

        synchronized boolean send(String event, String data) {
            try {
                String text = event == null ? ":\n\n" : "event: " + event + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n";
                os.write(text.getBytes(StandardCharsets.UTF_8));
                os.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    static String json(List<String> lines) {
        List<String> quoted = new ArrayList<>();
        for (String l : lines) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : l.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '<' -> sb.append("\\u003c");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                    }
                }
            }
            quoted.add(sb.append('"').toString());
        }
        return "[" + String.join(",", quoted) + "]";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

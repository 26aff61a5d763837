package dev.peerhub.testing;

import dev.peerhub.cli.PeerhubCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code peerhub serve} running in this JVM on a free port, for tests; {@link #close()} stops it. */
public final class ServeSession implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("at (http://[^ ]+/) ");

    private final Thread thread;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String url;

    private ServeSession(String... args) throws InterruptedException {
        thread = Thread.ofPlatform().daemon().name("serve-under-test").start(() ->
                PeerhubCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
        long deadline = System.nanoTime() + 60_000_000_000L;
        String found = null;
        while (System.nanoTime() < deadline && thread.isAlive()) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                found = m.group(1);
                break;
            }
            Thread.sleep(20);
        }
        if (found == null) throw new IllegalStateException("serve did not start:\n" + out + err);
        url = found;
    }

    /** Starts {@code peerhub serve -s DIR --port 0 --today 2026-11-23} plus {@code extra}. */
    public static ServeSession start(java.nio.file.Path site, String... extra) throws InterruptedException {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"serve", "-s", site.toString(), "--port", "0", "--today"}, 0, args, 0, 6);
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, 6);
        all[6] = "2026-11-23";
        System.arraycopy(extra, 0, all, 7, extra.length);
        return new ServeSession(all);
    }

    public String url() {
        return url;
    }

    public int port() {
        return Integer.parseInt(url.replaceAll(".*:(\\d+)/$", "$1"));
    }

    /** What serve printed to standard error so far. */
    public String log() {
        return err.toString();
    }

    /** Waits until the log contains {@code text} at least {@code times} times. */
    public void awaitLog(String text, int times, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (log().split(Pattern.quote(text), -1).length - 1 >= times) return;
            Thread.sleep(10);
        }
        throw new AssertionError("serve never printed \"" + text + "\" " + times + " times; log:\n" + log());
    }

    /** A raw HTTP/1.1 request with the request target exactly as given (no client-side normalising). */
    public Response request(String method, String rawTarget, Map<String, String> headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(method + " " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            req.append("\r\n");
            OutputStream os = s.getOutputStream();
            os.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            os.flush();
            InputStream in = s.getInputStream();
            byte[] all = in.readAllBytes();
            return Response.parse(all);
        }
    }

    public Response get(String rawTarget) throws IOException {
        return request("GET", rawTarget, Map.of());
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }

    /** A parsed HTTP response (chunked bodies decoded). */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Response parse(byte[] raw) {
            String head;
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            head = new String(raw, 0, split, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int c = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
            return new Response(status, headers, body);
        }

        private static byte[] dechunk(byte[] b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (i < b.length) {
                int eol = indexOf(java.util.Arrays.copyOfRange(b, i, b.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
                int n = Integer.parseInt(new String(b, i, eol, StandardCharsets.ISO_8859_1).trim(), 16);
                if (n == 0) break;
                out.write(b, i + eol + 2, n);
                i = i + eol + 2 + n + 2;
            }
            return out.toByteArray();
        }

        private static int indexOf(byte[] hay, byte[] needle) {
            outer:
            for (int i = 0; i <= hay.length - needle.length; i++) {
                for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
                return i;
            }
            return hay.length;
        }
    }
}

package dev.peerhub.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The browser side of live reload: a same-origin script (so the pages' Content-Security-Policy,
 * {@code script-src 'self'; connect-src 'self'}, allows it) that listens to {@code /__peerhub/events},
 * reloads the tab after a successful rebuild and shows build problems in an overlay. Problems are put
 * into the page with {@code textContent} only, so a message can never become markup. Only {@code serve}
 * sends this script; built sites never contain it.
 */
final class LiveReload {

    private LiveReload() {}

    private static final String SCRIPT = """
            // peerhub serve: live reload and the build-problem overlay. Not part of built sites.
            const OVERLAY_ID = "peerhub-overlay";
            function showProblems(lines) {
              let box = document.getElementById(OVERLAY_ID);
              if (!box) {
                box = document.createElement("div");
                box.id = OVERLAY_ID;
                box.setAttribute("role", "alert");
                const s = box.style;
                s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
                s.background = "rgba(20, 20, 20, 0.94)"; s.color = "#fff"; s.padding = "2rem";
                s.font = "15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
                document.body.appendChild(box);
              }
              box.replaceChildren();
              const h = document.createElement("h2");
              h.textContent = "Build failed: " + lines.length + (lines.length === 1 ? " problem" : " problems");
              h.style.color = "#ff8a80"; h.style.marginTop = "0";
              const p = document.createElement("p");
              p.textContent = "Fix the files below and save; this page reloads when the build succeeds. The page underneath is the last good build.";
              const list = document.createElement("ul");
              list.setAttribute("data-peerhub-problems", "");
              for (const line of lines) {
                const li = document.createElement("li");
                li.textContent = line;
                li.style.whiteSpace = "pre-wrap"; li.style.marginBottom = "0.5rem";
                list.appendChild(li);
              }
              box.append(h, p, list);
            }
            function connect() {
              const events = new EventSource("/__peerhub/events");
              events.addEventListener("reload", () => location.reload());
              events.addEventListener("problems", (e) => showProblems(JSON.parse(e.data)));
              events.addEventListener("hello", () => {
                const box = document.getElementById(OVERLAY_ID);
                if (box) location.reload();
              });
            }
            connect();
            """;

    static byte[] script() {
        return SCRIPT.getBytes(StandardCharsets.UTF_8);
    }

    /** The page served while no build has succeeded yet: the problems, escaped, and the reload script. */
    static byte[] errorPage(List<String> problems) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; connect-src 'self'\">"
                + "<title>Build failed</title><script type=\"module\" src=\"" + PreviewServer.SCRIPT_PATH + "\"></script>"
                + "</head><body><h1>Build failed</h1><p>Fix the files below and save; this page reloads when the build succeeds.</p><ul>");
        for (String line : problems) sb.append("<li>").append(escape(line)).append("</li>");
        sb.append("</ul></body></html>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

package dev.peerhub.cli;

import dev.peerhub.diagnostic.Diagnostic;
import dev.peerhub.diagnostic.Diagnostics;
import java.io.PrintWriter;

/** Prints diagnostics and summaries, with colour only on a terminal. */
final class Reporter {

    private final PrintWriter err;
    private final boolean colour;

    Reporter(PrintWriter err, boolean colour) {
        this.err = err;
        this.colour = colour;
    }

    static boolean terminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    void print(Diagnostics ds) {
        for (Diagnostic d : ds.sorted()) {
            String line = d.format();
            if (colour) {
                String label = d.severity().label();
                String code = d.isError() ? "\u001b[1;31m" : "\u001b[1;33m";
                line = line.replaceFirst(": " + label + ": ", ": " + code + label + "\u001b[0m: ");
            }
            err.println(line);
        }
        if (ds.dropped() > 0) {
            err.println("... and " + ds.dropped() + " more problems not shown");
        }
        err.flush();
    }

    void summary(String text, boolean failed) {
        if (colour) text = (failed ? "\u001b[1;31m" : "\u001b[1;32m") + text + "\u001b[0m";
        err.println(text);
        err.flush();
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

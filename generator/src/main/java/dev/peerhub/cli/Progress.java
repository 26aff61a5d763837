package dev.peerhub.cli;

import java.io.PrintWriter;

/** A one-line progress display on a terminal, shown only once a build has run for two seconds. */
final class Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private boolean shown;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    synchronized void stage(String name) {
        if (!enabled) return;
        if ((System.nanoTime() - started) / 1_000_000 < 2000 && !shown) return;
        shown = true;
        err.print("\r\u001b[2K  building: " + name + " ...");
        err.flush();
    }

    synchronized void done() {
        if (shown) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}

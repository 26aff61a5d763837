package dev.peerhub.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display on a terminal: the current stage and the time so far, shown only once a
 * build has run for two seconds, repainted four times a second, and erased when the build ends. Disabled
 * (prints nothing at all) when standard error is not a terminal or with {@code --quiet}.
 */
final class Progress {

    static final long DELAY_MILLIS = 2000;

    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private String stage = "starting";
    private boolean shown;
    private boolean finished;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        if (enabled) {
            ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("peerhub-progress").factory());
            ticker.scheduleAtFixedRate(this::paint, DELAY_MILLIS, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** A stage of the build starts (called by the builder). */
    synchronized void stage(String name) {
        stage = name;
        if (enabled) paint();
    }

    private synchronized void paint() {
        if (!enabled || finished) return;
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms < DELAY_MILLIS) return;
        shown = true;
        err.print(String.format(Locale.ROOT, "\r\u001b[2K  building: %s ... %.1f s", stage, ms / 1000.0));
        err.flush();
    }

    /** Erases the line (before problems and the summary are printed). */
    synchronized void done() {
        finished = true;
        if (ticker != null) ticker.shutdownNow();
        if (shown) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }

    /** True when standard error is an interactive terminal (colour is a separate question: NO_COLOR). */
    static boolean terminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}

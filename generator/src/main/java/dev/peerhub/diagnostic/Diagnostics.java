package dev.peerhub.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the problems of one run from any thread. Keeps at most {@link #LIMIT} of them so a
 * pathological input cannot exhaust memory; the counts stay exact.
 */
public final class Diagnostics {

    public static final int LIMIT = 1000;

    private final List<Diagnostic> kept = new ArrayList<>();
    private int errors;
    private int warnings;

    public synchronized void add(Diagnostic d) {
        if (d.isError()) errors++;
        else warnings++;
        if (kept.size() < LIMIT) kept.add(d);
    }

    public void addAll(Collection<Diagnostic> ds) {
        ds.forEach(this::add);
    }

    public void error(SourcePosition at, String message) {
        add(Diagnostic.error(at, message));
    }

    public void warning(SourcePosition at, String message) {
        add(Diagnostic.warning(at, message));
    }

    public synchronized boolean hasErrors() {
        return errors > 0;
    }

    public synchronized int errorCount() {
        return errors;
    }

    public synchronized int warningCount() {
        return warnings;
    }

    /** Problems not kept because of {@link #LIMIT}. */
    public synchronized int dropped() {
        return errors + warnings - kept.size();
    }

    /** The kept problems in report order. */
    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(kept);
        copy.sort(Diagnostic.ORDER);
        return List.copyOf(copy);
    }
}

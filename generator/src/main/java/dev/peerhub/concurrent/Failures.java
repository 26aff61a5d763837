package dev.peerhub.concurrent;

/** What work run on another thread failed with, handed back to the thread that waited for it. */
public final class Failures {
    private Failures() {}

    /**
     * Throws {@code e} as it is when it is unchecked (a {@link RuntimeException} or an {@link Error}), so that
     * the waiting thread fails the way the work did; returns when it is a checked exception, which the caller
     * throws or wraps as its own signature allows.
     */
    public static void throwIfUnchecked(Throwable e) {
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
    }
}

package dev.peerhub.concurrent;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Runs the per-item work of a stage on the build's fork-join pool. */
public final class Pools {
    private Pools() {}

    /**
     * {@code f(0) .. f(n - 1)} computed on {@code pool}, in index order. A runtime exception thrown by
     * {@code f} is rethrown as it is; an interrupted wait ends the build.
     */
    public static <R> List<R> map(ForkJoinPool pool, int n, IntFunction<R> f) {
        try {
            return pool.submit(() -> IntStream.range(0, n).parallel().mapToObj(f).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}

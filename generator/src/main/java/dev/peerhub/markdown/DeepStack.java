package dev.peerhub.markdown;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a page's Markdown parse again on a thread with a deep stack when it overflows the stack of the
 * thread it ran on.
 *
 * <p>Flexmark matches some constructs with Java regular expressions, which recurse once per repetition:
 * an HTML tag with 3,000 attributes ({@code <a b=c b=c ...}, 12 KB on one line) or an autolink of 5,000
 * letters overflowed a pool thread's stack (about 1 MB) and ended the build with an internal error. Such a
 * page is rare, so it costs nothing until it happens: the parse is then run once more on a thread of its
 * own with a {@value #DEEP_STACK_MB} MB stack (reserved address space, not memory, until it is used), and
 * if even that overflows the page is reported as {@link TooComplexException}, which the build turns into
 * an error naming the file.
 */
public final class DeepStack {
    private DeepStack() {}

    static final int DEEP_STACK_MB = 512;

    /**
     * The deep stack's size in MB: {@value #DEEP_STACK_MB}, or the system property
     * {@code peerhub.markdown.deepStackMb} (for tests, which cannot rely on how deep a given input recurses:
     * that depends on which JIT compiler has compiled the regular expression's code).
     */
    static long deepStackBytes() {
        return (long) Integer.getInteger("peerhub.markdown.deepStackMb", DEEP_STACK_MB) << 20;
    }

    /** A page's Markdown that the parser cannot read even with a deep stack. */
    public static final class TooComplexException extends RuntimeException {
        public TooComplexException() {
            super("the Markdown parser ran out of stack on this page: something in it is too long or nested too"
                    + " deeply (an HTML tag with thousands of attributes, or thousands of nested brackets, for"
                    + " example); split it into smaller pieces", null, false, false);
        }
    }

    /** {@code work}'s result; on a stack overflow, the result of running it again on a deep stack. */
    static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            return onDeepStack(work);
        }
    }

    private static <T> T onDeepStack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("peerhub-deep-stack").stackSize(deepStackBytes()).unstarted(() -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        }
        Throwable e = failure.get();
        if (e instanceof StackOverflowError) throw new TooComplexException();
        dev.peerhub.concurrent.Failures.throwIfUnchecked(e);
        return result.get();
    }
}

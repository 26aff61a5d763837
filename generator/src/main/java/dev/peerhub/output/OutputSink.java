package dev.peerhub.output;

/** Where built files go: the staged output folder for {@code build}, nowhere for {@code check}. */
public interface OutputSink {

    /** Writes one file; safe to call from several threads. */
    void write(OutputFile file);

    /** A sink that keeps nothing (for {@code peerhub check}); it still counts files. */
    static CountingSink discard() {
        return new CountingSink();
    }

    /** Counts what would be written. */
    final class CountingSink implements OutputSink {
        private final java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void write(OutputFile file) {
            files.incrementAndGet();
        }

        public int files() {
            return files.get();
        }
    }
}

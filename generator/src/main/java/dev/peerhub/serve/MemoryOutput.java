package dev.peerhub.serve;

import dev.peerhub.output.OutputFile;
import dev.peerhub.output.OutputSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output sink that keeps files in memory. {@code serve} builds into a fresh one and, only when the
 * build succeeds, publishes it (merged over the previous files for a partial rebuild): a failed or
 * half-done build is never visible, and nothing is written to disk.
 */
public final class MemoryOutput implements OutputSink {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(OutputFile file) {
        files.put(file.path(), file.bytes());
    }

    /** The files written, by output path. */
    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }
}

package dev.peerhub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by kind (the build's workers, the JIT compilers, the garbage
 * collector, the rest), read from Linux's {@code /proc/self/task}: what {@code --verbose} prints after
 * the stage times, to tell warm-up from work. Empty where there is no {@code /proc}.
 */
final class ThreadTimes {
    private ThreadTimes() {}

    /** One line: the process's CPU time, split into the build's own threads, the JIT compilers and GC; "" when unknown. */
    static String summary() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return "";
        long ticks = 100; // USER_HZ on Linux
        Map<String, Long> byKind = new TreeMap<>();
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path t : list.toList()) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) continue;
                byKind.merge(kind(stat.substring(open + 1, close)), used(stat), Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        long total;
        try {
            total = used(Files.readString(Path.of("/proc/self/stat"))); // includes threads that have ended
        } catch (IOException | RuntimeException e) {
            return "";
        }
        long jit = byKind.getOrDefault("C1", 0L) + byKind.getOrDefault("C2", 0L);
        long gc = byKind.getOrDefault("GC", 0L);
        return String.format(Locale.ROOT, "  cpu %.1f s: build threads %.1f s, JIT compilers %.1f s (C2 %.1f s), GC %.1f s",
                total / (double) ticks, (total - jit - gc) / (double) ticks, jit / (double) ticks,
                byKind.getOrDefault("C2", 0L) / (double) ticks, gc / (double) ticks);
    }

    /** The process's CPU time so far in nanoseconds (threads that ended included), or -1 when unknown. */
    static long totalNanos() {
        try {
            return used(Files.readString(Path.of("/proc/self/stat"))) * 10_000_000L; // USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a {@code stat} line, in clock ticks. */
    private static long used(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String kind(String thread) {
        if (thread.startsWith("C2 Compiler")) return "C2";
        if (thread.startsWith("C1 Compiler")) return "C1";
        if (thread.startsWith("GC") || thread.startsWith("G1") || thread.startsWith("ParGC") || thread.startsWith("VM Thread")) {
            return "GC";
        }
        return "other";
    }
}

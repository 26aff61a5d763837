package dev.peerhub.serve;

import dev.peerhub.content.ContentReader;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches {@code content/}, {@code templates/} (recursively, including folders created later) and
 * {@code site.yml}; reports the changed paths (relative to the site, with {@code /}) in one batch once
 * the folder has been quiet for {@link #DEBOUNCE_MILLIS}, so one save that touches several files gives one
 * rebuild.
 */
public final class SiteWatcher implements AutoCloseable {

    public static final long DEBOUNCE_MILLIS = 10;

    private final Path siteDir;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile long firstEventNanos;

    /** Starts watching; {@code onChange} runs on the watcher's own thread. */
    public SiteWatcher(Path siteDir, Consumer<Set<String>> onChange) throws IOException {
        this.siteDir = siteDir;
        this.service = FileSystems.getDefault().newWatchService();
        registerFlat(siteDir);
        for (String top : new String[] {"content", "templates"}) {
            Path dir = siteDir.resolve(top);
            if (Files.isDirectory(dir)) registerTree(dir);
        }
        thread = Thread.ofPlatform().daemon().name("peerhub-watcher").start(() -> loop(onChange));
    }

    private void registerFlat(Path dir) throws IOException {
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        dirs.put(key, dir);
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path d : walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) registerFlat(d);
        }
    }

    private void loop(Consumer<Set<String>> onChange) {
        try {
            while (true) {
                WatchKey first = service.take();
                firstEventNanos = System.nanoTime();
                Set<String> changed = new TreeSet<>();
                collect(first, changed);
                WatchKey next;
                while ((next = service.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) collect(next, changed);
                if (!changed.isEmpty()) onChange.accept(Set.copyOf(changed));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void collect(WatchKey key, Set<String> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (dir == null) continue;
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add("site.yml"); // lost events: rebuild everything
                continue;
            }
            Path p = dir.resolve((Path) e.context());
            if (ContentReader.isIgnored(p)) continue;
            String rel = siteDir.relativize(p).toString().replace('\\', '/');
            if (dir.equals(siteDir) && !rel.equals("site.yml") && !rel.equals("content") && !rel.equals("templates")) continue;
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(p);
                } catch (IOException ex) {
                    // it vanished again
                }
            }
            changed.add(rel);
        }
        if (!key.reset()) dirs.remove(key);
    }

    /** When the first event of the batch being reported arrived ({@link System#nanoTime()}), for timings. */
    public long firstEventNanos() {
        return firstEventNanos;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}

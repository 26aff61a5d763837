package dev.peerhub.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the site into a staging folder beside the output folder ({@code .OUT.peerhub-staging}) and
 * swaps it in only by {@link #commit()}. Closing without committing deletes the staging folder, so a
 * failed build leaves the previous site untouched; a killed build leaves a stale staging folder that the
 * next build removes. The output folder is marked with {@value #MARKER} so that peerhub never replaces a
 * folder it did not create.
 */
public final class StagedOutput implements OutputSink, AutoCloseable {

    public static final String MARKER = ".peerhub-output";

    private final Path target;
    private final Path staging;
    private final java.nio.channels.FileChannel lockChannel;
    private final java.nio.channels.FileLock lock;
    private final AtomicInteger files = new AtomicInteger();
    private boolean committed;

    private StagedOutput(Path target, Path staging, java.nio.channels.FileChannel lockChannel,
                         java.nio.channels.FileLock lock) {
        this.target = target;
        this.staging = staging;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Prepares a staging folder for {@code target}.
     *
     * @throws OutputException when {@code target} exists, is not empty and was not made by peerhub
     */
    public static StagedOutput open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new OutputException("cannot build into the file system root");
        }
        try {
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isSymbolicLink(abs) || !Files.isDirectory(abs)) {
                    throw new OutputException(abs + " exists and is not a folder");
                }
                if (!Files.exists(abs.resolve(MARKER)) && !isEmpty(abs)) {
                    throw new OutputException(abs + " exists, is not empty and was not written by peerhub;"
                            + " peerhub replaces its output folder whole, so choose an empty or new folder with -o");
                }
            }
            Files.createDirectories(parent);
            Path lockFile = parent.resolve("." + abs.getFileName() + ".peerhub-lock");
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new OutputException("another peerhub build is writing to " + abs + "; wait for it to finish");
            }
            Path staging = parent.resolve("." + abs.getFileName() + ".peerhub-staging");
            deleteTree(staging);
            Files.createDirectory(staging);
            Files.writeString(staging.resolve(MARKER), "Written by peerhub. This folder is replaced whole by each build.\n");
            return new StagedOutput(abs, staging, channel, lock);
        } catch (IOException e) {
            throw new OutputException("cannot prepare the output folder " + abs + ": " + e.getMessage());
        }
    }

    private final java.util.Set<Path> madeFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void write(OutputFile file) {
        Path p = staging.resolve(file.path()).normalize();
        if (!p.startsWith(staging)) {
            throw new IllegalArgumentException("output path escapes the output folder: " + file.path());
        }
        try {
            // one mkdir walk per folder, not per file (22,000 files at 10k articles, most in a few folders)
            if (madeFolders.add(p.getParent())) Files.createDirectories(p.getParent());
            Files.write(p, file.bytes());
            files.incrementAndGet();
        } catch (FileAlreadyExistsException e) {
            throw new OutputException("cannot write " + file.path() + ": a folder of that name exists");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path(), e);
        }
    }

    public int filesWritten() {
        return files.get();
    }

    /** Swaps the staging folder in for the output folder. */
    public void commit() {
        try {
            Path old = target.resolveSibling("." + target.getFileName() + ".peerhub-old");
            deleteTree(old);
            boolean hadOld = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (hadOld) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            if (hadOld) deleteTree(old);
        } catch (IOException e) {
            throw new OutputException("cannot replace " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } catch (IOException e) {
            // best effort: the next build removes a stale staging folder
        } finally {
            try {
                lock.release();
                lockChannel.close();
                Files.deleteIfExists(target.resolveSibling("." + target.getFileName() + ".peerhub-lock"));
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                try {
                    Files.delete(dir);
                } catch (DirectoryNotEmptyException e) {
                    deleteTree(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A problem with the output folder itself (not with the writer's content). */
    public static final class OutputException extends RuntimeException {
        public OutputException(String message) {
            super(message, null, false, false);
        }
    }
}

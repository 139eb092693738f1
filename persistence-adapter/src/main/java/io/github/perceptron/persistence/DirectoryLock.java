package io.github.perceptron.persistence;

import io.github.perceptron.core.model.ModelStoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One writer for a directory: an exclusive lock on its {@value #NAME} file, held until
 * {@link #close()} or the process ends (the operating system releases it then, so a killed holder
 * never blocks the next run). The file says who holds it: process, host and since when, and is
 * emptied on release, also when Ctrl-C or a signal shuts the JVM down. A second run is refused in
 * one line naming the holder; a run that finds the words of a holder that ended without releasing
 * (killed outright, or a lost machine) takes the lock over and says so.
 */
public final class DirectoryLock implements AutoCloseable {

    /** The lock file's name in the directory. */
    public static final String NAME = ".perceptron.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread emptyAtShutdown;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        // A signal's shutdown never returns to close(); the lock itself goes with the process.
        this.emptyAtShutdown = new Thread(this::empty, "release " + NAME);
        Runtime.getRuntime().addShutdownHook(emptyAtShutdown);
    }

    /**
     * Takes the lock of {@code directory}, which must exist.
     *
     * @param directory the directory one run writes
     * @param notices   hears, in one line, that a stale lock was taken over
     * @param clock     dates the lock
     * @return the held lock; close it when the run ends
     * @throws ModelStoreException if another process (or another run in this one) holds it, naming
     *                             the holder, or if the lock file cannot be used
     */
    public static DirectoryLock acquire(Path directory, Consumer<String> notices, Clock clock) {
        Path file = directory.resolve(NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            String holder = contents(channel);
            if (lock == null) {
                throw new ModelStoreException(directory + " is in use by another run (" + (holder.isEmpty()
                        ? "a process that has not said who it is" : holder) + "); wait for it to end, or give another --out");
            }
            if (!holder.isEmpty()) {
                notices.accept("took over " + file + " from a run that ended without releasing it (" + holder + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describeThisProcess(clock.instant()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DirectoryLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ModelStoreException(file + ": cannot lock the output directory: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Releases the lock and empties the file, so that the next run finds nobody to take over from. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(emptyAtShutdown);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs, or has run, on its own.
        }
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // The process's end releases the lock anyway; the next run then reports a takeover.
        } finally {
            closeQuietly(channel);
        }
    }

    private void empty() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // Closed already, or the disk is gone: the next run reports a takeover, which is then true.
        }
    }

    /** @return the lock file */
    public Path file() {
        return file;
    }

    private static String contents(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // reads until full
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip().lines()
                .findFirst().orElse("");
    }

    private static String describeThisProcess(Instant now) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "an unnamed host";
        }
        return "process " + ProcessHandle.current().pid() + " on " + host + ", since " + now + "\n";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}

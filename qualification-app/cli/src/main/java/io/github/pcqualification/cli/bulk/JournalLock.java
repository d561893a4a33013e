package io.github.pcqualification.cli.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One bulk run at a time per journal: an exclusive lock on {@code <journal>.lock}, held for the whole run.
 * A lock file beside the journal, not the journal itself: on Linux, closing any other descriptor of a file
 * (the journal is read and reopened during a run) drops the process's locks on it. The file stays after the
 * run (an empty file; deleting it would let two runs each lock a different one).
 */
final class JournalLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code journal}. */
    static Path lockFile(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".lock");
    }

    /**
     * Locks {@code journal} for this run, or refuses at once.
     *
     * @throws BulkInputException if another run (in this JVM or another process) holds it, or the lock file
     *     cannot be created
     */
    static JournalLock acquire(Path journal) throws BulkInputException {
        Path file = lockFile(journal);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BulkInputException("cannot create the journal's lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BulkInputException("cannot lock the journal's lock file " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new BulkInputException("the journal " + journal + " is in use by another bulk run (" + file
                    + " is locked); wait for that run to end, or give another --journal");
        }
        return new JournalLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do: the channel held no lock
        }
    }
}

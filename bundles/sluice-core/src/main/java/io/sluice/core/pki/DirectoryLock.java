package io.sluice.core.pki;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * An exclusive lock on a PKI directory while it is inspected and filled, so that two instances
 * started at once on the same state directory cannot each create half of a PKI. The lock is
 * a POSIX record lock on a small file in the directory: the kernel drops it when the process
 * dies, so a crash never leaves the directory locked. The lock file stays (empty) afterwards.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE_NAME = ".pki.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other process holds the directory, then holds it. */
    static DirectoryLock acquire(Path directory) throws PkiException {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY));
        } catch (IOException e) {
            throw new PkiException(file + ": cannot create the lock file: " + e.getMessage(), e);
        }
        try {
            return new DirectoryLock(channel, channel.lock());
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new PkiException(directory + ": already being set up by another thread of this process", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PkiException(file + ": cannot lock: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }
}

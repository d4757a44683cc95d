package io.sluice.core.pool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;

/**
 * Replaces a file's content so that, whatever happens, the file holds either all of the old
 * content or all of the new: the new content goes to a temporary file in the same directory, is
 * forced to disk, and is then renamed over the old file, which on POSIX file systems is atomic.
 * The directory is synced afterwards so the rename itself survives a power cut.
 *
 * <p>OpenVPN rewrites the persist file in place (status.c: seek to 0, write, truncate), so a crash
 * mid-write can leave it half written; this is the one intended difference.
 *
 * <p>The replacement keeps the old file's permissions (a rename would otherwise give the file the
 * temporary file's); a new file gets owner read/write only, the mode OpenVPN's
 * {@code status_open} creates it with. A symbolic link is followed, so the file it points to is
 * replaced and the link kept.
 */
final class AtomicFileWriter {

    /** The final step, swappable so tests can simulate a crash just before it. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    private final Mover mover;

    AtomicFileWriter() {
        this((source, target) -> Files.move(source, target, StandardCopyOption.ATOMIC_MOVE));
    }

    AtomicFileWriter(Mover mover) {
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    void write(Path target, byte[] content) throws IOException {
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path directory = file.getParent();
        Path temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            copyPermissions(file, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            mover.move(temp, file);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        syncDirectory(directory);
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || target == null || !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        target.setPermissions(source.readAttributes().permissions());
    }

    /**
     * Makes the rename durable. Some platforms and file systems refuse to open or sync a
     * directory; the rename is still atomic there, only its durability is up to the OS.
     */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported here, or a directory we may write but not read: the file is whole
            // either way; only when the rename reaches the disk is left to the OS.
        }
    }
}

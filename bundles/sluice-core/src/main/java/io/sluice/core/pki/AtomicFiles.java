package io.sluice.core.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Writes files so that a reader (or a restart after a crash) sees either no file, or a complete
 * one, never a part: content goes to a temporary file in the target's own directory, created
 * with its final permissions (so a private key is never readable by others, not even for the
 * instant between create and chmod), forced to disk, and then put in place by one rename or
 * link. The directory is forced afterwards so the new name survives a power cut too.
 */
final class AtomicFiles {

    /** A private key, or anything holding one: 0600. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** A certificate: 0644. */
    static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    /** The state directory: 0700. */
    static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /**
     * The step that makes a complete temporary file visible under its final name without
     * replacing anything there; swappable so tests can simulate a crash in the middle of a set.
     */
    @FunctionalInterface
    interface Publisher {
        /** Puts {@code source} at {@code target}; fails with FileAlreadyExistsException if taken. */
        void publish(Path source, Path target) throws IOException;
    }

    private final Publisher publisher;

    AtomicFiles() {
        this(AtomicFiles::linkThenUnlink);
    }

    AtomicFiles(Publisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * A link cannot replace an existing name (a rename silently would), so nothing a user put
     * there in the meantime is lost; a crash between link and unlink leaves the same bytes under
     * both names, which the caller's recovery recognises.
     */
    private static void linkThenUnlink(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException e) {
            // A file system without hard links: check, then rename (the caller holds the lock).
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.delete(source);
    }

    /** Creates {@code target}, which must not exist yet, complete or not at all. */
    void createNew(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path temp = writeTemp(target, content, permissions);
        boolean published = false;
        try {
            publisher.publish(temp, target);
            published = true;
        } finally {
            if (!published) {
                Files.deleteIfExists(temp);
            }
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Replaces (or creates) {@code target} in one rename. */
    void replace(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path temp = writeTemp(target, content, permissions);
        boolean moved = false;
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Moves a complete file into place without replacing anything there. */
    void publish(Path source, Path target) throws IOException {
        publisher.publish(source, target);
    }

    private static Path writeTemp(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", asAttribute(permissions));
        boolean written = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writeFully(channel, content);
            }
            written = true;
        } finally {
            if (!written) {
                Files.deleteIfExists(temp);
            }
        }
        return temp;
    }

    /**
     * Writes a file that must not exist yet, in full and forced to disk, straight under its name:
     * for staging directories, whose content nobody reads before the set is complete.
     */
    static void writeNew(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        try (FileChannel channel = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), asAttribute(permissions))) {
            writeFully(channel, content);
        }
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    /** Creates a directory readable by its owner only (parents as the process's umask makes them). */
    static void createPrivateDirectory(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.createDirectory(dir, asAttribute(PRIVATE_DIRECTORY));
        if (parent != null) {
            syncDirectory(parent);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> asAttribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    /**
     * Makes a rename durable. Some file systems refuse to open or sync a directory; the rename is
     * still atomic there, only when it reaches the disk is left to the OS.
     */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here: the files are whole either way
        }
    }
}

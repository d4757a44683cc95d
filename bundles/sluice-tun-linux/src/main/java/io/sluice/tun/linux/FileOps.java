package io.sluice.tun.linux;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The two file operations whose outcome depends on how the host mounted {@code /etc/resolv.conf};
 * a seam, so unit tests can play a bind mount (where {@code rename(2)} onto the file fails with
 * EBUSY) without root.
 */
interface FileOps {

    /** {@code rename(2)}: {@code source} replaces {@code target} atomically. */
    void rename(Path source, Path target) throws IOException;

    /** Whether {@code path} (a real path) is a mount point in this process's mount namespace. */
    boolean isMountPoint(Path path);

    /**
     * Whether a failed {@link #rename} means "the target is a mount point" (EBUSY). The JDK reports
     * that errno only as text (strerror), so the text is checked, and the mount table as well.
     */
    default boolean busy(IOException failure, Path target) {
        if (!(failure instanceof FileSystemException f)) {
            return false;
        }
        String reason = f.getReason();
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("busy") || isMountPoint(target);
    }

    /** The real thing. */
    FileOps SYSTEM = new FileOps() {
        private final Path mountinfo = Path.of("/proc/self/mountinfo");

        @Override
        public void rename(Path source, Path target) throws IOException {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public boolean isMountPoint(Path path) {
            try {
                return MountInfo.mountPoints(Files.readString(mountinfo)).contains(path.toString());
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    };
}

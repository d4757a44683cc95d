package io.sluice.launcher.boot;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One instance's runtime state: the container's data directory (bundle cache, logs) in a
 * directory of its own, {@code STATE_ROOT/PID}, so that several {@code bin/sluice} processes
 * started from one distribution never share it. It is removed when the instance stops;
 * directories left by instances that died (SIGKILL) are removed by the next one to start.
 *
 * <p>Nothing a user stores lives here: pool leases, keys and the like go where the
 * configuration says.
 */
final class InstanceState implements AutoCloseable {

    /** Overrides where instances keep their state. */
    static final String ENV_STATE_DIR = "SLUICE_STATE_DIR";

    private final Path dir;

    private InstanceState(Path dir) {
        this.dir = dir;
    }

    /** {@code $SLUICE_STATE_DIR}, else {@code $TMPDIR/sluice-$USER}. */
    static Path defaultRoot(Map<String, String> env) {
        String configured = env.get(ENV_STATE_DIR);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "sluice-" + System.getProperty("user.name", "user"));
    }

    /** Creates this process's state directory under {@code root}, sweeping dead instances' first. */
    static InstanceState create(Path root, long pid) throws IOException {
        Files.createDirectories(root);
        try {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or not ours to change: the instance still works.
        }
        sweepDead(root);
        Path dir = root.resolve(Long.toString(pid));
        deleteTree(dir); // a directory left by an earlier process with the same pid
        Files.createDirectories(dir.resolve("data").resolve("tmp"));
        return new InstanceState(dir);
    }

    private static void sweepDead(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (!name.matches("[0-9]{1,19}")) {
                    continue;
                }
                boolean alive = ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    deleteTree(p);
                }
            }
        }
    }

    Path dir() {
        return dir;
    }

    /** The container's {@code karaf.data}. */
    Path data() {
        return dir.resolve("data");
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package io.sluice.itests.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds system commands and runs short ones with a hard timeout.
 *
 * <p>Commands are resolved to absolute paths because the JVM that runs the tests (Maven, an IDE, CI)
 * often has a PATH without {@code /usr/sbin}, where Debian puts {@code ip} and {@code openvpn}; and
 * {@code ip netns exec} looks its command up in that same PATH. Every run has a timeout so no helper
 * can hang a test: on timeout the whole process tree is killed.
 */
public final class Commands {

    private static final List<String> FALLBACK_DIRS =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private Commands() {
    }

    /** The executable named {@code name} on PATH or in the usual system directories, if any. */
    public static Optional<Path> find(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(":")) {
                if (!d.isEmpty()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(FALLBACK_DIRS);
        for (String d : dirs) {
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but fails when the command is not installed. */
    public static String path(String name) {
        return find(name).map(Path::toString).orElseThrow(() -> new IllegalStateException(
                "command not found: " + name + " (looked in PATH and " + FALLBACK_DIRS + ")"));
    }

    /** Replaces a bare command name with its absolute path when it can be found; leaves it otherwise. */
    static List<String> resolveFirst(List<String> command) {
        List<String> out = new ArrayList<>(command);
        if (!out.isEmpty() && !out.get(0).contains("/")) {
            find(out.get(0)).ifPresent(p -> out.set(0, p.toString()));
        }
        return out;
    }

    /**
     * Runs a short command to completion, stdout and stderr merged, and returns what it printed. Never
     * throws for a non-zero exit (see {@link CommandResult#requireOk()}); throws if it outlives the
     * timeout, after killing it.
     */
    public static CommandResult run(Duration timeout, List<String> command) {
        List<String> cmd = resolveFirst(command);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", cmd), e);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), buf), "cmd-output-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        boolean done;
        try {
            done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            ProcessTrees.killTree(p.toHandle());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", cmd), e);
        }
        if (!done) {
            ProcessTrees.killTree(p.toHandle());
            joinQuietly(reader, 1000);
            throw new IllegalStateException("command did not finish within " + timeout + ": "
                    + String.join(" ", cmd) + "\n" + text(buf));
        }
        joinQuietly(reader, 2000);
        return new CommandResult(List.copyOf(cmd), p.exitValue(), text(buf));
    }

    public static CommandResult run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] b = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(b)) >= 0) {
                synchronized (out) {
                    out.write(b, 0, n);
                }
            }
        } catch (IOException ignored) {
            // The process was killed; what was read so far is all there is.
        }
    }

    private static String text(ByteArrayOutputStream buf) {
        synchronized (buf) {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    static void joinQuietly(Thread t, long millis) {
        boolean interrupted = Thread.interrupted();
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

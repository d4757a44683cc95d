package io.sluice.itests.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks that this machine can run interop tests, and <em>fails</em> when it cannot.
 *
 * <p>Interop tests need root (namespaces, veth, TUN), {@code /dev/net/tun} and the {@code ip},
 * {@code openvpn}, {@code iperf3} and {@code ping} commands. A missing requirement is reported as a
 * test failure naming what is missing, never as a JUnit assumption: a skipped interop test looks
 * green in CI while proving nothing.
 */
public final class Preconditions {

    /** Commands every interop test may use. */
    public static final List<String> COMMANDS = List.of("ip", "openvpn", "iperf3", "ping");

    static final Path TUN = Path.of("/dev/net/tun");

    private Preconditions() {
    }

    /**
     * Throws an {@link AssertionError} (a failure, not a skip) unless the test runs as root, with
     * {@code /dev/net/tun} and the commands in {@link #COMMANDS}.
     */
    public static void requireRootAndTun() {
        require(missing(currentUid(), TUN, Commands::find));
    }

    /** Throws the failure for a non-empty list of unmet requirements. */
    static void require(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new AssertionError(message(missing));
        }
    }

    /** The unmet requirements, in words; empty when all are met. Pure, so it can be tested. */
    static List<String> missing(long uid, Path tun, Function<String, Optional<Path>> findCommand) {
        List<String> missing = new ArrayList<>();
        if (uid != 0) {
            missing.add("root (running as uid " + (uid < 0 ? "unknown" : uid) + ")");
        }
        if (!Files.exists(tun)) {
            missing.add(tun + " (does not exist)");
        } else if (!Files.isReadable(tun) || !Files.isWritable(tun)) {
            missing.add(tun + " (not readable and writable)");
        }
        for (String c : COMMANDS) {
            if (findCommand.apply(c).isEmpty()) {
                missing.add("the " + c + " command");
            }
        }
        return missing;
    }

    static String message(List<String> missing) {
        return "interop tests need root, /dev/net/tun and the ip/openvpn/iperf3/ping commands"
                + " (Debian: apt-get install iproute2 openvpn iperf3 iputils-ping; run as root): missing "
                + String.join(", ", missing);
    }

    /** The effective uid of this JVM, from /proc/self/status; -1 if it cannot be read. */
    static long currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]); // effective uid
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

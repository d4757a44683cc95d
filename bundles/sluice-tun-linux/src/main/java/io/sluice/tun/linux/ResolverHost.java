package io.sluice.tun.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Everything {@link LinuxHostResolver} reads from or does to the host, in one place, so unit tests
 * can run it against a temporary directory without root.
 *
 * @param resolvConf       the resolver configuration ({@code /etc/resolv.conf})
 * @param netnsEtc         where {@code ip netns exec} takes per-namespace files from ({@code /etc/netns})
 * @param resolvectl       where to look for {@code resolvectl}, in order (never in PATH)
 * @param files            rename and mount point test
 * @param commands         runs {@code resolvectl}
 * @param pid              this process's id, for backup names and the marker line
 * @param sluiceAlive      whether the process with that id is running and could be a Sluice (a JVM)
 * @param linkExists       whether an interface of that name exists
 * @param initNetns        whether this process is in the network namespace of PID 1, the one
 *                         systemd-resolved serves (true when that cannot be told)
 */
record ResolverHost(Path resolvConf, Path netnsEtc, List<Path> resolvectl, FileOps files, CommandRunner commands,
                    long pid, LongPredicate sluiceAlive, Predicate<String> linkExists, BooleanSupplier initNetns) {

    ResolverHost {
        resolvectl = List.copyOf(resolvectl);
    }

    /** The real host. */
    static ResolverHost system() {
        return new ResolverHost(Path.of("/etc/resolv.conf"), Path.of("/etc/netns"),
                List.of(Path.of("/usr/bin/resolvectl"), Path.of("/bin/resolvectl")), FileOps.SYSTEM, CommandRunner.SYSTEM,
                ProcessHandle.current().pid(), ResolverHost::javaRunning,
                dev -> Files.exists(Path.of("/sys/class/net", dev)), ResolverHost::inInitNetns);
    }

    /** The first {@code resolvectl} that exists and is executable. */
    Optional<Path> findResolvectl() {
        return resolvectl.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * A process with that id runs and is a Java VM (or its command cannot be read), so it may be the
     * Sluice that wrote a marker: a process id reused after a reboot rarely is one.
     */
    private static boolean javaRunning(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.contains("java")).orElse(true)).orElse(false);
    }

    private static boolean inInitNetns() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/net"))
                    .equals(Files.readSymbolicLink(Path.of("/proc/1/ns/net")));
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell (no permission to read PID 1's): assume the usual case
        }
    }
}

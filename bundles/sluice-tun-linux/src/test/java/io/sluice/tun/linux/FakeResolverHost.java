package io.sluice.tun.linux;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A host for {@link LinuxHostResolver} in a temporary directory: {@code etc/resolv.conf},
 * {@code etc/netns}, {@code usr/bin/resolvectl}; renames that can play a bind mount (EBUSY), mount
 * points, running processes, interfaces and resolvectl answers as the test sets them; every command
 * and rename recorded.
 */
final class FakeResolverHost implements FileOps, CommandRunner {

    static final long PID = 4242;

    final Path root;
    final Path etc;
    final Path resolvConf;
    final Path resolvectl;
    final Set<Path> mountPoints = new HashSet<>();
    final Set<Path> busyTargets = new HashSet<>();
    final Set<Long> runningJvms = new HashSet<>();
    final Set<String> links = new HashSet<>(Set.of("tun0", "tun1"));
    final List<String> commands = new ArrayList<>();
    final List<Path> renames = new ArrayList<>();
    /** A command starting with this text fails with exit status 1 (null: none). */
    String failing;
    boolean initNetns = true;
    long pid = PID;

    FakeResolverHost(Path root) throws IOException {
        this.root = root;
        this.etc = Files.createDirectories(root.resolve("etc"));
        this.resolvConf = etc.resolve("resolv.conf");
        this.resolvectl = root.resolve("usr/bin/resolvectl");
    }

    ResolverHost host() {
        return new ResolverHost(resolvConf, etc.resolve("netns"), List.of(resolvectl, root.resolve("bin/resolvectl")),
                this, this, pid, runningJvms::contains, links::contains, () -> initNetns);
    }

    LinuxHostResolver resolver() {
        return new LinuxHostResolver(host());
    }

    /** Makes etc/resolv.conf a link into systemd's run directory, and installs a resolvectl. */
    void systemdResolved() throws IOException {
        Path stub = Files.createDirectories(root.resolve("run/systemd/resolve")).resolve("stub-resolv.conf");
        Files.writeString(stub, "nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n");
        Files.deleteIfExists(resolvConf);
        Files.createSymbolicLink(resolvConf, Path.of("../run/systemd/resolve/stub-resolv.conf"));
        Files.createDirectories(resolvectl.getParent());
        Files.writeString(resolvectl, "#!/bin/sh\nexit 99\n");
        resolvectl.toFile().setExecutable(true);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        renames.add(target);
        if (busyTargets.contains(target)) {
            throw new FileSystemException(source.toString(), target.toString(), "Device or resource busy");
        }
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean isMountPoint(Path path) {
        return mountPoints.contains(path);
    }

    @Override
    public Result run(List<String> command) {
        String line = String.join(" ", command).replace(resolvectl.toString(), "resolvectl");
        commands.add(line);
        if (failing != null && line.startsWith(failing)) {
            return new Result(1, "Failed to set DNS configuration: simulated");
        }
        return new Result(0, "");
    }
}

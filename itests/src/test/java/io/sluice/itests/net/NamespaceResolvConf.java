package io.sluice.itests.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A {@code resolv.conf} of a lab namespace's own: {@code ip netns exec} bind-mounts
 * {@code /etc/netns/<ns>/resolv.conf} over {@code /etc/resolv.conf} for the processes it starts,
 * so what a client does to "the system resolver" stays inside the test. Only
 * {@code /etc/netns/<that namespace>} is written; closing removes it (and {@code /etc/netns}
 * if this created it and it is empty). The host's {@code /etc/resolv.conf} is never touched.
 */
public final class NamespaceResolvConf implements AutoCloseable {

    private static final Path NETNS_ETC = Path.of("/etc/netns");

    private final Path dir;
    private final boolean createdParent;

    private NamespaceResolvConf(Path dir, boolean createdParent) {
        this.dir = dir;
        this.createdParent = createdParent;
    }

    /** Creates the namespace's resolv.conf with {@code content}; start processes in it afterwards. */
    public static NamespaceResolvConf create(Ns ns, String content) {
        try {
            boolean createdParent = !Files.isDirectory(NETNS_ETC);
            Path dir = Files.createDirectories(NETNS_ETC.resolve(ns.name()));
            Files.writeString(dir.resolve("resolv.conf"), content);
            return new NamespaceResolvConf(dir, createdParent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as processes in the namespace see it now. */
    public String content() {
        try {
            return Files.readString(dir.resolve("resolv.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            if (createdParent) {
                try (Stream<Path> left = Files.list(NETNS_ETC)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(NETNS_ETC);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

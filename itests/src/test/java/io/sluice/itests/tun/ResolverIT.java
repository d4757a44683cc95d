package io.sluice.itests.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.CommandResult;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.Preconditions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The Linux host resolver service (sluice-tun-linux's {@code LinuxHostResolver}) on a real
 * {@code /etc/resolv.conf}: each test gives a namespace it created a resolv.conf of its own,
 * {@code /etc/netns/<ns>/resolv.conf}, which {@code ip netns exec} bind-mounts over
 * {@code /etc/resolv.conf} for the {@link ResolverAgent} JVM it starts there. The agent applies the
 * tunnel's DNS and reverts it; the test checks the file as the process inside sees it and as it lies
 * in {@code /etc/netns/<ns>}, that names really go to the tunnel's server while it is applied (two
 * tiny DNS servers in the namespace answer differently) and that the file is back byte for byte
 * afterwards, also after the first client was killed with SIGKILL.
 *
 * <p>Only {@code /etc/netns/<namespace this test created>} is written (and removed afterwards, with
 * {@code /etc/netns} itself if the test created it and it is empty); the host's
 * {@code /etc/resolv.conf} and its directory are only read, to check they did not change.
 * systemd-resolved is not exercised here (the machine may not run it); its command lines are
 * unit-tested. Needs root and /dev/net/tun (see {@link Preconditions}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ResolverIT {

    private static final Path NETNS_ETC = Path.of("/etc/netns");
    /** What the namespaces created by the harness are called: {@code slc<test JVM pid>-<n>-<role>}. */
    private static final Pattern HARNESS_NS = Pattern.compile("^slc(\\d+)-\\d+-.*$");
    private static final Pattern OUR_FILES = Pattern.compile("^(resolv\\.conf|resolv\\.conf\\.sluice-\\d+|\\.resolv\\.conf\\..*\\.tmp)$");

    private static final String HOST_SERVER = "198.18.53.1";
    private static final String HOST_ANSWER = "198.18.99.1";
    private static final String VPN_SERVER = "198.18.53.53";
    private static final String VPN_ANSWER = "198.18.99.53";
    private static final String ORIGINAL = "# ResolverIT: this namespace's own resolv.conf\n"
            + "nameserver " + HOST_SERVER + "\n"
            + "search lab.example\n"
            + "options timeout:1 attempts:1\n";

    @BeforeAll
    static void machineClassPathAndStaleFiles() throws IOException {
        Preconditions.requireRootAndTun();
        try {
            Class.forName(ResolverAgent.RESOLVER_CLASS, false, ResolverIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(ResolverAgent.RESOLVER_CLASS + " is not on the test class path; itests/pom.xml"
                    + " needs a test-scoped dependency on io.sluice:sluice-tun-linux:${project.version}", e);
        }
        sweepStale();
    }

    /**
     * Removes {@code /etc/netns/slc<pid>-...} directories that a test JVM which no longer runs left
     * behind (SIGKILL runs no clean-up), if they hold nothing but what this test puts there.
     */
    private static void sweepStale() throws IOException {
        if (!Files.isDirectory(NETNS_ETC)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(NETNS_ETC)) {
            for (Path d : dirs.toList()) {
                Matcher m = HARNESS_NS.matcher(d.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)
                        || ProcessHandle.of(Long.parseLong(m.group(1))).isPresent()) {
                    continue;
                }
                if (listing(d).stream().allMatch(n -> OUR_FILES.matcher(n).matches())) {
                    System.err.println("[ResolverIT] removing stale " + d);
                    deleteRecursively(d);
                }
            }
        }
    }

    /** A namespace with two DNS server addresses on lo and its own resolv.conf; removed with the lab. */
    private record Setup(NetLab lab, Ns ns, Path dir, Path conf, boolean createdNetnsEtc) implements AutoCloseable {

        static Setup open(TestInfo info) throws IOException {
            NetLab lab = NetLab.open("ResolverIT-" + info.getTestMethod().orElseThrow().getName());
            Setup s;
            try {
                Ns ns = lab.namespace("dns");
                lab.addAddress(ns, "lo", HOST_SERVER + "/32");
                lab.addAddress(ns, "lo", VPN_SERVER + "/32");
                Path dir = NETNS_ETC.resolve(ns.name());
                if (!dir.normalize().getParent().equals(NETNS_ETC) || Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalStateException(dir + " exists already or is not a namespace directory");
                }
                s = new Setup(lab, ns, dir, dir.resolve("resolv.conf"), !Files.exists(NETNS_ETC));
            } catch (RuntimeException e) {
                lab.close();
                throw e;
            }
            try {
                Files.createDirectories(s.dir);
                Files.writeString(s.conf, ORIGINAL);
                Files.setPosixFilePermissions(s.conf, PosixFilePermissions.fromString("rw-r--r--"));
                return s;
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }

        /** Starts an agent in the namespace (which sees {@link #conf} as /etc/resolv.conf) with two DNS servers. */
        AgentProcess agent(String label) throws InterruptedException {
            AgentProcess agent = AgentProcess.launch(lab, ns, label, ResolverAgent.class, fifo -> List.of(fifo.toString()));
            agent.process().awaitLine(Pattern.compile("^READY$"), AgentProcess.ANSWER);
            agent.ok("dns " + HOST_SERVER + " " + HOST_ANSWER);
            agent.ok("dns " + VPN_SERVER + " " + VPN_ANSWER);
            return agent;
        }

        Path backup(long pid) {
            return dir.resolve("resolv.conf.sluice-" + pid);
        }

        @Override
        public void close() throws IOException {
            try {
                lab.close();
            } finally {
                deleteRecursively(dir);
                if (createdNetnsEtc) {
                    try {
                        Files.deleteIfExists(NETNS_ETC); // only if still empty: nobody else uses it
                    } catch (DirectoryNotEmptyException ignored) {
                        // Something else put a namespace's files there meanwhile: theirs now.
                    }
                }
            }
        }
    }

    /** The host's files this test must not change: /etc/resolv.conf, and the resolv.conf* names in /etc. */
    private record HostEtc(byte[] resolvConf, List<String> names) {

        static HostEtc now() throws IOException {
            Path conf = Path.of("/etc/resolv.conf");
            byte[] bytes = Files.exists(conf) ? Files.readAllBytes(conf) : new byte[0];
            return new HostEtc(bytes, listing(Path.of("/etc")).stream().filter(n -> n.contains("resolv.conf")).toList());
        }

        void assertUnchanged() throws IOException {
            HostEtc after = now();
            assertEquals(new String(resolvConf, StandardCharsets.ISO_8859_1),
                    new String(after.resolvConf, StandardCharsets.ISO_8859_1), "the host's /etc/resolv.conf");
            assertEquals(names, after.names, "the host's /etc");
        }
    }

    private static long pid(AgentProcess agent) throws InterruptedException {
        return Long.parseLong(agent.ask("pid", "^PID ").substring(4));
    }

    /** /etc/resolv.conf as the agent's process sees it. */
    private static String seenInside(AgentProcess agent) throws InterruptedException {
        String line = agent.ask("show", "^FILE ");
        return new String(Base64.getDecoder().decode(line.substring(5)), StandardCharsets.ISO_8859_1);
    }

    private static String resolve(AgentProcess agent, String name) throws InterruptedException {
        String line = agent.ask("resolve " + name, "^RESOLVED " + Pattern.quote(name) + " ");
        return line.substring(("RESOLVED " + name + " ").length());
    }

    private static String marker(long pid, String device, Path backup) {
        return "# Generated by Sluice process " + pid + " for " + device + " while the tunnel is up; the previous file is "
                + backup + ", which comes back when the tunnel closes.\n";
    }

    /**
     * Applying writes the namespace's file in place through the bind mount (with the backup next to
     * it, not in the host's /etc), glibc in the namespace asks the tunnel's server, with its search
     * domain first, and never the previous server; reverting brings the previous file back byte for
     * byte and the previous server answers again.
     */
    @Test
    void theNamespacesResolvConfIsRewrittenInPlaceUsedAndRestored(TestInfo info) throws Exception {
        HostEtc host = HostEtc.now();
        try (Setup s = Setup.open(info)) {
            AgentProcess agent = s.agent("resolver");
            long pid = pid(agent);
            Path backup = s.backup(pid);
            assertEquals("PLAN resolv.conf /etc/resolv.conf (a mount point: rewritten in place), the previous file kept"
                    + " in " + backup, agent.ask("plan", "^PLAN "), "the backup goes to the namespace's directory");
            assertEquals(ORIGINAL, seenInside(agent), "ip netns exec shows the namespace's own file");
            assertEquals(HOST_ANSWER, resolve(agent, "before.test"));
            Object inode = Files.getAttribute(s.conf(), "unix:ino");

            String change = agent.ask("apply tun0 " + VPN_SERVER + " corp.example -", "^CHANGE ");
            assertEquals("CHANGE 0 resolv.conf /etc/resolv.conf: 1 server " + VPN_SERVER + ", search corp.example"
                    + " lab.example; rewritten in place (a mount point); previous file kept in " + backup, change);
            String expected = marker(pid, "tun0", backup)
                    + "nameserver " + VPN_SERVER + "\n"
                    + "search corp.example lab.example\n"
                    + "# ResolverIT: this namespace's own resolv.conf\n"
                    + "options timeout:1 attempts:1\n";
            assertEquals(expected, seenInside(agent));
            assertEquals(expected, Files.readString(s.conf()), "the namespace's file itself");
            assertEquals(inode, Files.getAttribute(s.conf(), "unix:ino"), "rewritten, not replaced");
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.conf())));
            assertEquals(ORIGINAL, Files.readString(backup));
            assertEquals(List.of("resolv.conf", backup.getFileName().toString()), listing(s.dir()));
            CommandResult fresh = s.lab().exec(s.ns(), Duration.ofSeconds(10), "cat", "/etc/resolv.conf").requireOk();
            assertTrue(fresh.output().contains(expected), "another process in the namespace sees it too:\n" + fresh);
            host.assertUnchanged();

            int mark = agent.process().mark();
            assertEquals(VPN_ANSWER, resolve(agent, "during"));
            agent.awaitLine("^QUERY " + Pattern.quote(VPN_SERVER) + " A during\\.corp\\.example$", mark);
            assertEquals(VPN_ANSWER, resolve(agent, "during.test"));
            assertFalse(agent.process().lines().subList(mark, agent.process().mark()).stream()
                    .anyMatch(l -> l.startsWith("QUERY " + HOST_SERVER + " ")), "the previous server is not asked");

            agent.ok("revert 0");
            assertEquals(ORIGINAL, seenInside(agent));
            assertEquals(ORIGINAL, Files.readString(s.conf()));
            assertEquals(inode, Files.getAttribute(s.conf(), "unix:ino"));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.conf())));
            assertEquals(List.of("resolv.conf"), listing(s.dir()), "the backup is gone");
            assertEquals(HOST_ANSWER, resolve(agent, "after.test"));
            agent.ok("revert 0");
            assertEquals(ORIGINAL, Files.readString(s.conf()), "a second revert changes nothing");
            agent.ok("exit");
            agent.close();
        }
        host.assertUnchanged();
    }

    /**
     * A client killed with SIGKILL while its change is applied leaves the file naming it and its
     * backup; the next client takes that backup as the previous file, and its revert restores the
     * file from before the crash.
     */
    @Test
    void aKilledClientsFileIsRepairedByTheNextClient(TestInfo info) throws Exception {
        HostEtc host = HostEtc.now();
        try (Setup s = Setup.open(info)) {
            AgentProcess first = s.agent("resolver");
            long firstPid = pid(first);
            first.ask("apply tun0 " + VPN_SERVER + " corp.example -", "^CHANGE ");
            first.process().handle().destroyForcibly();
            assertTrue(first.process().waitFor(Duration.ofSeconds(10)).isPresent(), "killed");
            first.close();
            assertTrue(Files.readString(s.conf()).startsWith(marker(firstPid, "tun0", s.backup(firstPid))));
            assertEquals(ORIGINAL, Files.readString(s.backup(firstPid)));

            AgentProcess second = s.agent("resolver2");
            long secondPid = pid(second);
            String change = second.ask("apply tun1 " + VPN_SERVER + " - -", "^CHANGE ");
            assertTrue(change.startsWith("CHANGE 0 resolv.conf /etc/resolv.conf: 1 server " + VPN_SERVER + "; "), change);
            assertEquals(marker(secondPid, "tun1", s.backup(secondPid))
                    + "nameserver " + VPN_SERVER + "\n"
                    + "# ResolverIT: this namespace's own resolv.conf\n"
                    + "search lab.example\n"
                    + "options timeout:1 attempts:1\n", seenInside(second), "made from the file before the crash");
            assertEquals(List.of("resolv.conf", s.backup(secondPid).getFileName().toString()), listing(s.dir()),
                    "the killed client's backup became this one's");
            assertEquals(ORIGINAL, Files.readString(s.backup(secondPid)));

            second.ok("revert 0");
            assertEquals(ORIGINAL, Files.readString(s.conf()));
            assertEquals(List.of("resolv.conf"), listing(s.dir()));
            second.ok("exit");
            second.close();
        }
        host.assertUnchanged();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}

package io.sluice.itests.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Self-tests of the network harness: what later interop tests rely on, proven on the real kernel.
 * Each test says in its name what it proves.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetLabIT {

    private static final Duration T = Duration.ofSeconds(10);

    @BeforeAll
    static void machineCanRunInteropTests() {
        Preconditions.requireRootAndTun();
    }

    private static String name(TestInfo info) {
        return "NetLabIT-" + info.getTestMethod().orElseThrow().getName();
    }

    @Test
    void linkJoinsTwoNamespacesWithTestOnlyUnderlayAddresses(TestInfo info) throws Exception {
        Set<String> rootBefore = rootInterfaces();
        try (NetLab lab = NetLab.open(name(info))) {
            Ns a = lab.namespace("alpha");
            Ns b = lab.namespace("beta");
            Link l1 = lab.link(a, b);
            Link l2 = lab.link(a, b);

            assertEquals("198.18.0.1", l1.a().v4());
            assertEquals("198.18.0.2", l1.b().v4());
            assertEquals("fd18::1", l1.a().v6());
            assertEquals("fd18:0:0:1::2", l2.b().v6());
            assertEquals("198.18.1.0/24", l2.v4Network());
            assertEquals("fd18:0:0:1::/64", l2.v6Network());
            for (Link l : List.of(l1, l2)) {
                for (LinkEnd e : List.of(l.a(), l.b())) {
                    assertTrue(AddressRules.isUnderlay(e.v4()) && AddressRules.isUnderlay(e.v6()), e::toString);
                    assertTrue(e.iface().length() <= 15, e.iface());
                    String shown = lab.ip(e.ns(), "addr", "show", "dev", e.iface()).requireOk().output();
                    assertTrue(shown.contains("inet " + e.v4() + "/24"), shown);
                    assertTrue(shown.contains("inet6 " + e.v6() + "/64"), shown);
                    assertTrue(shown.contains("state UP") || shown.contains("LOWER_UP"), shown);
                }
            }
            // The veth ends live only in the test namespaces, never in the host's.
            Set<String> ifaces = Set.of(l1.a().iface(), l1.b().iface(), l2.a().iface(), l2.b().iface());
            assertTrue(disjoint(rootInterfaces(), ifaces), "veth visible in the root namespace");
            // Usable at once, IPv4 and IPv6 (nodad), both directions.
            assertTrue(lab.ping(a, l1.b().v4(), 2, T).allReceived());
            assertTrue(lab.ping(b, l1.a().v6(), 2, T).allReceived());
            assertTrue(lab.ping(a, l2.b().v6(), 2, T).allReceived());
        }
        assertEquals(rootBefore, rootInterfaces(), "the root namespace's interfaces changed");
    }

    @Test
    void closeRemovesNamespacesAndTheirVeths(TestInfo info) throws Exception {
        List<String> names = new ArrayList<>();
        List<String> nsIds = new ArrayList<>();
        NetLab lab = NetLab.open(name(info));
        try {
            Ns a = lab.namespace("a");
            Ns b = lab.namespace("b");
            lab.link(a, b);
            for (Ns ns : List.of(a, b)) {
                names.add(ns.name());
                nsIds.add(netnsId(ns.name()));
            }
            assertTrue(Namespaces.list().containsAll(names));
        } finally {
            lab.close();
        }
        assertGone(names, nsIds);
        lab.close(); // idempotent
        assertTrue(lab.isClosed());
        assertThrows(IllegalStateException.class, () -> lab.namespace("again"));
    }

    @Test
    void cleanupHappensAlsoWhenTheTestBodyThrows(TestInfo info) throws Exception {
        List<String> names = new ArrayList<>();
        List<String> nsIds = new ArrayList<>();
        AtomicReference<NsProcess> proc = new AtomicReference<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (NetLab lab = NetLab.open(name(info))) {
                Ns a = lab.namespace("a");
                Ns b = lab.namespace("b");
                lab.link(a, b);
                names.add(a.name());
                names.add(b.name());
                nsIds.add(netnsId(a.name()));
                nsIds.add(netnsId(b.name()));
                proc.set(lab.start(b, "sleeper", "sleep", "600"));
                throw new IllegalStateException("test body failed");
            }
        });
        assertEquals("test body failed", thrown.getMessage());
        assertGone(names, nsIds);
        assertFalse(ProcessTrees.isRunning(proc.get().pid()), "process survived");
    }

    @Test
    void closeKillsWholeProcessTreesAndDaemonsThatEscapedThem(TestInfo info) throws Exception {
        NsProcess tree;
        long child;
        long escaped;
        try (NetLab lab = NetLab.open(name(info))) {
            Ns ns = lab.namespace("procs");
            // A shell with a child, and a daemon that double-forked out of the shell's tree (setsid, parent
            // gone), like a launcher that backgrounds a JVM: only "ip netns pids" still finds it.
            tree = lab.start(ns, "tree", "sh", "-c",
                    "(setsid sleep 601 </dev/null >/dev/null 2>&1 & echo escaped=$!); "
                            + "sleep 602 & echo child=$!; trap '' TERM; wait");
            child = Long.parseLong(tree.awaitMatch(Pattern.compile("child=(\\d+)"), T).group(1));
            escaped = Long.parseLong(tree.awaitMatch(Pattern.compile("escaped=(\\d+)"), T).group(1));
            long escapedPid = escaped;
            assertTrue(ProcessTrees.isRunning(child) && ProcessTrees.isRunning(escaped));
            assertTrue(tree.handle().descendants().anyMatch(h -> h.pid() == child));
            assertFalse(tree.handle().descendants().anyMatch(h -> h.pid() == escapedPid),
                    "the daemon should have left the process tree");
            assertTrue(Namespaces.pids(ns.name()).contains(escaped));
        }
        // The shell ignores SIGTERM: close() had to escalate to SIGKILL.
        assertFalse(ProcessTrees.isRunning(tree.pid()), "shell survived");
        assertFalse(ProcessTrees.isRunning(child), "child survived");
        assertFalse(ProcessTrees.isRunning(escaped), "escaped daemon survived");
        assertNotEquals(0, tree.exitCode());
    }

    @Test
    void underlayAddressesOutsideTheTestRangesAreRefused(TestInfo info) throws Exception {
        for (String bad : List.of("192.0.2.1/24", "10.1.2.3/24", "198.20.0.1/24", "198.17.255.1/24",
                "8.8.8.8", "2001:db8::1/64", "fd19::1/64", "fd00:8::1/64", "198.18.0.0/14", "fd18::/15")) {
            assertThrows(IllegalArgumentException.class, () -> AddressRules.requireUnderlay(bad), bad);
        }
        for (String good : List.of("198.18.0.1/24", "198.19.255.254/30", "fd18::1/64", "fd18:ffff::1/64")) {
            AddressRules.requireUnderlay(good);
        }
        assertThrows(IllegalArgumentException.class, () -> AddressRules.requireUnderlay("example.com"));
        for (String bad : List.of("8.8.8.8", "192.0.2.1", "2001:4860:4860::8888", "1.1.1.0/24")) {
            assertThrows(IllegalArgumentException.class, () -> AddressRules.requireTestDestination(bad), bad);
        }
        for (String good : List.of("10.8.0.1", "fd00:8::1", "198.18.3.1", "fd18::2", "127.0.0.1")) {
            AddressRules.requireTestDestination(good);
        }

        try (NetLab lab = NetLab.open(name(info))) {
            Ns a = lab.namespace("a");
            Ns b = lab.namespace("b");
            Link l = lab.link(a, b);
            String iface = l.a().iface();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> lab.addAddress(a, iface, "192.0.2.10/24"));
            assertTrue(e.getMessage().contains("198.18.0.0/15"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> lab.addAddress(a, iface, "2001:db8::10/64"));
            assertThrows(IllegalArgumentException.class, () -> lab.ip(a, "addr", "add", "192.0.2.10/24", "dev", iface));
            assertThrows(IllegalArgumentException.class, () -> lab.ip(a, "-6", "route", "add", "2001:db8::/32", "dev", iface));
            assertThrows(IllegalArgumentException.class, () -> lab.addRoute(a, "default", "192.0.2.1"));
            assertThrows(IllegalArgumentException.class, () -> lab.addRoute(a, "8.8.8.0/24", l.b().v4()));
            assertThrows(IllegalArgumentException.class, () -> lab.ping(a, "8.8.8.8", 1, T));
            assertThrows(IllegalArgumentException.class,
                    () -> Iperf3.tcp(Duration.ofSeconds(1)).run(lab, b, "192.0.2.1", a));
            lab.addAddress(a, iface, "198.19.255.1/24");
            lab.addAddress(a, iface, "fd18:ffff::1/64");
            String shown = lab.ip(a, "addr", "show", "dev", iface).requireOk().output();
            assertFalse(shown.contains("192.0.2.10") || shown.contains("2001:db8"), shown);
            assertTrue(shown.contains("198.19.255.1/24") && shown.contains("fd18:ffff::1/64"), shown);
        }
    }

    @Test
    void awaitLineFailsWithTheProcessOutputWhenTheLineNeverComes(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(name(info))) {
            Ns ns = lab.namespace("wait");
            NsProcess talker = lab.start(ns, "talker", "sh", "-c", "echo hello from the talker; echo ready; sleep 600");
            assertEquals("ready", talker.awaitLine("ready", T));

            long t0 = System.nanoTime();
            AssertionError timeout = assertThrows(AssertionError.class,
                    () -> talker.awaitLine("never printed", Duration.ofMillis(700)));
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
            String m = timeout.getMessage();
            assertTrue(m.contains("no output line matching") && m.contains("never printed") && m.contains("timed out"), m);
            assertTrue(m.contains("hello from the talker") && m.contains(talker.logFile().toString()), m);

            // A process that dies makes the wait fail at once, not at the timeout, with its exit code.
            NsProcess quitter = lab.start(ns, "quitter", "sh", "-c", "echo giving up; exit 3");
            t0 = System.nanoTime();
            AssertionError died = assertThrows(AssertionError.class,
                    () -> quitter.awaitLine("never printed", Duration.ofSeconds(30)));
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "waited for the timeout");
            assertTrue(died.getMessage().contains("exited first with exit code 3")
                    && died.getMessage().contains("giving up"), died.getMessage());
            assertEquals(3, quitter.exitCode());

            // The log file has what the process printed.
            String log = Files.readString(talker.logFile());
            assertTrue(log.contains("hello from the talker"), log);
        }
    }

    @Test
    void anInterruptedTestStillCleansUpAndKeepsItsInterrupt(TestInfo info) throws Exception {
        AtomicReference<Throwable> result = new AtomicReference<>();
        AtomicReference<Boolean> flagAfterClose = new AtomicReference<>();
        AtomicReference<String> nsName = new AtomicReference<>();
        AtomicReference<Long> pid = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread testThread = new Thread(() -> {
            NetLab lab = NetLab.open(name(info));
            try {
                Ns ns = lab.namespace("intr");
                nsName.set(ns.name());
                NsProcess p = lab.start(ns, "sleeper", "sh", "-c", "echo started; sleep 600");
                pid.set(p.pid());
                p.awaitLine("started", T);
                waiting.countDown();
                p.awaitLine("never printed", Duration.ofSeconds(50)); // what JUnit's @Timeout interrupts
            } catch (Throwable t) {
                result.set(t);
            } finally {
                Thread.currentThread().interrupt(); // close() must work with the flag set, and keep it
                lab.close();
                flagAfterClose.set(Thread.currentThread().isInterrupted());
            }
        }, "interrupted-test");
        testThread.start();
        assertTrue(waiting.await(20, TimeUnit.SECONDS), "test thread never got to its wait");
        Thread.sleep(200);
        testThread.interrupt();
        testThread.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(testThread.isAlive());
        assertTrue(result.get() instanceof InterruptedException, String.valueOf(result.get()));
        assertEquals(Boolean.TRUE, flagAfterClose.get());
        assertFalse(Namespaces.list().contains(nsName.get()));
        assertFalse(ProcessTrees.isRunning(pid.get()));
    }

    @Test
    void sigtermOfTheTestJvmRemovesItsLabsThroughTheShutdownHook() throws Exception {
        ChildJvm child = ChildJvm.start("sigterm");
        try {
            assertTrue(Namespaces.list().containsAll(child.namespaces));
            // SIGTERM, as Maven or CI sends on Ctrl-C / cancel (via the handle: Process.destroy() would also
            // close our end of its output pipe and lose what the shutdown hook prints).
            child.process.toHandle().destroy();
            assertTrue(child.process.waitFor(20, TimeUnit.SECONDS), "child JVM did not exit");
            assertGone(child.namespaces, List.of());
            assertFalse(ProcessTrees.isRunning(child.sleeperPid), "the child's process survived");
            // It kept opening labs while shutting down (as JUnit would); none may survive it.
            String prefix = NetLab.PREFIX + child.process.pid() + "-";
            assertEquals(List.of(), Namespaces.list().stream().filter(n -> n.startsWith(prefix)).toList());
            assertTrue(child.output().contains("JVM shutting down: closing lab"), child.output());
        } finally {
            child.kill();
        }
    }

    @Test
    void sigkillOfTheTestJvmLeavesLabsThatTheNextRunSweeps() throws Exception {
        ChildJvm child = ChildJvm.start("sigkill");
        try {
            child.process.destroyForcibly(); // no hooks run
            assertTrue(child.process.waitFor(20, TimeUnit.SECONDS));
            assertTrue(Namespaces.list().containsAll(child.namespaces), "nothing should have cleaned up yet");
            assertTrue(ProcessTrees.isRunning(child.sleeperPid));

            List<String> swept = LabJanitor.sweepStale();
            assertTrue(swept.containsAll(child.namespaces), "swept " + swept);
            assertGone(child.namespaces, List.of());
            assertFalse(ProcessTrees.isRunning(child.sleeperPid), "the dead JVM's process survived the sweep");
        } finally {
            child.kill();
            for (String n : child.namespaces) {
                if (Namespaces.exists(n)) {
                    Namespaces.remove(n, Duration.ofSeconds(5));
                }
            }
        }
    }

    @Test
    void sweepLeavesNamespacesOfLiveJvmsAlone(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(name(info))) {
            Ns ns = lab.namespace("mine");
            assertFalse(LabJanitor.sweepStale().contains(ns.name()));
            assertTrue(Namespaces.exists(ns.name()));
            Matcher m = LabJanitor.NAME.matcher(ns.name());
            assertTrue(m.matches(), ns.name());
            assertEquals(ProcessHandle.current().pid(), Long.parseLong(m.group(1)));
        }
    }

    @Test
    void linksCarryPingAndIperf3OverIpv4AndIpv6(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(name(info))) {
            Ns a = lab.namespace("a");
            Ns b = lab.namespace("b");
            Link l = lab.link(a, b);
            PingResult p4 = lab.ping(a, l.b().v4(), 3, T);
            assertEquals(3, p4.transmitted(), p4::toString);
            assertEquals(3, p4.received(), p4::toString);
            assertEquals(0.0, p4.lossPercent());
            assertTrue(lab.ping(b, l.a().v6(), 3, T).allReceived());
            // Nobody has this address: nothing answers, and the deadline bounds the wait.
            PingResult none = lab.ping(a, "198.18.0.99", 2, Duration.ofSeconds(2));
            assertEquals(0, none.received(), none::toString);
            assertFalse(none.anyReceived());

            Iperf3Result tcp = Iperf3.tcp(Duration.ofSeconds(1)).run(lab, b, l.b().v4(), a);
            assertTrue(tcp.receivedBitsPerSecond() > 0, tcp::toString);
            Iperf3Result udp = Iperf3.udp(Duration.ofSeconds(1), 10_000_000).run(lab, a, l.a().v6(), b);
            assertTrue(udp.receivedBitsPerSecond() > 0, udp::toString);
            assertTrue(udp.lostPercent() >= 0 && udp.lostPercent() < 50, udp::toString);
        }
    }

    @Test
    void aRouterNamespaceForwardsBetweenLinks(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(name(info))) {
            Ns client = lab.namespace("client");
            Ns router = lab.namespace("router");
            Ns lan = lab.namespace("lan");
            Link up = lab.link(client, router);
            Link down = lab.link(router, lan);
            // Without forwarding and routes the LAN is unreachable from the client.
            assertFalse(lab.ping(client, down.b().v4(), 1, Duration.ofSeconds(1)).anyReceived());

            lab.enableForwarding(router);
            lab.addRoute(client, down.v4Network(), up.b().v4());
            lab.addRoute(client, down.v6Network(), up.b().v6());
            lab.addRoute(lan, up.v4Network(), down.a().v4());
            lab.addRoute(lan, up.v6Network(), down.a().v6());
            assertTrue(lab.ping(client, down.b().v4(), 2, T).allReceived());
            assertTrue(lab.ping(client, down.b().v6(), 2, T).allReceived());
        }
    }

    @Test
    void missingPreconditionsFailNamingWhatIsMissingAndNeverSkip() {
        List<String> missing = Preconditions.missing(1000, Path.of("/nonexistent/net/tun"), c -> Optional.empty());
        String message = Preconditions.message(missing);
        for (String expected : List.of("root (running as uid 1000)", "/nonexistent/net/tun", "the ip command",
                "the openvpn command", "the iperf3 command", "the ping command")) {
            assertTrue(message.contains(expected), message);
        }
        assertTrue(message.startsWith("interop tests need root, /dev/net/tun and the ip/openvpn/iperf3/ping commands"));
        // An AssertionError is a test failure; JUnit skips only on TestAbortedException (a RuntimeException).
        AssertionError e = assertThrows(AssertionError.class, () -> Preconditions.require(missing));
        assertEquals(message, e.getMessage());
        assertEquals(List.of(), Preconditions.missing(0, Path.of("/dev/net/tun"), c -> Optional.of(Path.of("/bin/true"))));
        Preconditions.requireRootAndTun(); // this machine has everything
    }

    @Test
    void testPkiIssuesWhatOpenVpnsRemoteCertTlsChecks(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (TestPki.KeyType type : TestPki.KeyType.values()) {
            TestPki pki = TestPki.create(dir.resolve(type.name()), type);
            IssuedCert server = pki.server("server");
            IssuedCert client = pki.client("alice");
            IssuedCert self = pki.selfSignedServer("lonely");
            server.certificate().verify(pki.caCertificate().getPublicKey());
            client.certificate().verify(pki.caCertificate().getPublicKey());
            self.certificate().verify(self.certificate().getPublicKey());
            assertEquals(type == TestPki.KeyType.RSA_2048 ? "RSA" : "EC", server.privateKey().getAlgorithm());
            assertTrue(pki.caCertificate().getBasicConstraints() >= 0, "CA must be a CA");
            assertEquals(-1, server.certificate().getBasicConstraints());
            // KU bits: 0 digitalSignature, 2 keyEncipherment; EKU serverAuth / clientAuth.
            boolean[] ku = server.certificate().getKeyUsage();
            assertTrue(ku[0] && ku[2], "server KU");
            assertTrue(client.certificate().getKeyUsage()[0], "client KU");
            assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.certificate().getExtendedKeyUsage());
            assertEquals(List.of("1.3.6.1.5.5.7.3.2"), client.certificate().getExtendedKeyUsage());
            assertTrue(server.certificate().getSubjectX500Principal().getName().contains("CN=server"));
            assertEquals(self.certificate().getSubjectX500Principal(), self.certificate().getIssuerX500Principal());
            assertTrue(self.sha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), self.sha256Fingerprint());
            for (Path p : List.of(pki.caCert(), server.cert(), server.key(), client.cert(), client.key())) {
                assertTrue(Files.readString(p).startsWith("-----BEGIN "), p.toString());
            }
            assertTrue(Files.readString(server.key()).startsWith("-----BEGIN PRIVATE KEY-----"));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(server.key())));
        }
    }

    @Test
    void openVpnGenkeyWritesStaticKeys(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (OpenVpnKeys.Kind kind : OpenVpnKeys.Kind.values()) {
            Path key = OpenVpnKeys.genkey(kind, dir.resolve(kind.name() + ".key"));
            String text = Files.readString(key);
            assertTrue(text.contains("-----BEGIN "), kind + ": " + text);
        }
        Path v2client = OpenVpnKeys.tlsCryptV2Client(dir.resolve("TLS_CRYPT_V2_SERVER.key"), dir.resolve("v2client.key"));
        assertTrue(Files.readString(v2client).contains("-----BEGIN OpenVPN tls-crypt-v2 client key-----"));
    }

    // --- helpers ---

    /** The namespaces' names are gone, and no process anywhere still uses them (so their veths are gone). */
    private static void assertGone(List<String> names, List<String> nsIds) throws IOException {
        List<String> now = Namespaces.list();
        for (String n : names) {
            assertFalse(now.contains(n), n + " still listed");
            assertFalse(Files.exists(Path.of("/run/netns", n)), n + " still mounted");
        }
        Set<String> inUse = netnsIdsInUse();
        for (String id : nsIds) {
            assertFalse(inUse.contains(id), "a process still lives in " + id);
        }
    }

    /** "net:[4026532...]" of a named namespace. */
    private static String netnsId(String name) throws IOException {
        return "net:[" + Files.getAttribute(Path.of("/run/netns", name), "unix:ino") + "]";
    }

    private static Set<String> netnsIdsInUse() throws IOException {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    ids.add(Files.readSymbolicLink(p.resolve("ns/net")).toString());
                } catch (IOException | SecurityException ignored) {
                    // exited meanwhile, or a kernel thread
                }
            }
        }
        return ids;
    }

    private static Set<String> rootInterfaces() {
        Set<String> names = new HashSet<>();
        String out = Commands.run(T, Commands.path("ip"), "-o", "link", "show").requireOk().output();
        for (String line : out.split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1) {
                names.add(f[1].split("@")[0].trim());
            }
        }
        return names;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }

    /** A second test JVM running {@link NetLabChildProbe}. */
    private static final class ChildJvm {
        final Process process;
        final List<String> namespaces;
        final long sleeperPid;
        final Path log;
        final Thread reader;

        private ChildJvm(Process process, List<String> namespaces, long sleeperPid, Path log, Thread reader) {
            this.process = process;
            this.namespaces = namespaces;
            this.sleeperPid = sleeperPid;
            this.log = log;
            this.reader = reader;
        }

        static ChildJvm start(String mode) throws Exception {
            Path dir = NetLab.baseDir().resolve("NetLabIT-child-" + mode);
            Files.createDirectories(dir);
            Path log = dir.resolve("child-jvm.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dnetlab.dir=" + NetLab.baseDir(), NetLabChildProbe.class.getName(), mode)
                    .redirectErrorStream(true).start();
            // Read READY from stdout with a deadline; keep copying the rest to the log.
            AtomicReference<String> ready = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        if (line.startsWith("READY ")) {
                            synchronized (ready) {
                                ready.set(line);
                                ready.notifyAll();
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // child gone
                }
            }, "child-jvm-" + mode);
            Files.deleteIfExists(log);
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (ready) {
                while (ready.get() == null && p.isAlive() && System.nanoTime() < deadline) {
                    ready.wait(100);
                }
            }
            if (ready.get() == null) {
                p.destroyForcibly();
                throw new AssertionError("child JVM never got ready; log " + log + ":\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            String[] f = ready.get().split(" ");
            return new ChildJvm(p, List.of(f[1], f[2]), Long.parseLong(f[3]), log, reader);
        }

        /** Everything the child printed; call after it exited (waits for the last lines to be copied). */
        String output() throws IOException, InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(5));
            return Files.exists(log) ? Files.readString(log) : "";
        }

        void kill() {
            if (process.isAlive()) {
                ProcessTrees.killTree(process.toHandle());
            }
        }
    }
}

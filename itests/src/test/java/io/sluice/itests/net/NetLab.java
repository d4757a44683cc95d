package io.sluice.itests.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One test's private network: namespaces joined by veth pairs, and the processes running in them.
 *
 * <p>Everything a test sends stays inside namespaces this lab created: the JVM never enters a
 * namespace (it drives {@code ip -n} and {@code ip netns exec}), veth pairs are created directly inside
 * a test namespace with the peer end placed in the other one (they never appear in the host's root
 * namespace), and underlay addresses come only from 198.18.0.0/15 and fd18::/16 (see
 * {@link AddressRules}). Nothing here touches the root namespace's interfaces or routes.
 *
 * <p>{@link #close()} kills every process the lab started (whole trees, then whatever
 * {@code ip netns pids} still finds, with SIGKILL) and deletes the namespaces; it is idempotent and
 * also run by a JVM shutdown hook; stale namespaces of killed JVMs are swept at the next run (see
 * {@link LabJanitor}). Use it with try-with-resources:
 *
 * <pre>{@code
 * try (NetLab lab = NetLab.open("MyIT-udp")) {
 *     Ns server = lab.namespace("server");
 *     Ns client = lab.namespace("client");
 *     Link link = lab.link(server, client);          // 198.18.0.1 <-> 198.18.0.2, fd18:0:0:0::1 <-> ::2
 *     NsProcess p = lab.start(server, "srv", "some-daemon", "--flag");
 *     p.awaitLine("ready", Duration.ofSeconds(10));
 *     assertTrue(lab.ping(client, link.a().v4(), 3, Duration.ofSeconds(5)).allReceived());
 * }
 * }</pre>
 *
 * Logs (every command the lab ran, every process's output) go to {@code target/netlab/<test name>/}.
 */
public final class NetLab implements AutoCloseable {

    /** Prefix of every namespace the harness creates; the stale sweep relies on it. */
    static final String PREFIX = "slc";

    /** Links get consecutive /24s of 198.18.0.0/15, so at most 512 per lab. */
    static final int MAX_LINKS = 512;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration IP_TIMEOUT = Namespaces.IP_TIMEOUT;
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final String testName;
    private final Path dir;
    private final Path labLog;
    private final List<Ns> namespaces = new ArrayList<>();
    private final List<NsProcess> processes = new ArrayList<>();
    private final Map<String, Integer> processNames = new HashMap<>();
    private int links;
    private boolean closed;

    private NetLab(String testName) {
        this.testName = testName;
        this.dir = baseDir().resolve(safe(testName, 120));
        this.labLog = dir.resolve("netlab.log");
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create log directory " + dir, e);
        }
    }

    /**
     * Opens a lab for one test. Fails (never skips) when the machine cannot run interop tests (see
     * {@link Preconditions}); sweeps stale namespaces of dead test JVMs once per JVM.
     *
     * @param testName names the log directory {@code target/netlab/<testName>} (emptied first, so use
     *        one name per test method)
     */
    public static NetLab open(String testName) {
        Preconditions.requireRootAndTun();
        LabJanitor.sweepStaleOnce();
        NetLab lab = new NetLab(testName);
        LabJanitor.register(lab); // before any namespace exists, so the shutdown hook always sees it
        return lab;
    }

    /** {@code -Dnetlab.dir} if set, else {@code <module>/target/netlab}. */
    static Path baseDir() {
        String explicit = System.getProperty("netlab.dir");
        if (explicit != null) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("basedir", "."), "target", "netlab").toAbsolutePath().normalize();
    }

    public String testName() {
        return testName;
    }

    /** This test's log directory; put configs, keys and other files for its peers here too. */
    public Path dir() {
        return dir;
    }

    /** A new namespace for {@code role} ("server", "client", ...), with {@code lo} up. */
    public synchronized Ns namespace(String role) {
        requireOpen();
        String name = PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-" + safe(role, 12);
        Ns ns = new Ns(name, role);
        runIp("netns", "add", name);
        namespaces.add(ns); // registered before anything else can fail, so close() removes it
        runIp("-n", name, "link", "set", "lo", "up");
        return ns;
    }

    /**
     * Joins two namespaces of this lab with a veth pair. The pair is created inside {@code a} with its
     * peer placed straight into {@code b}; each end gets the next free /24 of 198.18.0.0/15 (.1 in
     * {@code a}, .2 in {@code b}) and /64 of fd18::/16 (::1, ::2, without duplicate address detection
     * so it is usable at once), and both are brought up.
     */
    public synchronized Link link(Ns a, Ns b) {
        requireOpen();
        requireMine(a);
        requireMine(b);
        if (a.equals(b)) {
            throw new IllegalArgumentException("cannot link " + a + " to itself");
        }
        if (links >= MAX_LINKS) {
            throw new IllegalStateException("a lab has at most " + MAX_LINKS + " links");
        }
        int i = links++;
        String ifA = ifName(i, b.role());
        String ifB = ifName(i, a.role());
        runIp("-n", a.name(), "link", "add", ifA, "type", "veth", "peer", "name", ifB, "netns", b.name());
        // 198.18.0.0/15 = 198.18.0.0 .. 198.19.255.255: link i uses 198.(18 + i/256).(i%256).0/24.
        String net4 = "198." + (18 + i / 256) + "." + (i % 256) + ".";
        String net6 = "fd18:0:0:" + Integer.toHexString(i) + "::";
        LinkEnd endA = new LinkEnd(a, ifA, v4(net4 + 1), v6(net6 + 1));
        LinkEnd endB = new LinkEnd(b, ifB, v4(net4 + 2), v6(net6 + 2));
        for (LinkEnd e : List.of(endA, endB)) {
            addAddress(e.ns(), e.iface(), e.v4() + "/24");
            addAddress(e.ns(), e.iface(), e.v6() + "/64");
            runIp("-n", e.ns().name(), "link", "set", e.iface(), "up");
        }
        return new Link(endA, endB, 24, 64);
    }

    /**
     * Adds an underlay address ("198.18.200.1/24", "fd18:ff::1/64") to an interface in one of this
     * lab's namespaces. Refuses anything outside 198.18.0.0/15 and fd18::/16. IPv6 addresses are
     * added with {@code nodad}.
     */
    public synchronized void addAddress(Ns ns, String iface, String cidr) {
        requireOpen();
        requireMine(ns);
        AddressRules.requireUnderlay(cidr);
        if (cidr.contains(":")) {
            runIp("-n", ns.name(), "-6", "addr", "add", cidr, "dev", iface, "nodad");
        } else {
            runIp("-n", ns.name(), "addr", "add", cidr, "dev", iface);
        }
    }

    /** Turns the namespace into a router (IPv4 and IPv6 forwarding), e.g. the server between client and LAN. */
    public synchronized void enableForwarding(Ns ns) {
        requireOpen();
        requireMine(ns);
        exec(ns, IP_TIMEOUT, "sh", "-c",
                "echo 1 > /proc/sys/net/ipv4/ip_forward && echo 1 > /proc/sys/net/ipv6/conf/all/forwarding")
                .requireOk();
    }

    /**
     * Adds a route inside one of this lab's namespaces: {@code destination} ("198.18.5.0/24",
     * "10.8.0.0/24", "fd00:8::/64" or "default") via {@code gateway}. Both must be test addresses (see
     * {@link AddressRules#requireTestDestination}).
     */
    public synchronized void addRoute(Ns ns, String destination, String gateway) {
        requireOpen();
        requireMine(ns);
        if (!destination.equals("default")) {
            AddressRules.requireTestDestination(destination);
        }
        AddressRules.requireTestDestination(gateway);
        String family = gateway.contains(":") ? "-6" : "-4";
        runIp("-n", ns.name(), family, "route", "add", destination, "via", gateway);
    }

    /**
     * Runs {@code ip -n <ns> args...} and returns its result (failures are returned, not thrown), for
     * looking at a namespace ("addr show dev tun0", "route"). Adding addresses or routes must go
     * through {@link #addAddress} and {@link #addRoute}, which enforce the address rule.
     */
    public CommandResult ip(Ns ns, String... args) {
        requireMine(ns);
        List<String> a = List.of(args);
        int obj = 0;
        while (obj < a.size() && a.get(obj).startsWith("-")) {
            obj++;
        }
        boolean adds = obj + 1 < a.size()
                && a.get(obj).matches("a|ad|add|addr|addre|addres|address|r|ro|rou|rout|route")
                && a.subList(obj + 1, a.size()).stream().anyMatch(x -> x.matches("a|add|append|replace|change|prepend"));
        if (adds) {
            throw new IllegalArgumentException("use addAddress/addRoute, which enforce the address rule: ip "
                    + String.join(" ", args));
        }
        List<String> cmd = new ArrayList<>(List.of(Commands.path("ip"), "-n", ns.name()));
        cmd.addAll(a);
        return log(Commands.run(IP_TIMEOUT, cmd));
    }

    /**
     * Runs a short command inside the namespace to completion and returns its output (not thrown on
     * failure). It is killed, and this throws, when it outlives {@code timeout}.
     */
    public CommandResult exec(Ns ns, Duration timeout, String... command) {
        requireMine(ns);
        List<String> cmd = new ArrayList<>(List.of(Commands.path("ip"), "netns", "exec", ns.name()));
        cmd.addAll(Commands.resolveFirst(List.of(command)));
        return log(Commands.run(timeout, cmd));
    }

    /** Starts a long-running process inside the namespace; its output goes to {@code <dir>/<name>.log}. */
    public NsProcess start(Ns ns, String name, String... command) {
        return start(ns, name, List.of(command), Map.of(), null);
    }

    /**
     * Starts a long-running process inside the namespace with extra environment variables and a working
     * directory (null: the JVM's). The lab stops it, and everything it forked, when it closes.
     */
    public synchronized NsProcess start(Ns ns, String name, List<String> command, Map<String, String> env,
            Path workDir) {
        requireOpen();
        requireMine(ns);
        int n = processNames.merge(name, 1, Integer::sum);
        String unique = n == 1 ? name : name + "-" + n;
        NsProcess p = new NsProcess(unique, ns, command, env, workDir, dir.resolve(safe(unique, 80) + ".log"));
        processes.add(p);
        note("started " + p);
        return p;
    }

    /** Pings {@code address} from inside {@code from}; see {@link Ping}. */
    public PingResult ping(Ns from, String address, int count, Duration timeout) {
        return Ping.run(this, from, address, count, timeout);
    }

    /** The namespaces created so far. */
    public synchronized List<Ns> namespaces() {
        return List.copyOf(namespaces);
    }

    /** The processes started so far. */
    public synchronized List<NsProcess> processes() {
        return List.copyOf(processes);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Stops every process this lab started (SIGTERM, a short grace, then SIGKILL for the whole tree),
     * SIGKILLs anything else still inside its namespaces and deletes them. Safe to call twice, from a
     * shutdown hook, and from an interrupted thread (the interrupt flag is kept). Throws if something
     * could not be removed, so that a leak is loud.
     */
    @Override
    public void close() {
        List<NsProcess> procs;
        List<Ns> nss;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            procs = new ArrayList<>(processes);
            nss = new ArrayList<>(namespaces);
        }
        boolean interrupted = Thread.interrupted();
        List<String> problems = new ArrayList<>();
        try {
            Map<NsProcess, List<ProcessHandle>> trees = new HashMap<>();
            for (NsProcess p : procs) {
                try {
                    trees.put(p, p.beginStop());
                } catch (RuntimeException e) {
                    problems.add("stopping " + p + ": " + e);
                }
            }
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            for (Map.Entry<NsProcess, List<ProcessHandle>> e : trees.entrySet()) {
                try {
                    e.getKey().finishStop(e.getValue(), deadline);
                    note("stopped " + e.getKey().name() + " (exit " + (e.getKey().isAlive() ? "?" : e.getKey().exitCode()) + ")");
                } catch (RuntimeException ex) {
                    problems.add("stopping " + e.getKey() + ": " + ex);
                }
            }
            Collections.reverse(nss);
            for (Ns ns : nss) {
                try {
                    String problem = Namespaces.remove(ns.name(), Duration.ofSeconds(5));
                    note("removed namespace " + ns + (problem.isEmpty() ? "" : ": " + problem));
                    if (!problem.isEmpty()) {
                        problems.add(problem);
                    }
                } catch (RuntimeException e) {
                    problems.add("removing " + ns + ": " + e);
                }
            }
        } finally {
            LabJanitor.unregister(this);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("lab " + testName + " did not clean up completely: " + problems);
        }
    }

    // --- internals ---

    private void runIp(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Commands.path("ip")));
        cmd.addAll(List.of(args));
        log(Commands.run(IP_TIMEOUT, cmd)).requireOk();
    }

    private CommandResult log(CommandResult r) {
        note("$ " + String.join(" ", r.command()) + " -> " + r.exitCode()
                + (r.output().isBlank() ? "" : "\n" + r.output().stripTrailing()));
        return r;
    }

    private void note(String text) {
        try {
            Files.writeString(labLog, LocalTime.now() + " " + text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The log is a convenience; the lab works without it.
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("lab " + testName + " is closed");
        }
    }

    private synchronized void requireMine(Ns ns) {
        if (!namespaces.contains(ns)) {
            throw new IllegalArgumentException(ns + " does not belong to lab " + testName);
        }
    }

    /** Interface names are at most 15 characters: "v<index>-<peer role>". */
    static String ifName(int index, String peerRole) {
        String s = "v" + index + "-" + safe(peerRole, 15);
        return s.length() <= 15 ? s : s.substring(0, 15);
    }

    static String safe(String s, int max) {
        String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
        if (t.isEmpty()) {
            t = "x";
        }
        return t.length() <= max ? t : t.substring(0, max);
    }

    private static Inet4Address v4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static Inet6Address v6(String s) {
        try {
            return (Inet6Address) InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    @Override
    public String toString() {
        return "NetLab[" + testName + ", " + namespaces + "]";
    }
}

package io.sluice.itests.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.CommandResult;
import io.sluice.itests.net.Link;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.Preconditions;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The Linux host routes service (sluice-tun-linux's {@code LinuxHostRoutes}) on the real kernel. Each
 * test builds a "client" namespace joined by a veth pair to a "gateway" namespace (198.18.0.1 ↔
 * 198.18.0.2, fd18::1 ↔ fd18::2), with default routes via the gateway where the test says; a
 * {@link HostRoutesAgent} JVM in the client namespace looks routes up and adds and removes them on
 * command, and the test checks the answers against what {@code ip} shows. The "VPN server"
 * (198.19.77.1, fd18:77::1) is an address only routed to, never sent to: no test sends a packet.
 * Nothing runs in, or changes, the root namespace.
 *
 * <p>Needs root and /dev/net/tun; without them the tests fail (see {@link Preconditions}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostRoutesIT {

    private static final String SERVER4 = "198.19.77.1";
    private static final String SERVER6 = "fd18:77::1";

    @BeforeAll
    static void machineAndClassPath() {
        Preconditions.requireRootAndTun();
        for (String impl : List.of(HostRoutesAgent.HOST_ROUTES_CLASS, TunEchoAgent.DRIVER_CLASS)) {
            try {
                Class.forName(impl, false, HostRoutesIT.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(impl + " is not on the test class path; itests/pom.xml needs a test-scoped"
                        + " dependency on io.sluice:sluice-tun-linux:${project.version}", e);
            }
        }
    }

    /** The client namespace, its veth end and the agent in it. */
    private record Client(Ns ns, Link link, String dev, int index, AgentProcess agent) implements AutoCloseable {

        String gateway4() {
            return link.b().v4();
        }

        String gateway6() {
            return link.b().v6();
        }

        String own4() {
            return link.a().v4();
        }

        String own6() {
            return link.a().v6();
        }

        String lookup(String address) throws InterruptedException {
            return agent.ask("lookup " + address, "^(VIA|NOROUTE) ");
        }

        @Override
        public void close() {
            agent.close();
        }
    }

    private static Client client(NetLab lab) throws InterruptedException {
        Ns client = lab.namespace("client");
        Ns gateway = lab.namespace("gateway");
        Link link = lab.link(client, gateway);
        String dev = link.a().iface();
        String show = lab.ip(client, "-o", "link", "show", "dev", dev).requireOk().output();
        Matcher m = Pattern.compile("^(\\d+): ").matcher(show);
        assertTrue(m.find(), show);
        AgentProcess agent = AgentProcess.launch(lab, client, "routes", HostRoutesAgent.class,
                fifo -> List.of(fifo.toString()));
        agent.process().awaitLine(Pattern.compile("^READY$"), AgentProcess.ANSWER);
        return new Client(client, link, dev, Integer.parseInt(m.group(1)), agent);
    }

    private static String test(TestInfo info) {
        return "HostRoutesIT-" + info.getTestMethod().orElseThrow().getName();
    }

    /**
     * IPv4: without a default route there is no route to an outside address; with one, the lookup
     * names its gateway, the veth, the source address and the default route; a directly connected
     * address has no gateway; a host route via the gateway is added (once: again is "exists"), shows
     * in {@code ip route} and in the next lookup, and is removed (once: again is "not there").
     */
    @Test
    void ipv4LookupAddAndRemoveBehindAGateway(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(test(info)); Client c = client(lab)) {
            String dev = c.dev();
            assertEquals("NOROUTE " + SERVER4, c.lookup(SERVER4));

            lab.addRoute(c.ns(), "default", c.gateway4());
            assertEquals("VIA dst=" + SERVER4 + " net=0.0.0.0/0 gw=" + c.gateway4() + " dev=" + dev + " index="
                    + c.index() + " src=" + c.own4() + " metric=0", c.lookup(SERVER4));
            assertEquals("VIA dst=" + c.gateway4() + " net=198.18.0.0/24 gw=- dev=" + dev + " index=" + c.index()
                    + " src=" + c.own4() + " metric=0", c.lookup(c.gateway4()), "directly connected: no gateway");
            assertTrue(c.lookup(c.own4()).contains(" gw=- dev=lo index=1 "), "an own address is reached through lo");

            String add = "add " + SERVER4 + "/32 via " + c.gateway4() + " dev " + dev;
            assertEquals("ADDED true", c.agent().ask(add, "^ADDED "));
            String shown = routeTo(lab, c, "-4", SERVER4 + "/32");
            assertEquals(SERVER4 + " via " + c.gateway4() + " dev " + dev + " proto static", shown);
            assertTrue(c.lookup(SERVER4).startsWith("VIA dst=" + SERVER4 + " net=" + SERVER4 + "/32 gw=" + c.gateway4()
                    + " dev=" + dev + " "), "the host route is what matches now");
            assertEquals("ADDED false", c.agent().ask(add, "^ADDED "), "the table has it already");

            String remove = "remove " + SERVER4 + "/32 via " + c.gateway4() + " dev " + dev;
            assertEquals("REMOVED true", c.agent().ask(remove, "^REMOVED "));
            assertEquals("", routeTo(lab, c, "-4", SERVER4 + "/32"));
            assertEquals("REMOVED false", c.agent().ask(remove, "^REMOVED "), "nothing left to remove");
            assertEquals("REMOVED false", c.agent().ask("remove " + SERVER4 + "/32 via " + c.gateway4()
                    + " dev nosuch0", "^REMOVED "), "a vanished device took its routes with it");

            String unreachable = c.agent().err("add 198.19.66.0/24 via 198.19.9.9 dev " + dev);
            assertTrue(unreachable.contains("IOException: add route 198.19.66.0/24 via 198.19.9.9 dev " + dev
                    + ": Network is unreachable (errno 101): Nexthop has invalid gateway"), unreachable);
            String noDevice = c.agent().err("add " + SERVER4 + "/32 via " + c.gateway4() + " dev nosuch0");
            assertTrue(noDevice.contains(": No such device (errno 19)"), noDevice);
            c.agent().ok("exit");
        }
    }

    /** IPv6, as for IPv4: the kernel's IPv6 metrics (1024 for a static route, 256 connected) come back too. */
    @Test
    void ipv6LookupAddAndRemoveBehindAGateway(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(test(info)); Client c = client(lab)) {
            String dev = c.dev();
            assertEquals("NOROUTE " + SERVER6, c.lookup(SERVER6));

            lab.addRoute(c.ns(), "default", c.gateway6());
            assertEquals("VIA dst=" + SERVER6 + " net=::/0 gw=" + c.gateway6() + " dev=" + dev + " index=" + c.index()
                    + " src=" + c.own6() + " metric=1024", c.lookup(SERVER6));
            assertEquals("VIA dst=" + c.gateway6() + " net=fd18::/64 gw=- dev=" + dev + " index=" + c.index()
                    + " src=" + c.own6() + " metric=256", c.lookup(c.gateway6()), "directly connected: no gateway");

            String add = "add " + SERVER6 + "/128 via " + c.gateway6() + " dev " + dev;
            assertEquals("ADDED true", c.agent().ask(add, "^ADDED "));
            assertEquals(SERVER6 + " via " + c.gateway6() + " dev " + dev + " proto static metric 1024 pref medium",
                    routeTo(lab, c, "-6", SERVER6 + "/128"));
            assertTrue(c.lookup(SERVER6).startsWith("VIA dst=" + SERVER6 + " net=" + SERVER6 + "/128 gw="
                    + c.gateway6() + " dev=" + dev + " "));
            assertEquals("ADDED false", c.agent().ask(add, "^ADDED "));

            String remove = "remove " + SERVER6 + "/128 via " + c.gateway6() + " dev " + dev;
            assertEquals("REMOVED true", c.agent().ask(remove, "^REMOVED "));
            assertEquals("", routeTo(lab, c, "-6", SERVER6 + "/128"));
            assertEquals("REMOVED false", c.agent().ask(remove, "^REMOVED "));
            c.agent().ok("exit");
        }
    }

    /**
     * The client's {@code redirect-gateway def1 ipv6} recipe end to end: pin the server's current
     * path with a host route, open the tunnel and add OpenVPN's redirect routes through it (0.0.0.0/1
     * and 128.0.0.0/1; ::/3, 2000::/4, 3000::/4 and fc00::/7, which covers the fd18:: server). Then
     * the server is still reached through the gateway while other addresses go into the tunnel, and
     * undoing it (remove the host routes, close the device) leaves both tables as they were.
     */
    @Test
    void redirectGatewayDef1KeepsTheServerOutsideTheTunnelAndDisconnectRestoresTheTables(TestInfo info)
            throws Exception {
        try (NetLab lab = NetLab.open(test(info)); Client c = client(lab)) {
            String dev = c.dev();
            lab.addRoute(c.ns(), "default", c.gateway4());
            lab.addRoute(c.ns(), "default", c.gateway6());
            String before4 = lab.ip(c.ns(), "-4", "route", "show").requireOk().output();
            String before6 = lab.ip(c.ns(), "-6", "route", "show").requireOk().output();

            assertEquals("PINNED added=true dev=" + dev, c.agent().ask("pin " + SERVER4, "^PINNED "));
            assertEquals("PINNED added=true dev=" + dev, c.agent().ask("pin " + SERVER6, "^PINNED "));
            String tun = c.agent().ask("tun 10.9.0.2/24 fd00:9::2/64", "^TUN ").substring("TUN name=".length());
            for (String half : List.of("0.0.0.0/1", "128.0.0.0/1")) {
                c.agent().ok("tunroute " + half + " via 10.9.0.1");
            }
            for (String part : List.of("::/3", "2000::/4", "3000::/4", "fc00::/7")) {
                c.agent().ok("tunroute " + part + " via fd00:9::1");
            }

            assertTrue(c.lookup(SERVER4).startsWith("VIA dst=" + SERVER4 + " net=" + SERVER4 + "/32 gw=" + c.gateway4()
                    + " dev=" + dev + " "), "the server stays on the gateway");
            assertTrue(c.lookup(SERVER6).startsWith("VIA dst=" + SERVER6 + " net=" + SERVER6 + "/128 gw="
                    + c.gateway6() + " dev=" + dev + " "), "the server stays on the gateway");
            assertTrue(c.lookup("198.19.88.8").startsWith("VIA dst=198.19.88.8 net=128.0.0.0/1 gw=10.9.0.1 dev="
                    + tun + " "), "everything else goes into the tunnel");
            assertTrue(c.lookup("10.77.0.1").startsWith("VIA dst=10.77.0.1 net=0.0.0.0/1 gw=10.9.0.1 dev=" + tun + " "));
            assertTrue(c.lookup("fd18:88::8").startsWith("VIA dst=fd18:88::8 net=fc00::/7 gw=fd00:9::1 dev="
                    + tun + " "));
            assertTrue(c.lookup(c.gateway4()).contains(" gw=- dev=" + dev + " "), "the local network stays local");

            assertEquals("UNPINNED removed=true", c.agent().ask("unpin " + SERVER4, "^UNPINNED "));
            assertEquals("UNPINNED removed=true", c.agent().ask("unpin " + SERVER6, "^UNPINNED "));
            c.agent().ok("tunclose");
            awaitDeviceGone(lab, c.ns(), tun);
            assertEquals(before4, lab.ip(c.ns(), "-4", "route", "show").requireOk().output());
            assertEquals(before6, lab.ip(c.ns(), "-6", "route", "show").requireOk().output());
            c.agent().ok("exit");
        }
    }

    /** {@code ip route show exact NET} in the client namespace, one line trimmed ("" if none). */
    private static String routeTo(NetLab lab, Client c, String family, String net) {
        return lab.ip(c.ns(), family, "route", "show", "exact", net).requireOk().output().strip();
    }

    /** Waits briefly for the interface to disappear: the kernel unregisters it as the fd closes. */
    private static void awaitDeviceGone(NetLab lab, Ns ns, String dev) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        CommandResult r;
        do {
            r = lab.ip(ns, "link", "show", "dev", dev);
            if (!r.ok()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertFalse(r.ok(), "interface " + dev + " still exists after close:\n" + r);
    }
}

package io.sluice.itests.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.itests.net.CommandResult;
import io.sluice.itests.net.NetLab;
import io.sluice.itests.net.Ns;
import io.sluice.itests.net.PingResult;
import io.sluice.itests.net.Preconditions;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The Linux TUN driver (sluice-tun-linux) on the real kernel. Each test gets a fresh namespace in
 * which a {@link TunEchoAgent} JVM opens a device through the driver, configures it on command and
 * answers the pings it reads from the device; the test pings from the same namespace and reads the
 * result back with {@code ip}. Nothing runs in, or changes, the root namespace; tunnel addresses are
 * 10.9.0.0/16-ish and fd00:9::/32-ish, reachable only inside the test namespace.
 *
 * <p>Needs root and /dev/net/tun; without them the tests fail (see {@link Preconditions}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TunDriverIT {

    private static final Duration PING = Duration.ofSeconds(5);

    @BeforeAll
    static void machineAndClassPath() {
        Preconditions.requireRootAndTun();
        try {
            Class.forName(TunEchoAgent.DRIVER_CLASS, false, TunDriverIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the driver is not on the test class path; itests/pom.xml needs a test-scoped"
                    + " dependency on io.sluice:sluice-tun-linux:${project.version}", e);
        }
    }

    private static String test(TestInfo info) {
        return "TunDriverIT-" + info.getTestMethod().orElseThrow().getName();
    }

    /**
     * {@code dev tun} with {@code topology net30}/{@code p2p}-style addressing: a kernel-chosen name,
     * the requested MTU, a point-to-point address, routes with and without a gateway; pings through it
     * are answered; closing the device (while its process lives on) removes interface and routes, and
     * wakes the blocked reader.
     */
    @Test
    void kernelNamedTunWithPeerAddressRoutesPingsAndCloseRemovesIt(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(test(info))) {
            Ns ns = lab.namespace("tun");
            try (TunAgent agent = TunAgent.start(lab, ns, "agent", "tun", "-", 1400, false)) {
                String dev = agent.deviceName();
                assertTrue(dev.matches("tun\\d+"), "kernel-chosen name: " + dev);

                String link = lab.ip(ns, "-d", "link", "show", "dev", dev).requireOk().output();
                assertTrue(link.contains(" mtu 1400 "), "tun-mtu is set at open:\n" + link);
                assertTrue(link.contains("tun type tun pi off"), "IFF_TUN without packet information:\n" + link);
                assertFalse(flags(link).contains(",UP,"), "the link starts down:\n" + link);

                agent.ok("addr 10.9.0.1/32 peer 10.9.0.2");
                agent.ok("up");
                agent.ok("route 10.99.0.0/24 metric 7");
                agent.ok("route 10.77.0.0/16 via 10.9.0.2");

                link = lab.ip(ns, "link", "show", "dev", dev).requireOk().output();
                assertTrue(flags(link).contains(",UP,") && flags(link).contains(",LOWER_UP,"), link);
                String addr = lab.ip(ns, "-4", "addr", "show", "dev", dev).requireOk().output();
                assertTrue(addr.contains("inet 10.9.0.1 peer 10.9.0.2/32 scope global " + dev), addr);
                String routes = lab.ip(ns, "-4", "route", "show", "dev", dev).requireOk().output();
                assertTrue(routes.contains("10.99.0.0/24 proto static scope link metric 7"), routes);
                assertTrue(routes.contains("10.77.0.0/16 via 10.9.0.2 proto static"), routes);

                assertAllAnswered(lab.ping(ns, "10.9.0.2", 3, PING));   // the peer
                assertAllAnswered(lab.ping(ns, "10.99.0.5", 3, PING));  // on-link route
                assertAllAnswered(lab.ping(ns, "10.77.1.1", 3, PING));  // route via the peer
                int mark = agent.process().mark();
                agent.ok("stats");
                String stats = agent.awaitLine("^STATS ", mark);
                assertTrue(stats.matches("STATS replies=(9|\\d{2,}) .*"), "the agent answered the pings: " + stats);

                agent.ok("delroute 10.99.0.0/24 metric 7");
                routes = lab.ip(ns, "-4", "route", "show", "dev", dev).requireOk().output();
                assertFalse(routes.contains("10.99.0.0/24"), routes);

                mark = agent.process().mark();
                agent.ok("close");
                String closed = agent.awaitLine("^CLOSED ", mark);
                assertEquals("CLOSED reader=returned-1 readerAlive=false readAfter=-1 writeAfter=ClosedChannelException",
                        closed, "close() wakes the blocked reader, later reads return -1 and writes fail");
                assertTrue(agent.process().isAlive(), "the interface must go because of close(), not process exit");
                assertDeviceGone(lab, ns, dev);
                assertFalse(lab.ip(ns, "-4", "route").requireOk().output().contains("10.77.0.0/16"),
                        "the kernel removed the routes with the interface");
                agent.ok("exit");
            }
        }
    }

    /**
     * {@code dev sltun7} with {@code topology subnet}, IPv4 and IPv6 on one device, and the agent
     * moving packets through heap buffers (the copying path): pings to other hosts of both subnets
     * and through an IPv6 route are answered; addresses and routes can be removed again.
     */
    @Test
    void exactlyNamedTunWithSubnetAndIpv6AddressesOverHeapBuffers(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(test(info))) {
            Ns ns = lab.namespace("tun");
            try (TunAgent agent = TunAgent.start(lab, ns, "agent", "tun", "sltun7", 1500, true)) {
                assertEquals("sltun7", agent.deviceName());
                agent.ok("addr 10.9.0.1/24");
                agent.ok("addr fd00:9::1/64");
                agent.ok("up");
                agent.ok("route fd00:99::/64 via fd00:9::2 metric 300");
                agent.ok("mtu 1420");

                String link = lab.ip(ns, "link", "show", "dev", "sltun7").requireOk().output();
                assertTrue(link.contains(" mtu 1420 "), link);
                String addr = lab.ip(ns, "addr", "show", "dev", "sltun7").requireOk().output();
                assertTrue(addr.contains("inet 10.9.0.1/24 brd 10.9.0.255 scope global sltun7"), addr);
                assertTrue(addr.contains("inet6 fd00:9::1/64 scope global"), addr);
                String routes6 = lab.ip(ns, "-6", "route", "show", "dev", "sltun7").requireOk().output();
                assertTrue(routes6.contains("fd00:99::/64 via fd00:9::2 proto static metric 300"), routes6);
                assertTrue(lab.ip(ns, "-4", "route", "show", "dev", "sltun7").requireOk().output()
                        .contains("10.9.0.0/24 proto kernel scope link src 10.9.0.1"));

                assertAllAnswered(lab.ping(ns, "10.9.0.7", 3, PING));
                assertAllAnswered(lab.ping(ns, "fd00:9::7", 3, PING));
                assertAllAnswered(lab.ping(ns, "fd00:99::5", 3, PING));

                agent.ok("delroute fd00:99::/64 via fd00:9::2 metric 300");
                agent.ok("deladdr 10.9.0.1/24");
                addr = lab.ip(ns, "addr", "show", "dev", "sltun7").requireOk().output();
                assertFalse(addr.contains("10.9.0.1"), addr);
                assertTrue(addr.contains("fd00:9::1/64"), addr);
                assertFalse(lab.ip(ns, "-6", "route", "show", "dev", "sltun7").requireOk().output().contains("fd00:99::"));

                agent.ok("down");
                assertFalse(flags(lab.ip(ns, "link", "show", "dev", "sltun7").requireOk().output()).contains(",UP,"));
                agent.ok("close");
                assertDeviceGone(lab, ns, "sltun7");
                agent.ok("exit");
            }
        }
    }

    /** {@code dev-type tap}: an Ethernet device with the requested name and MTU, which takes addresses. */
    @Test
    void tapHasTheRequestedNameTypeAndMtu(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(test(info))) {
            Ns ns = lab.namespace("tap");
            try (TunAgent agent = TunAgent.start(lab, ns, "agent", "tap", "sltap3", 1380, false)) {
                assertEquals("sltap3", agent.deviceName());
                agent.ok("addr 10.9.5.1/24");
                agent.ok("up");
                String link = lab.ip(ns, "-d", "link", "show", "dev", "sltap3").requireOk().output();
                assertTrue(link.contains(" mtu 1380 "), link);
                assertTrue(link.contains("link/ether "), "a TAP device is Ethernet:\n" + link);
                assertTrue(link.contains("tun type tap pi off"), link);
                assertTrue(flags(link).contains(",UP,"), link);
                String addr = lab.ip(ns, "-4", "addr", "show", "dev", "sltap3").requireOk().output();
                assertTrue(addr.contains("inet 10.9.5.1/24 brd 10.9.5.255 scope global sltap3"), addr);
                agent.ok("close");
                assertDeviceGone(lab, ns, "sltap3");
                agent.ok("exit");
            }
        }
    }

    /**
     * Two {@code dev tun} devices get different numbers; a taken exact name and the kernel refusing a
     * change come back as IOExceptions naming the change, errno and the kernel's own explanation.
     */
    @Test
    void kernelNumbersDevicesAndRefusalsCarryErrnoText(TestInfo info) throws Exception {
        try (NetLab lab = NetLab.open(test(info))) {
            Ns ns = lab.namespace("tun");
            try (TunAgent first = TunAgent.start(lab, ns, "first", "tun", "-", 1500, false);
                    TunAgent second = TunAgent.start(lab, ns, "second", "tun", "-", 1500, false)) {
                assertNotEquals(first.deviceName(), second.deviceName());

                String busy = TunAgent.startExpectingOpenFailure(lab, ns, "third", "tun", first.deviceName(), 1500);
                assertTrue(busy.startsWith("OPEN_FAILED java.io.IOException: ioctl TUNSETIFF " + first.deviceName()
                        + " (IFF_TUN|IFF_NO_PI): Device or resource busy (errno 16)"), busy);

                String dev = first.deviceName();
                first.ok("addr 10.9.0.1/24");
                first.ok("up");
                String exists = first.err("addr 10.9.0.1/24");
                assertTrue(exists.contains("IOException: add address 10.9.0.1/24 to " + dev
                        + ": File exists (errno 17)"), exists);
                String noRoute = first.err("delroute 10.98.0.0/24");
                assertTrue(noRoute.contains("IOException: remove route 10.98.0.0/24 dev " + dev
                        + ": No such process (errno 3)"), noRoute);
                String unreachable = first.err("route 10.97.0.0/24 via 10.200.0.1");
                assertTrue(unreachable.contains("add route 10.97.0.0/24 via 10.200.0.1 dev " + dev
                        + ": Network is unreachable (errno 101): Nexthop has invalid gateway"), unreachable);
                String mtu = first.err("mtu 70000");
                assertTrue(mtu.contains("set the MTU of " + dev + " to 70000: Invalid argument (errno 22): "), mtu);
                int mark = first.process().mark();
                first.ok("stats");
                assertTrue(first.awaitLine("^STATS ", mark).endsWith(" mtu=1500"), "a refused MTU is not recorded");
                first.ok("exit");
                second.ok("exit");
            }
        }
    }

    private static void assertAllAnswered(PingResult r) {
        assertTrue(r.allReceived(), r.toString());
    }

    /** The flags between {@code <} and {@code >} in {@code ip link} output. */
    private static String flags(String ipLink) {
        java.util.regex.Matcher m = Pattern.compile("<([^>]*)>").matcher(ipLink);
        return m.find() ? "," + m.group(1) + "," : "";
    }

    /** Waits briefly for the interface to disappear: the kernel unregisters it as the fd closes. */
    private static void assertDeviceGone(NetLab lab, Ns ns, String dev) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        CommandResult r;
        do {
            r = lab.ip(ns, "link", "show", "dev", dev);
            if (!r.ok()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertFalse(r.ok(), "interface " + dev + " still exists after close:\n" + r);
        assertTrue(r.output().contains("does not exist"), r.toString());
        assertFalse(lab.ip(ns, "route").requireOk().output().contains(dev), "no route names " + dev);
        assertFalse(lab.ip(ns, "-6", "route").requireOk().output().contains(dev), "no IPv6 route names " + dev);
    }
}

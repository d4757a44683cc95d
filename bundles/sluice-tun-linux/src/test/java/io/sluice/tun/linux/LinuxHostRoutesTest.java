package io.sluice.tun.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.tun.Route;
import io.sluice.api.tun.RouteVia;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Linux host routes service against a simulated kernel that answers with recorded real answers
 * ({@link KernelAnswers}): what a lookup reports, which refusals mean "no route", "exists" or "not
 * there", and that sockets are closed. The real kernel is exercised by {@code HostRoutesIT}.
 */
class LinuxHostRoutesTest {

    private static final Map<String, Integer> INTERFACES = Map.of("lo", 1, "v0", 3);

    @BeforeAll
    static void littleEndian() {
        assertTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "recorded answers are little-endian");
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    /** Answers the resolving query with {@code path} and the fibmatch query with {@code entry}. */
    private static Function<byte[], List<byte[]>> lookups(String path, String entry) {
        return request -> {
            int seq = SimulatedKernel.seq(request);
            boolean fibMatch = DecodedMessage.decode(request, Netlink.RTMSG_SIZE).u32(8) == Netlink.RTM_F_FIB_MATCH;
            return List.of(KernelAnswers.withSeq(fibMatch ? entry : path, seq));
        };
    }

    /** Answers every request with this errno (0: success) and kernel text. */
    private static Function<byte[], List<byte[]>> acks(int errno, String text) {
        return request -> List.of(KernelAnswers.error(SimulatedKernel.seq(request), errno, text));
    }

    @Test
    void outsideAddressIsReachedViaTheDefaultGatewayWithItsDeviceSourceAndMetric() throws Exception {
        SimulatedKernel kernel = new SimulatedKernel(INTERFACES,
                lookups(KernelAnswers.V4_PATH_VIA_DEFAULT, KernelAnswers.V4_FIB_DEFAULT));
        RouteVia via = new LinuxHostRoutes(kernel).lookup(ip("198.19.77.1")).orElseThrow();
        assertEquals(new RouteVia(ip("198.19.77.1"), ip("0.0.0.0"), 0, Optional.of(ip("198.18.50.2")), "v0", 3,
                Optional.of(ip("198.18.50.1")), 100), via);
        assertEquals(new Route(ip("198.19.77.1"), 32, Optional.of(ip("198.18.50.2")), 0), via.hostRoute());

        List<byte[]> sent = kernel.sent();
        assertEquals(2, sent.size(), "one resolving query, one fibmatch query");
        assertArrayEquals(RtnetlinkRequests.getRoute(ip("198.19.77.1"), false).bytes(1), sent.get(0));
        assertArrayEquals(RtnetlinkRequests.getRoute(ip("198.19.77.1"), true).bytes(2), sent.get(1));
        assertEquals(0, kernel.openSockets());
    }

    @Test
    void directlyConnectedAddressHasNoGatewayAndMatchesItsSubnet() throws Exception {
        SimulatedKernel kernel = new SimulatedKernel(INTERFACES,
                lookups(KernelAnswers.V4_PATH_ON_LINK, KernelAnswers.V4_FIB_ON_LINK));
        RouteVia via = new LinuxHostRoutes(kernel).lookup(ip("198.18.50.7")).orElseThrow();
        assertTrue(via.onLink());
        assertEquals(ip("198.18.50.0"), via.network());
        assertEquals(24, via.prefixLength());
        assertEquals("v0", via.device());
        assertEquals(Optional.of(ip("198.18.50.1")), via.source());
        assertEquals(0, via.metric());
    }

    @Test
    void ipv6LookupsReportGatewayOrOnLinkWithTheirMetrics() throws Exception {
        RouteVia outside = new LinuxHostRoutes(new SimulatedKernel(INTERFACES,
                lookups(KernelAnswers.V6_PATH_VIA_DEFAULT, KernelAnswers.V6_FIB_DEFAULT))).lookup(ip("fd18:99::1"))
                .orElseThrow();
        assertEquals(new RouteVia(ip("fd18:99::1"), ip("::"), 0, Optional.of(ip("fd18:50::2")), "v0", 3,
                Optional.of(ip("fd18:50::1")), 300), outside);
        assertEquals(new Route(ip("fd18:99::1"), 128, Optional.of(ip("fd18:50::2")), 0), outside.hostRoute());

        RouteVia onLink = new LinuxHostRoutes(new SimulatedKernel(INTERFACES,
                lookups(KernelAnswers.V6_PATH_ON_LINK, KernelAnswers.V6_FIB_ON_LINK))).lookup(ip("fd18:50::7"))
                .orElseThrow();
        assertEquals(new RouteVia(ip("fd18:50::7"), ip("fd18:50::"), 64, Optional.empty(), "v0", 3,
                Optional.of(ip("fd18:50::1")), 256), onLink);
    }

    @Test
    void noRouteUnreachableProhibitAndBlackholeMeanNoRoute() throws Exception {
        // The errnos `ip route get` reports for: nothing or "throw", "unreachable", "prohibit", "blackhole".
        for (int errno : List.of(LinuxConstants.ENETUNREACH, LinuxConstants.EHOSTUNREACH, LinuxConstants.EACCES,
                LinuxConstants.EINVAL)) {
            SimulatedKernel kernel = new SimulatedKernel(INTERFACES, acks(errno, null));
            assertEquals(Optional.empty(), new LinuxHostRoutes(kernel).lookup(ip("198.19.77.1")), "errno " + errno);
            assertEquals(1, kernel.sent().size(), "no second question after errno " + errno);
            assertEquals(0, kernel.openSockets());
        }
        SimulatedKernel recorded = new SimulatedKernel(INTERFACES,
                request -> List.of(KernelAnswers.withSeq(KernelAnswers.V4_NO_ROUTE, SimulatedKernel.seq(request))));
        assertEquals(Optional.empty(), new LinuxHostRoutes(recorded).lookup(ip("198.19.77.1")));
    }

    @Test
    void routeThatVanishesBetweenTheTwoQuestionsMeansNoRoute() throws Exception {
        SimulatedKernel kernel = new SimulatedKernel(INTERFACES, request -> {
            int seq = SimulatedKernel.seq(request);
            return List.of(seq == 1 ? KernelAnswers.withSeq(KernelAnswers.V4_PATH_VIA_DEFAULT, seq)
                    : KernelAnswers.error(seq, LinuxConstants.ENETUNREACH, null));
        });
        assertEquals(Optional.empty(), new LinuxHostRoutes(kernel).lookup(ip("198.19.77.1")));
    }

    @Test
    void otherLookupFailuresAreIOExceptionsWithErrnoAndKernelText() throws Exception {
        LinuxHostRoutes routes = new LinuxHostRoutes(new SimulatedKernel(INTERFACES, acks(SimulatedKernel.EPERM, "boom")));
        IOException e = assertThrows(IOException.class, () -> routes.lookup(ip("198.19.77.1")));
        assertEquals("look up the route to 198.19.77.1: Operation not permitted (errno 1): boom", e.getMessage());

        LinuxHostRoutes silent = new LinuxHostRoutes(new SimulatedKernel(INTERFACES, request -> List.of()));
        IOException timeout = assertThrows(IOException.class, () -> silent.lookup(ip("198.19.77.1")));
        assertTrue(timeout.getMessage().startsWith("look up the route to 198.19.77.1: no answer from the kernel: "),
                timeout.getMessage());

        LinuxHostRoutes unknownDevice = new LinuxHostRoutes(new SimulatedKernel(Map.of("lo", 1),
                lookups(KernelAnswers.V4_PATH_VIA_DEFAULT, KernelAnswers.V4_FIB_DEFAULT)));
        IOException noName = assertThrows(IOException.class, () -> unknownDevice.lookup(ip("198.19.77.1")));
        assertTrue(noName.getMessage().contains("if_indextoname 3"), noName.getMessage());
    }

    @Test
    void multicastAndUnspecifiedDestinationsAreRefused() {
        LinuxHostRoutes routes = new LinuxHostRoutes(new SimulatedKernel(INTERFACES, acks(0, null)));
        assertThrows(IllegalArgumentException.class, () -> routes.lookup(ip("224.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> routes.lookup(ip("ff02::1")));
        assertThrows(IllegalArgumentException.class, () -> routes.lookup(ip("0.0.0.0")));
        assertThrows(IllegalArgumentException.class, () -> routes.lookup(ip("::")));
    }

    @Test
    void addSendsAStaticRouteThroughTheNamedDevice() throws Exception {
        SimulatedKernel kernel = new SimulatedKernel(INTERFACES, acks(0, null));
        Route host = new Route(ip("198.19.77.1"), 32, Optional.of(ip("198.18.50.2")), 0);
        assertTrue(new LinuxHostRoutes(kernel).add(host, "v0"));
        assertArrayEquals(RtnetlinkRequests.route(true, 3, host).bytes(1), kernel.sent().get(0));
        DecodedMessage m = DecodedMessage.decode(kernel.sent().get(0), Netlink.RTMSG_SIZE);
        assertEquals(Netlink.RTM_NEWROUTE, m.type());
        assertEquals(3, m.attr(Netlink.RTA_OIF).orElseThrow().u32());
        assertEquals(0, kernel.openSockets());
    }

    @Test
    void addingWhereTheTableHasThatRouteIsFalseAndNotUndoneLater() throws Exception {
        SimulatedKernel kernel = new SimulatedKernel(INTERFACES, acks(LinuxConstants.EEXIST, null));
        LinuxHostRoutes routes = new LinuxHostRoutes(kernel);
        assertFalse(routes.add(new Route(ip("fd18:99::1"), 128, Optional.of(ip("fd18:50::2")), 0), "v0"));
        routes.deactivate();
        assertEquals(1, kernel.sent().size(), "deactivation removes nothing it did not add");
    }

    @Test
    void refusedAddIsAnIOExceptionNamingRouteErrnoAndKernelText() throws Exception {
        LinuxHostRoutes routes = new LinuxHostRoutes(
                new SimulatedKernel(INTERFACES, acks(LinuxConstants.ENETUNREACH, "Nexthop has invalid gateway")));
        IOException e = assertThrows(IOException.class,
                () -> routes.add(new Route(ip("198.19.77.1"), 32, Optional.of(ip("198.19.9.9")), 0), "v0"));
        assertEquals("add route 198.19.77.1/32 via 198.19.9.9 dev v0: Network is unreachable (errno 101): "
                + "Nexthop has invalid gateway", e.getMessage());
        assertEquals(0, routes.addedRoutes());
    }

    @Test
    void addOnAnUnknownDeviceFailsWithoutAskingTheKernel() throws Exception {
        SimulatedKernel kernel = new SimulatedKernel(INTERFACES, acks(0, null));
        IOException e = assertThrows(IOException.class, () -> new LinuxHostRoutes(kernel)
                .add(new Route(ip("198.19.77.1"), 32, Optional.of(ip("198.18.50.2")), 0), "eth9"));
        assertEquals("add route 198.19.77.1/32 via 198.18.50.2 dev eth9: No such device (errno 19)", e.getMessage());
        assertTrue(kernel.sent().isEmpty());
    }

    @Test
    void ipv4RouteViaAnIpv6GatewayCannotBeAdded() throws Exception {
        LinuxHostRoutes routes = new LinuxHostRoutes(new SimulatedKernel(INTERFACES, acks(0, null)));
        assertThrows(IllegalArgumentException.class,
                () -> routes.add(new Route(ip("198.19.77.1"), 32, Optional.of(ip("fe80::1")), 0), "v0"));
    }

    @Test
    void removeIsTrueWhenRemovedAndFalseWhenRouteOrDeviceIsGone() throws Exception {
        Route host = new Route(ip("198.19.77.1"), 32, Optional.of(ip("198.18.50.2")), 0);
        SimulatedKernel ok = new SimulatedKernel(INTERFACES, acks(0, null));
        assertTrue(new LinuxHostRoutes(ok).remove(host, "v0"));
        assertArrayEquals(RtnetlinkRequests.route(false, 3, host).bytes(1), ok.sent().get(0));

        assertFalse(new LinuxHostRoutes(new SimulatedKernel(INTERFACES, acks(LinuxConstants.ESRCH, null)))
                .remove(host, "v0"));

        SimulatedKernel noDevice = new SimulatedKernel(INTERFACES, acks(0, null));
        assertFalse(new LinuxHostRoutes(noDevice).remove(host, "eth9"));
        assertTrue(noDevice.sent().isEmpty());

        IOException e = assertThrows(IOException.class,
                () -> new LinuxHostRoutes(new SimulatedKernel(INTERFACES, acks(SimulatedKernel.EPERM, null)))
                        .remove(host, "v0"));
        assertEquals("remove route 198.19.77.1/32 via 198.18.50.2 dev v0: Operation not permitted (errno 1)",
                e.getMessage());
    }

    @Test
    void deactivationRemovesOnlyTheRoutesLeftBehind() throws Exception {
        SimulatedKernel kernel = new SimulatedKernel(INTERFACES, acks(0, null));
        LinuxHostRoutes routes = new LinuxHostRoutes(kernel);
        Route v4 = new Route(ip("198.19.77.1"), 32, Optional.of(ip("198.18.50.2")), 0);
        Route v6 = new Route(ip("fd18:99::1"), 128, Optional.of(ip("fd18:50::2")), 0);
        routes.add(v4, "v0");
        routes.add(v6, "v0");
        routes.remove(v4, "v0");
        assertEquals(1, routes.addedRoutes());
        routes.deactivate();
        assertEquals(0, routes.addedRoutes());
        List<Integer> types = new ArrayList<>();
        kernel.sent().forEach(r -> types.add(SimulatedKernel.type(r)));
        assertEquals(List.of(Netlink.RTM_NEWROUTE, Netlink.RTM_NEWROUTE, Netlink.RTM_DELROUTE, Netlink.RTM_DELROUTE),
                types);
        assertArrayEquals(RtnetlinkRequests.route(false, 3, v6).bytes(1), kernel.sent().get(3));
    }
}

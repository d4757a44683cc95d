package io.sluice.api.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A looked-up route is internally consistent and yields the host route redirect-gateway needs. */
class RouteViaTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static RouteVia viaDefault(String destination, String gateway) throws Exception {
        InetAddress dst = ip(destination);
        InetAddress any = ip(dst.getAddress().length == 4 ? "0.0.0.0" : "::");
        return new RouteVia(dst, any, 0, Optional.of(ip(gateway)), "eth0", 2, Optional.empty(), 100);
    }

    @Test
    void hostRouteKeepsTheDestinationOnTheSameGatewayWithTheDefaultMetric() throws Exception {
        RouteVia v4 = viaDefault("198.19.7.1", "198.18.0.2");
        assertFalse(v4.onLink());
        assertEquals(new Route(ip("198.19.7.1"), 32, Optional.of(ip("198.18.0.2")), 0), v4.hostRoute());
        RouteVia v6 = viaDefault("fd18:77::1", "fe80::1");
        assertEquals(new Route(ip("fd18:77::1"), 128, Optional.of(ip("fe80::1")), 0), v6.hostRoute());
    }

    @Test
    void onLinkDestinationGivesAnOnLinkHostRoute() throws Exception {
        RouteVia onLink = new RouteVia(ip("198.18.0.7"), ip("198.18.0.0"), 24, Optional.empty(), "eth0", 2,
                Optional.of(ip("198.18.0.1")), 0);
        assertTrue(onLink.onLink());
        assertEquals(Optional.empty(), onLink.hostRoute().gateway());
    }

    @Test
    void destinationMustLieInsideTheMatchedNetwork() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new RouteVia(ip("198.19.0.7"), ip("198.18.0.0"), 24,
                Optional.empty(), "eth0", 2, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class, () -> new RouteVia(ip("fd18:1::7"), ip("fd18:2::"), 64,
                Optional.empty(), "eth0", 2, Optional.empty(), 0));
        // An odd prefix compares only its bits: 198.18.0.0/15 holds 198.19.x.x.
        new RouteVia(ip("198.19.0.7"), ip("198.18.0.0"), 15, Optional.empty(), "eth0", 2, Optional.empty(), 0);
    }

    @Test
    void familiesPrefixDeviceAndMetricAreChecked() throws Exception {
        InetAddress v4 = ip("198.19.0.7");
        InetAddress any4 = ip("0.0.0.0");
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, ip("::"), 0, Optional.empty(), "eth0", 2, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, any4, 33, Optional.empty(), "eth0", 2, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, any4, 0, Optional.empty(), "eth0", 2, Optional.of(ip("fd18::1")), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, any4, 0, Optional.empty(), "", 2, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, any4, 0, Optional.empty(), "a-much-too-long-name", 2, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, any4, 0, Optional.empty(), "eth0", 0, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, any4, 0, Optional.empty(), "eth0", 2, Optional.empty(), -1));
        assertThrows(IllegalArgumentException.class,
                () -> new RouteVia(v4, any4, 0, Optional.empty(), "eth0", 2, Optional.empty(), 1L << 32));
        assertEquals(RouteVia.MAX_METRIC,
                new RouteVia(v4, any4, 0, Optional.empty(), "eth0", 2, Optional.empty(), RouteVia.MAX_METRIC).metric());
    }

    @Test
    void anIpv4RouteMayHaveAnIpv6NextHop() throws Exception {
        RouteVia rfc5549 = new RouteVia(ip("198.19.0.7"), ip("0.0.0.0"), 0, Optional.of(ip("fe80::1")), "eth0", 2,
                Optional.empty(), 0);
        assertEquals(Optional.of(ip("fe80::1")), rfc5549.hostRoute().gateway());
    }

    @Test
    void hostRoutesIsRegisteredUnderTheDriversOsProperty() {
        assertEquals(TunDriver.OS, HostRoutes.OS);
        assertEquals("sluice.tun.os", HostRoutes.OS);
    }
}

package io.sluice.core.pushed;

import io.sluice.api.tun.DeviceType;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigParser;
import io.sluice.config.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client's own routing options are read from its configuration. */
class LocalRoutingTest {

    private static LocalRouting read(String text) throws ConfigException {
        return LocalRouting.fromConfig(ConfigParser.parseString("client\nremote 192.0.2.10 1194\n" + text, "client.conf",
                Path.of("/")));
    }

    @Test
    void aClientWithoutTopologyIsNet30WhateverTheServerModelDefaultsTo() throws ConfigException {
        LocalRouting r = read("dev tun\n");
        assertEquals(Topology.NET30, r.topology());
        assertEquals(DeviceType.TUN, r.deviceType());
        assertEquals(1500, r.tunMtu());
        assertEquals(OptionalInt.empty(), r.tunMtuMax());
        assertEquals(Topology.SUBNET, read("dev tun\ntopology subnet\n").topology());
    }

    @Test
    void routingOptionsAndFlagsAreRead() throws ConfigException {
        LocalRouting r = read("dev tap\ntun-mtu 1400\ntun-mtu-max 9000\nroute-nopull\nroute-noexec\nifconfig-noexec\n"
                + "route 10.0.0.0 255.0.0.0 default 5\nroute-ipv6 2001:db8::/32\nredirect-gateway def1 ipv6\n"
                + "route-metric 9\ndhcp-option DNS 192.0.2.53\n");
        assertEquals(DeviceType.TAP, r.deviceType());
        assertEquals(1400, r.tunMtu());
        assertEquals(OptionalInt.of(9000), r.tunMtuMax());
        assertTrue(r.routeNopull());
        assertTrue(r.routeNoexec());
        assertTrue(r.ifconfigNoexec());
        assertEquals(1, r.options().routes().size());
        assertEquals(OptionalInt.of(5), r.options().routes().get(0).metric());
        assertEquals(1, r.options().routesIpv6().size());
        assertEquals(1, r.options().redirects().size());
        assertEquals(OptionalInt.of(9), r.options().routeMetric());
        assertEquals(List.of(new DhcpOption("DNS", java.util.Optional.of("192.0.2.53"))), r.options().dhcpOptions());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aRouteToAHostNameIsListedAsAProblemInsteadOfResolved() throws ConfigException {
        LocalRouting r = read("dev tun\nroute intranet.example 255.255.255.255\n");
        assertEquals(List.of(), r.options().routes());
        assertEquals(List.of("Options error: route parameter network/IP 'intranet.example' must be a valid address"),
                r.problems().stream().map(PushProblem::message).toList());
        assertFalse(r.routeNopull());
    }

    @Test
    void theBuilderTakesOnlyRoutingOptions() {
        assertThrows(IllegalArgumentException.class, () -> LocalRouting.builder().option("remote 192.0.2.1"));
    }
}

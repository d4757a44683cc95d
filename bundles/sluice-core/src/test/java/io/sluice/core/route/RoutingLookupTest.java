package io.sluice.core.route;

import static io.sluice.core.route.Packets.at;
import static io.sluice.core.route.Packets.host;
import static io.sluice.core.route.Packets.ip;
import static io.sluice.core.route.Packets.ipv4;
import static io.sluice.core.route.Packets.ipv6;
import static io.sluice.core.route.Packets.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which session a packet goes to: multi.c {@code multi_get_instance_by_virtual_addr}. */
class RoutingLookupTest {

    private final RoutingTable<String> table = new RoutingTable<>(Optional.of(ip("10.8.0.1")));

    @Test
    void theLongestMatchingPrefixWins() {
        table.learn("wide", prefix("10.0.0.0/8"));
        table.learn("middle", prefix("10.1.0.0/16"));
        table.learn("narrow", prefix("10.1.2.0/24"));

        assertEquals("narrow", table.routeDestination(ipv4("10.8.0.2", "10.1.2.3")));
        assertEquals("middle", table.routeDestination(ipv4("10.8.0.2", "10.1.3.3")));
        assertEquals("wide", table.routeDestination(ipv4("10.8.0.2", "10.2.0.1")));
        assertNull(table.routeDestination(ipv4("10.8.0.2", "11.0.0.1")));
    }

    @Test
    void aClientsOwnAddressBeatsEveryPrefixCoveringIt() {
        table.learn("subnet-owner", prefix("10.8.0.0/24"));
        table.learn("slash32-owner", prefix("10.8.0.6/32"));
        table.learn("client", host("10.8.0.6"));

        assertEquals("client", table.routeDestination(ipv4("10.8.0.9", "10.8.0.6")));
        assertEquals("subnet-owner", table.routeDestination(ipv4("10.8.0.9", "10.8.0.7")));
    }

    @Test
    void aDefaultRouteIrouteCatchesWhatNothingElseMatches() {
        table.learn("gateway", prefix("0.0.0.0/0"));
        table.learn("client", host("10.8.0.6"));

        assertEquals("gateway", table.routeDestination(ipv4("10.8.0.6", "192.0.2.80")));
        assertEquals("client", table.routeDestination(ipv4("10.8.0.9", "10.8.0.6")));
    }

    @Test
    void ipv6RoutesByLongestPrefixWithHostsFirst() {
        table.learn("wide", prefix("2001:db8::/32"));
        table.learn("site", prefix("2001:db8:1::/48"));
        table.learn("client", host("2001:db8:1::1000"));

        assertEquals("client", table.routeDestination(ipv6("2001:db8::2", "2001:db8:1::1000")));
        assertEquals("site", table.routeDestination(ipv6("2001:db8::2", "2001:db8:1::1001")));
        assertEquals("wide", table.routeDestination(ipv6("2001:db8::2", "2001:db8:2::1")));
        assertNull(table.routeDestination(ipv6("2001:db8::2", "2001:db9::1")));
    }

    @Test
    void prefixesEndingInsideTheLowHalfOfAnIpv6AddressMatch() {
        table.learn("slash-100", prefix("2001:db8::1:0:0/100"));

        assertEquals("slash-100", table.routeIpv6(0x20010db800000000L, 0x0000000100000000L | 0x0fff_ffffL));
        assertNull(table.routeIpv6(0x20010db800000000L, 0x0000000110000000L));
    }

    @Test
    void theFamiliesNeverMatchEachOther() {
        table.learn("v4", prefix("0.0.0.0/0"));

        assertNull(table.routeDestination(ipv6("::2", "::a08:6")));
        table.learn("v6", prefix("::/0"));
        assertEquals("v6", table.routeDestination(ipv6("::2", "::a08:6")));
        assertEquals("v4", table.routeDestination(ipv4("10.8.0.2", "10.8.0.6")));
    }

    @Test
    void theDestinationIsReadFromThePacketWhereverItSitsInTheBuffer() {
        table.learn("v4", host("10.8.0.6"));
        table.learn("v6", host("2001:db8::1000"));

        for (boolean direct : List.of(false, true)) {
            ByteBuffer p4 = at(ipv4("10.8.0.9", "10.8.0.6"), 37, direct);
            ByteBuffer p6 = at(ipv6("2001:db8::9", "2001:db8::1000"), 53, direct);
            assertEquals("v4", table.routeDestination(p4));
            assertEquals("v6", table.routeDestination(p6));
            assertEquals(37, p4.position());
            assertEquals(37 + 28, p4.limit());
        }
    }

    @Test
    void aLittleEndianBufferIsReadInNetworkOrderAllTheSame() {
        table.learn("v4", host("10.8.0.6"));
        table.learn("v6", host("2001:db8::1000"));
        ByteBuffer p4 = ipv4("10.8.0.9", "10.8.0.6").order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer p6 = ipv6("2001:db8::9", "2001:db8::1000").order(ByteOrder.LITTLE_ENDIAN);

        assertEquals("v4", table.routeDestination(p4));
        assertEquals("v6", table.routeDestination(p6));
        assertEquals(ByteOrder.LITTLE_ENDIAN, p4.order());
    }

    @Test
    void truncatedPacketsAndOtherVersionsRouteNowhere() {
        table.learn("everyone", prefix("0.0.0.0/0"));
        table.learn("everyone", prefix("::/0"));
        ByteBuffer p4 = ipv4("10.8.0.9", "10.8.0.6");
        ByteBuffer p6 = ipv6("2001:db8::9", "2001:db8::1000");
        ByteBuffer v5 = ipv4("10.8.0.9", "10.8.0.6").put(0, (byte) 0x55);

        assertNull(table.routeDestination(p4.limit(19)));
        assertNull(table.routeDestination(p6.limit(39)));
        assertNull(table.routeDestination(ByteBuffer.allocate(0)));
        assertNull(table.routeDestination(v5));
        assertEquals("everyone", table.routeDestination(p4.limit(20)));
        assertEquals("everyone", table.routeDestination(p6.limit(40)));
    }

    @Test
    void theServersOwnAddressNeverRoutesToAClient() {
        table.learn("gateway", prefix("10.8.0.0/24"));

        assertNull(table.routeDestination(ipv4("10.8.0.6", "10.8.0.1")));
        assertEquals("gateway", table.routeDestination(ipv4("10.8.0.6", "10.8.0.2")));
    }

    @Test
    void multicastDestinationsAreRecognisedForBroadcasting() {
        ByteBuffer v4 = ipv4("10.8.0.6", "224.0.0.251");
        ByteBuffer v4Top = ipv4("10.8.0.6", "239.255.255.250");
        ByteBuffer v4Unicast = ipv4("10.8.0.6", "240.0.0.1");
        ByteBuffer v6 = ipv6("2001:db8::9", "ff02::fb");

        assertTrue(IpPacket.isMulticastDestination(v4, IpPacket.version(v4)));
        assertTrue(IpPacket.isMulticastDestination(v4Top, 4));
        assertFalse(IpPacket.isMulticastDestination(v4Unicast, 4));
        assertTrue(IpPacket.isMulticastDestination(v6, IpPacket.version(v6)));
        assertFalse(IpPacket.isMulticastDestination(ipv6("2001:db8::9", "fe80::1"), 6));
    }
}

package io.sluice.core.route;

import static io.sluice.core.route.Packets.host;
import static io.sluice.core.route.Packets.ip;
import static io.sluice.core.route.Packets.ipv4;
import static io.sluice.core.route.Packets.ipv6;
import static io.sluice.core.route.Packets.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** multi.c {@code multi_process_incoming_link}: a client may only send from addresses routed to it. */
class SourceCheckTest {

    private final RoutingTable<String> table = new RoutingTable<>(Optional.of(ip("10.8.0.1")));

    @BeforeEach
    void twoClients() {
        table.learn("alice", List.of(host("10.8.0.6"), host("2001:db8::1000"), prefix("192.168.10.0/24"),
                prefix("10.0.0.0/8"), prefix("2001:db8:a::/48")));
        table.learn("bob", List.of(host("10.8.0.10"), host("2001:db8::1001"), prefix("10.1.0.0/16")));
    }

    @Test
    void aClientsOwnAddressesAreAccepted() {
        assertEquals(SourceCheck.ACCEPTED, table.checkSource(ipv4("10.8.0.6", "8.8.8.8"), "alice"));
        assertEquals(SourceCheck.ACCEPTED, table.checkSource(ipv6("2001:db8::1000", "2001:db8::1"), "alice"));
        assertEquals(0, table.badSourceCount());
    }

    @Test
    void addressesInsideAClientsIroutesAreAccepted() {
        assertEquals(SourceCheck.ACCEPTED, table.checkSource(ipv4("192.168.10.77", "10.8.0.10"), "alice"));
        assertEquals(SourceCheck.ACCEPTED, table.checkSource(ipv6("2001:db8:a:5::1", "2001:db8::1"), "alice"));
    }

    @Test
    void anotherClientsAddressIsABadSourceAndCounted() {
        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv4("10.8.0.10", "10.8.0.6"), "alice"));
        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv6("2001:db8::1001", "2001:db8::1"), "alice"));

        assertEquals(2, table.badSourceCount());
    }

    @Test
    void anAddressRoutedNowhereIsABadSource() {
        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv4("172.16.0.1", "10.8.0.10"), "alice"));
        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv6("2001:db9::1", "2001:db8::1"), "alice"));
        assertEquals(2, table.badSourceCount());
    }

    @Test
    void aMoreSpecificIrouteOfAnotherClientWinsOverTheSendersWiderOne() {
        // alice routes 10.0.0.0/8 but bob routes 10.1.0.0/16: 10.1.2.3 is bob's.
        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv4("10.1.2.3", "8.8.8.8"), "alice"));
        assertEquals(SourceCheck.ACCEPTED, table.checkSource(ipv4("10.1.2.3", "8.8.8.8"), "bob"));
        assertEquals(SourceCheck.ACCEPTED, table.checkSource(ipv4("10.2.0.1", "8.8.8.8"), "alice"));
    }

    @Test
    void theServersOwnAddressIsNoClientsSource() {
        table.learn("alice", prefix("10.8.0.0/24"));

        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv4("10.8.0.1", "10.8.0.10"), "alice"));
    }

    @Test
    void anUnlearnedIpv6LinkLocalSourceIsDroppedQuietlyAndCountedApart() {
        assertEquals(SourceCheck.IPV6_LINK_LOCAL_SOURCE, table.checkSource(ipv6("fe80::1", "ff02::2"), "alice"));
        assertEquals(SourceCheck.IPV6_LINK_LOCAL_SOURCE, table.checkSource(ipv6("febf::1", "ff02::2"), "alice"));
        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv6("fec0::1", "ff02::2"), "alice"));

        assertEquals(2, table.linkLocalSourceCount());
        assertEquals(1, table.badSourceCount());
    }

    @Test
    void whatIsNotAnIpPacketIsMalformedAndCounted() {
        assertEquals(SourceCheck.MALFORMED, table.checkSource(ByteBuffer.allocate(0), "alice"));
        assertEquals(SourceCheck.MALFORMED, table.checkSource(ipv4("10.8.0.6", "8.8.8.8").limit(19), "alice"));
        assertEquals(SourceCheck.MALFORMED, table.checkSource(ipv6("2001:db8::1000", "::1").limit(39), "alice"));
        assertEquals(SourceCheck.MALFORMED,
                table.checkSource(ipv4("10.8.0.6", "8.8.8.8").put(0, (byte) 0x00), "alice"));

        assertEquals(4, table.malformedCount());
        assertEquals(0, table.badSourceCount());
    }

    @Test
    void aCheckWithoutASessionIsAnErrorNotAnAcceptance() {
        assertThrows(NullPointerException.class, () -> table.checkSource(ipv4("172.16.0.1", "8.8.8.8"), null));
    }

    @Test
    void aForgottenClientsPacketsAreBadSources() {
        table.forget("alice");

        assertEquals(SourceCheck.BAD_SOURCE, table.checkSource(ipv4("10.8.0.6", "8.8.8.8"), "alice"));
    }
}

package io.sluice.core.pool;

import static io.sluice.core.pool.Pools.ip;
import static io.sluice.core.pool.Pools.ipv4Of;
import static io.sluice.core.pool.Pools.pool;
import static io.sluice.core.pool.Pools.range;
import static io.sluice.core.pool.Pools.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.pool.Lease;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which addresses each topology hands out, against what OpenVPN 2.6's pool.c computes for the
 * same {@code server}/{@code ifconfig-pool}/{@code ifconfig-ipv6-pool} settings (and, for the
 * IPv4 cases, what a real 2.6.14 server pushed: see IfconfigPoolAgainstOpenVpnTest).
 */
class PoolTopologyTest {

    @Test
    void subnetGivesTheFirstClientDotTwoAndNoPeer() {
        IfconfigPool pool = Pools.subnet();

        PoolLease first = pool.lease("client1").orElseThrow();
        PoolLease second = pool.lease("client2").orElseThrow();

        assertEquals(253, pool.size());
        assertEquals(ip("10.8.0.2"), first.ipv4().orElseThrow());
        assertEquals(Optional.empty(), first.ipv4Peer());
        assertEquals(ip("10.8.0.3"), second.ipv4().orElseThrow());
        assertEquals(new Lease("client1", ip("10.8.0.2"), Optional.empty()), first.lease());
    }

    @Test
    void net30GivesTheFirstClientDotSixWithPeerDotFive() {
        // server 10.8.0.0 255.255.255.0 with topology net30 makes ifconfig-pool 10.8.0.4 10.8.0.251.
        IfconfigPool pool = pool(spec(4, range("10.8.0.4", "10.8.0.251")));

        PoolLease first = pool.lease("client1").orElseThrow();
        PoolLease second = pool.lease("client2").orElseThrow();

        assertEquals(62, pool.size());
        assertEquals(ip("10.8.0.6"), first.ipv4().orElseThrow());
        assertEquals(ip("10.8.0.5"), first.ipv4Peer().orElseThrow());
        assertEquals(ip("10.8.0.10"), second.ipv4().orElseThrow());
        assertEquals(ip("10.8.0.9"), second.ipv4Peer().orElseThrow());
        assertEquals(new Lease("client1", ip("10.8.0.6"), Optional.of(ip("10.8.0.5"))), first.lease());
    }

    @Test
    void net30sLastSlashThirtyIsTheOneHoldingThePoolsEnd() {
        IfconfigPool pool = pool(spec(4, range("10.8.0.4", "10.8.0.251")));
        PoolLease last = null;
        for (int i = 0; i < 62; i++) {
            last = pool.lease("client" + i).orElseThrow();
        }

        assertEquals(ip("10.8.0.250"), last.ipv4().orElseThrow());
        assertEquals(ip("10.8.0.249"), last.ipv4Peer().orElseThrow());
        assertTrue(pool.lease("one-too-many").isEmpty());
    }

    @Test
    void net30WidensAnUnalignedRangeToWholeSlashThirties() {
        // pool.c: base = start & ~3, size = ((end | 3) + 1 - base) >> 2.
        IfconfigPool pool = pool(spec(4, range("10.8.0.5", "10.8.0.10")));

        assertEquals(2, pool.size());
        assertEquals("10.8.0.6", ipv4Of(pool.lease("a").orElseThrow()));
        assertEquals("10.8.0.10", ipv4Of(pool.lease("b").orElseThrow()));
    }

    @Test
    void p2pGivesOneAddressPerClientFromDotFour() {
        // server 10.8.0.0 255.255.255.0 with topology p2p: the net30 range, one address per client.
        IfconfigPool pool = pool(spec(1, range("10.8.0.4", "10.8.0.251")));

        assertEquals(248, pool.size());
        PoolLease first = pool.lease("client1").orElseThrow();
        assertEquals("10.8.0.4", ipv4Of(first));
        assertEquals(Optional.empty(), first.ipv4Peer());
        assertEquals("10.8.0.5", ipv4Of(pool.lease("client2").orElseThrow()));
    }

    @Test
    void ipv6AddressIsPairedWithTheIpv4SlotOfTheSameIndex() {
        // server 10.8.0.0 255.255.255.0 + server-ipv6 2001:db8::/64 (pool base ::1000).
        IfconfigPool pool = pool(spec(1, range("10.8.0.2", "10.8.0.254"),
                PoolRanges.ipv6Pool(ip("2001:db8::1000"), 64)));

        PoolLease first = pool.lease("client1").orElseThrow();
        PoolLease second = pool.lease("client2").orElseThrow();

        assertEquals(253, pool.size());
        assertEquals(ip("10.8.0.2"), first.ipv4().orElseThrow());
        assertEquals(ip("2001:db8::1000"), first.ipv6().orElseThrow());
        assertEquals(ip("10.8.0.3"), second.ipv4().orElseThrow());
        assertEquals(ip("2001:db8::1001"), second.ipv6().orElseThrow());
        assertEquals(ip("10.8.0.2"), first.lease().address());
    }

    @Test
    void ipv6PairsWithNet30SlotsToo() {
        IfconfigPool pool = pool(spec(4, range("10.8.0.4", "10.8.0.251"),
                PoolRanges.ipv6Pool(ip("2001:db8::1000"), 64)));

        pool.lease("client1");
        PoolLease second = pool.lease("client2").orElseThrow();

        assertEquals(ip("10.8.0.10"), second.ipv4().orElseThrow());
        assertEquals(ip("2001:db8::1001"), second.ipv6().orElseThrow());
    }

    @Test
    void theSmallerFamilyLimitsThePool() {
        // server-ipv6 2001:db8::/124 makes ifconfig-ipv6-pool 2001:db8::2/124: 14 addresses.
        IfconfigPool pool = pool(spec(1, range("10.8.0.2", "10.8.0.254"),
                PoolRanges.ipv6Pool(ip("2001:db8::2"), 124)));

        assertEquals(14, pool.size());
        PoolLease last = null;
        for (int i = 0; i < 14; i++) {
            last = pool.lease("c" + i).orElseThrow();
        }
        assertEquals(ip("2001:db8::f"), last.ipv6().orElseThrow());
        assertEquals(ip("10.8.0.15"), last.ipv4().orElseThrow());
        assertTrue(pool.lease("c14").isEmpty());
    }

    @Test
    void anIpv6OnlyPoolLeasesIpv6Addresses() {
        IfconfigPool pool = pool(spec(1, PoolRanges.ipv6Pool(ip("2001:db8::1000"), 64)));

        PoolLease lease = pool.lease("client1").orElseThrow();

        assertEquals(65536, pool.size());
        assertEquals(Optional.empty(), lease.ipv4());
        assertEquals(ip("2001:db8::1000"), lease.lease().address());
        assertEquals(Optional.empty(), lease.lease().peer());
    }

    @Test
    void severalRangesAreUsedInTheOrderGiven() {
        IfconfigPool pool = pool(spec(1, range("10.9.0.10", "10.9.0.11"), range("10.8.0.2", "10.8.0.3")));

        assertEquals("10.9.0.10", ipv4Of(pool.lease("a").orElseThrow()));
        assertEquals("10.9.0.11", ipv4Of(pool.lease("b").orElseThrow()));
        assertEquals("10.8.0.2", ipv4Of(pool.lease("c").orElseThrow()));
        assertEquals("10.8.0.3", ipv4Of(pool.lease("d").orElseThrow()));
        assertTrue(pool.lease("e").isEmpty());
    }

    @Test
    void aPoolOfOneSlotIsRefusedAsOpenVpnRefusesIt() {
        assertThrows(IllegalArgumentException.class, () -> pool(spec(1, range("10.8.0.2", "10.8.0.2"))));
        assertThrows(IllegalArgumentException.class, () -> pool(spec(4, range("10.8.0.4", "10.8.0.7"))));
    }

    @Test
    void anIpv4PoolOfMoreThan65536AddressesIsRefused() {
        assertEquals(65536, pool(spec(1, range("10.0.0.0", "10.0.255.255"))).size());
        assertThrows(IllegalArgumentException.class, () -> pool(spec(1, range("10.0.0.0", "10.1.0.0"))));
    }

    @Test
    void overlappingRangesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> pool(spec(1, range("10.8.0.2", "10.8.0.10"), range("10.8.0.10", "10.8.0.20"))));
        // Widened to /30s, 10.8.0.9 and 10.8.0.10 share one.
        assertThrows(IllegalArgumentException.class,
                () -> pool(spec(4, range("10.8.0.4", "10.8.0.9"), range("10.8.0.10", "10.8.0.20"))));
        assertThrows(IllegalArgumentException.class,
                () -> pool(spec(1, range("2001:db8::1", "2001:db8::ff"), range("2001:db8::ff", "2001:db8::1ff"))));
    }
}

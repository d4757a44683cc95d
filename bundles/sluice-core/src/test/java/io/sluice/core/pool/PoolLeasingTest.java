package io.sluice.core.pool;

import static io.sluice.core.pool.Pools.ip;
import static io.sluice.core.pool.Pools.ipv4Of;
import static io.sluice.core.pool.Pools.leaseIpv4;
import static io.sluice.core.pool.Pools.pool;
import static io.sluice.core.pool.Pools.range;
import static io.sluice.core.pool.Pools.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.pool.Lease;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Which slot a client gets (pool.c {@code ifconfig_pool_find}), and giving it back. */
class PoolLeasingTest {

    /** A three-address pool, 10.8.0.2 to 10.8.0.4, where reuse shows quickly. */
    private static IfconfigPool small() {
        return pool(spec(1, range("10.8.0.2", "10.8.0.4")));
    }

    @Test
    void anOwnerGetsItsLastAddressBack() {
        IfconfigPool pool = Pools.subnet();
        PoolLease a = pool.lease("alice").orElseThrow();
        pool.lease("bob");
        pool.release(a);
        pool.lease("carol");

        assertEquals("10.8.0.2", leaseIpv4(pool, "alice"));
    }

    @Test
    void aNewOwnerTakesANeverUsedAddressBeforeAReleasedOne() {
        IfconfigPool pool = Pools.subnet();
        pool.release(pool.lease("alice").orElseThrow());

        assertEquals("10.8.0.3", leaseIpv4(pool, "bob"));
    }

    @Test
    void whenAllWereUsedTheOneReleasedLongestAgoIsReused() {
        IfconfigPool pool = small();
        PoolLease a = pool.lease("a").orElseThrow();
        PoolLease b = pool.lease("b").orElseThrow();
        PoolLease c = pool.lease("c").orElseThrow();
        pool.release(b);
        pool.release(c);
        pool.release(a);

        assertEquals("10.8.0.3", leaseIpv4(pool, "d"));
        assertEquals("10.8.0.4", leaseIpv4(pool, "e"));
        assertEquals("10.8.0.2", leaseIpv4(pool, "f"));
    }

    @Test
    void anOwnersRememberedAddressGoesToOthersOnlyWhenNothingOlderIsFree() {
        IfconfigPool pool = small();
        PoolLease a = pool.lease("a").orElseThrow();
        pool.lease("b");
        pool.release(a);

        assertEquals("10.8.0.4", leaseIpv4(pool, "c"));
        assertEquals("10.8.0.2", leaseIpv4(pool, "d"));
        assertTrue(pool.lease("a").isEmpty());
    }

    @Test
    void aFullPoolLeasesNothingUntilAnAddressIsGivenBack() {
        IfconfigPool pool = small();
        List<PoolLease> held = new ArrayList<>();
        for (String owner : List.of("a", "b", "c")) {
            held.add(pool.lease(owner).orElseThrow());
        }

        assertTrue(pool.lease("d").isEmpty());
        assertTrue(pool.acquire("d").isEmpty());
        assertEquals(0, pool.available());

        pool.release(held.get(1));
        assertEquals("10.8.0.3", leaseIpv4(pool, "d"));
    }

    @Test
    void anAddressStillHeldByTheSameOwnersOldSessionIsNotShared() {
        IfconfigPool pool = Pools.subnet();
        pool.lease("alice");

        assertEquals("10.8.0.3", leaseIpv4(pool, "alice"));
    }

    @Test
    void withDuplicateCnTheFirstFreeAddressIsTakenAndNothingIsSticky() {
        IfconfigPool pool = pool(spec(1, range("10.8.0.2", "10.8.0.254")), true);
        PoolLease a1 = pool.lease("shared").orElseThrow();
        PoolLease a2 = pool.lease("shared").orElseThrow();
        pool.lease("other");
        pool.release(a1);
        pool.release(a2);

        assertEquals("10.8.0.2", ipv4Of(a1));
        assertEquals("10.8.0.3", ipv4Of(a2));
        // Not least recently used: the lowest free slot, whoever asks.
        assertEquals("10.8.0.2", leaseIpv4(pool, "newcomer"));
        assertEquals("10.8.0.3", leaseIpv4(pool, "shared"));
    }

    @Test
    void aLeaseGivenBackTwiceFreesItsAddressOnce() {
        IfconfigPool pool = Pools.subnet();
        PoolLease first = pool.lease("alice").orElseThrow();
        assertTrue(pool.release(first));
        PoolLease second = pool.lease("alice").orElseThrow();

        assertFalse(pool.release(first));
        assertEquals(List.of(second), pool.poolLeases());
        assertEquals("10.8.0.3", leaseIpv4(pool, "bob"));
    }

    @Test
    void theApisLeaseIsGivenBackByIdentityOnly() {
        IfconfigPool pool = Pools.subnet();
        Lease lease = pool.acquire("alice").orElseThrow();

        pool.release(new Lease("alice", ip("10.8.0.2"), Optional.empty()));
        assertEquals(List.of(lease), pool.leases());

        pool.release(lease);
        assertEquals(List.of(), pool.leases());
        pool.release(new Lease("x", ip("192.0.2.1"), Optional.empty()));
    }

    @Test
    void leasesAreListedInSlotOrderWithTheSameLeaseObjects() {
        IfconfigPool pool = Pools.subnet();
        PoolLease a = pool.lease("a").orElseThrow();
        PoolLease b = pool.lease("b").orElseThrow();
        PoolLease c = pool.lease("c").orElseThrow();
        pool.release(a);

        assertEquals(List.of(b, c), pool.poolLeases());
        assertSame(b.lease(), pool.leases().get(0));
    }

    @Test
    void aReservedAddressIsNeverLeased() {
        IfconfigPool pool = small();

        assertEquals(Reservation.RESERVED, pool.reserve(ip("10.8.0.3")));
        assertEquals("10.8.0.2", leaseIpv4(pool, "a"));
        assertEquals("10.8.0.4", leaseIpv4(pool, "b"));
        assertTrue(pool.lease("c").isEmpty());
        assertEquals(0, pool.available());
    }

    @Test
    void aReservationDoesNotYieldEvenToTheAddressesLastOwner() {
        IfconfigPool pool = small();
        pool.release(pool.lease("a").orElseThrow());
        pool.reserve(ip("10.8.0.2"));

        assertEquals("10.8.0.3", leaseIpv4(pool, "a"));
    }

    @Test
    void reservingAnAddressOutsideThePoolChangesNothing() {
        IfconfigPool pool = small();

        assertEquals(Reservation.OUTSIDE_POOL, pool.reserve(ip("10.8.0.100")));
        assertEquals(Reservation.OUTSIDE_POOL, pool.reserve(ip("2001:db8::1")));
        assertEquals(3, pool.available());
    }

    @Test
    void reservingALeasedAddressReportsTheConflictAndKeepsItAfterRelease() {
        IfconfigPool pool = small();
        PoolLease a = pool.lease("a").orElseThrow();

        assertEquals(Reservation.RESERVED_BUT_LEASED, pool.reserve(ip("10.8.0.2")));
        pool.release(a);
        assertEquals("10.8.0.3", leaseIpv4(pool, "a"));
    }

    @Test
    void unreservingMakesTheAddressAvailableAgain() {
        IfconfigPool pool = small();
        pool.reserve(ip("10.8.0.2"));

        assertTrue(pool.unreserve(ip("10.8.0.2")));
        assertFalse(pool.unreserve(ip("10.8.0.2")));
        assertEquals("10.8.0.2", leaseIpv4(pool, "a"));
    }

    @Test
    void inNet30ReservingAClientAddressKeepsItsWholeSlashThirty() {
        IfconfigPool pool = pool(spec(4, range("10.8.0.4", "10.8.0.251")));

        // A client-config-dir file with "ifconfig-push 10.8.0.6 10.8.0.5".
        pool.reserve(ip("10.8.0.6"));

        PoolLease lease = pool.lease("a").orElseThrow();
        assertEquals(ip("10.8.0.10"), lease.ipv4().orElseThrow());
    }

    @Test
    void reservingAnIpv6AddressKeepsItsPairedIpv4AddressToo() {
        IfconfigPool pool = pool(spec(1, range("10.8.0.2", "10.8.0.254"),
                PoolRanges.ipv6Pool(ip("2001:db8::1000"), 64)));

        pool.reserve(ip("2001:db8::1000"));

        PoolLease lease = pool.lease("a").orElseThrow();
        assertEquals(ip("10.8.0.3"), lease.ipv4().orElseThrow());
        assertEquals(ip("2001:db8::1001"), lease.ipv6().orElseThrow());
    }

    @Test
    void aClosedPoolLeasesNothingButTakesLeasesBack() {
        IfconfigPool pool = Pools.subnet();
        PoolLease a = pool.lease("a").orElseThrow();
        pool.close();

        assertThrows(IllegalStateException.class, () -> pool.lease("b"));
        assertTrue(pool.release(a));
    }

    @Test
    void concurrentLeasesNeverShareAnAddress() throws InterruptedException {
        // Room for every lease asked for, so the outcome does not depend on the interleaving.
        IfconfigPool pool = pool(spec(1, range("10.8.0.2", "10.8.1.254")));
        int threads = 8;
        int perThread = 40;
        ConcurrentLinkedQueue<PoolLease> leases = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    // Take two, give one back: leases and releases interleave across threads.
                    PoolLease keep = pool.lease("t" + id + "-" + i).orElse(null);
                    pool.lease("t" + id + "-tmp" + i).ifPresent(pool::release);
                    if (keep != null) {
                        leases.add(keep);
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }

        Set<String> addresses = new HashSet<>();
        for (PoolLease l : leases) {
            assertTrue(addresses.add(ipv4Of(l)), "handed out twice: " + ipv4Of(l));
        }
        assertEquals(threads * perThread, leases.size());
        assertEquals(Set.copyOf(leases), Set.copyOf(pool.poolLeases()));
        assertEquals(pool.size() - threads * perThread, pool.available());
    }
}

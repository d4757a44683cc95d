package io.sluice.core.route;

import static io.sluice.core.route.Packets.at;
import static io.sluice.core.route.Packets.host;
import static io.sluice.core.route.Packets.ip;
import static io.sluice.core.route.Packets.ipv4;
import static io.sluice.core.route.Packets.ipv6;
import static io.sluice.core.route.Packets.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Routing a packet and checking its source allocate nothing: measured with the JVM's per-thread
 * allocation counter over many lookups in a table of a realistic size. One small object per
 * lookup would add megabytes over the run; the bound leaves room only for one-off noise.
 */
class RoutingAllocationTest {

    private static final int ROUNDS = 20_000;
    private static final long ONE_OFF_ALLOWANCE = 16 * 1024;

    private static long allocatedByThisThread() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assertTrue(bean instanceof com.sun.management.ThreadMXBean, "needs the HotSpot allocation counter");
        return ((com.sun.management.ThreadMXBean) bean).getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** A thousand clients with both families, some with iroutes of several lengths. */
    private static RoutingTable<String> table() {
        RoutingTable<String> table = new RoutingTable<>(Optional.of(ip("10.8.0.1")));
        for (int i = 0; i < 1000; i++) {
            List<RouteKey> keys = new ArrayList<>();
            keys.add(host("10.8." + (i / 250) + "." + (2 + i % 250)));
            keys.add(host("2001:db8::" + Integer.toHexString(0x1000 + i)));
            if (i % 20 == 0) {
                keys.add(prefix("192.168." + (i / 20) + ".0/24"));
                keys.add(prefix("172." + (16 + i / 100) + ".0.0/16"));
                keys.add(prefix("2001:db8:" + Integer.toHexString(0x100 + i) + "::/48"));
            }
            table.learn("client" + i, keys);
        }
        table.learn("gateway", List.of(prefix("0.0.0.0/0"), prefix("::/0")));
        return table;
    }

    private static long run(RoutingTable<String> table, ByteBuffer[] packets, String[] senders, int rounds) {
        long before = allocatedByThisThread();
        int routed = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < packets.length; i++) {
                if (table.routeDestination(packets[i]) != null) {
                    routed++;
                }
                table.checkSource(packets[i], senders[i]);
            }
        }
        long allocated = allocatedByThisThread() - before;
        assertEquals(rounds * packets.length, routed);
        return allocated;
    }

    @Test
    void routingAndSourceChecksAllocateNothingPerPacket() {
        RoutingTable<String> table = table();
        ByteBuffer[] packets = {
            ipv4("10.8.0.2", "10.8.1.7"),                                   // host to host
            at(ipv4("10.8.0.22", "192.168.3.9"), 13, true),                 // to an iroute, direct buffer
            ipv4("192.168.0.5", "172.17.4.4").order(ByteOrder.LITTLE_ENDIAN), // iroute to iroute
            ipv4("10.8.0.3", "198.51.100.7"),                               // default route
            ipv4("10.9.9.9", "10.8.0.2"),                                   // bad source
            ipv6("2001:db8::1000", "2001:db8::1005"),
            at(ipv6("2001:db8::1014", "2001:db8:114:1::1"), 7, true),
            ipv6("fe80::1", "2001:db8::1000"),                              // link-local source
            ipv6("2001:db8::1001", "2001:db8:ffff::1"),                     // default route
        };
        String[] senders = {"client0", "client20", "client0", "client1", "client0", "client0", "client20", "client0",
            "client1"};
        run(table, packets, senders, 2_000);

        long allocated = run(table, packets, senders, ROUNDS);

        assertTrue(allocated < ONE_OFF_ALLOWANCE,
                allocated + " bytes allocated over " + ROUNDS * packets.length + " packets");
        assertEquals((2_000 + ROUNDS), table.badSourceCount());
        assertEquals((2_000 + ROUNDS), table.linkLocalSourceCount());
    }
}

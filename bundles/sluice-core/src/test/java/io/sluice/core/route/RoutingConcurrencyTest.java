package io.sluice.core.route;

import static io.sluice.core.route.Packets.host;
import static io.sluice.core.route.Packets.ipv4;
import static io.sluice.core.route.Packets.ipv6;
import static io.sluice.core.route.Packets.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Lookups running while the table changes see the table before or after each change, never a
 * state in between.
 *
 * <p>A writer keeps switching one session between two sets of keys with one {@code replace}
 * each. Some addresses route to that session in both sets, by a host key in one and a prefix in
 * the other; a wide prefix of another session covers them too. A table updated key by key would,
 * between removing one key and adding the other, route them to the wide prefix or nowhere. Readers
 * check every answer against what both complete tables give, so the check holds whatever the
 * interleaving: it fails only if some reader saw a half-made table.
 */
class RoutingConcurrencyTest {

    private static final int SWITCHES = 3000;
    private static final int READERS = 3;

    private static final List<RouteKey> SET_A = List.of(host("10.1.2.3"), prefix("10.9.0.0/16"),
            host("2001:db8::5"), prefix("2001:db8:9::/48"));
    private static final List<RouteKey> SET_B = List.of(prefix("10.1.0.0/16"), host("10.9.9.9"),
            prefix("2001:db8::/64"), host("2001:db8:9::9"));

    @Test
    void readersSeeEitherTheOldOrTheNewTableNeverAMix() throws InterruptedException {
        RoutingTable<String> table = new RoutingTable<>();
        table.learn("wide", List.of(prefix("10.0.0.0/8"), prefix("2001:db8::/32")));
        table.replace("mover", SET_A);

        ByteBuffer[] alwaysMover = {ipv4("10.8.0.2", "10.1.2.3"), ipv4("10.8.0.2", "10.9.9.9"),
            ipv6("2001:db8::2", "2001:db8::5"), ipv6("2001:db8::2", "2001:db8:9::9")};
        // Routed by set B's /16 but, in set A, only by the wide prefix.
        ByteBuffer eitherOne = ipv4("10.8.0.2", "10.1.7.7");

        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicLong lookups = new AtomicLong();
        CountDownLatch started = new CountDownLatch(READERS);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            Thread t = new Thread(() -> {
                started.countDown();
                long n = 0;
                while (!done.get()) {
                    for (ByteBuffer p : alwaysMover) {
                        String s = table.routeDestination(p);
                        if (!"mover".equals(s)) {
                            wrong.add(s + " for a packet to an address the mover always owns");
                        }
                    }
                    String s = table.routeDestination(eitherOne);
                    if (!"mover".equals(s) && !"wide".equals(s)) {
                        wrong.add(s + " for 10.1.7.7");
                    }
                    if (table.checkSource(ipv4("10.1.2.3", "192.0.2.1"), "mover") != SourceCheck.ACCEPTED) {
                        wrong.add("mover's own source refused");
                    }
                    n++;
                }
                lookups.addAndGet(n);
            });
            readers.add(t);
            t.start();
        }
        started.await();

        for (int i = 0; i < SWITCHES; i++) {
            LearnResult<String> r = table.replace("mover", i % 2 == 0 ? SET_B : SET_A);
            assertEquals(8, r.changes().size());
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }

        assertEquals(0, wrong.size(), () -> wrong.size() + " wrong answers, the first: "
                + wrong.stream().limit(5).toList());
        assertEquals(0, table.badSourceCount());
    }
}

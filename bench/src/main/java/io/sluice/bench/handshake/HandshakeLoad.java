package io.sluice.bench.handshake;

import io.sluice.core.client.ClientInstance;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps {@code concurrency} sessions handshaking until {@code sessions} have been started, and
 * times each from {@link ClientInstance#start()} to {@link ClientInstance#connected()}.
 *
 * <p>A connected session stays up, in {@link #kept()}, and a new one takes its place among those
 * handshaking: what is measured is the rate at which the server admits new sessions while a fixed
 * number are in their handshake, and then what holding them all costs it. A session that ends or
 * does not connect in time is closed and counted as failed. Connection is polled every
 * millisecond, which is the times' resolution.
 */
final class HandshakeLoad {

    /** Makes and starts one client session. */
    interface Sessions {
        ClientInstance start() throws IOException;
    }

    private final Sessions sessions;
    private final int total;
    private final int concurrency;
    private final Duration perSessionLimit;
    private final List<ClientInstance> kept = new ArrayList<>();

    HandshakeLoad(Sessions sessions, int total, int concurrency, Duration perSessionLimit) {
        this.sessions = sessions;
        this.total = total;
        this.concurrency = concurrency;
        this.perSessionLimit = perSessionLimit;
    }

    /** The connected sessions, still up; the caller closes them. */
    List<ClientInstance> kept() {
        return List.copyOf(kept);
    }

    HandshakeResult run() throws IOException, InterruptedException {
        ExecutorService closer = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "handshake-load-closer");
            t.setDaemon(true);
            return t;
        });
        Map<ClientInstance, Long> inFlight = new LinkedHashMap<>();
        List<Long> times = new ArrayList<>();
        int failed = 0;
        int started = 0;
        long first = System.nanoTime();
        long last = first;
        try {
            while (started < total || !inFlight.isEmpty()) {
                while (started < total && inFlight.size() < concurrency) {
                    long t0 = System.nanoTime();
                    inFlight.put(sessions.start(), t0);
                    started++;
                }
                long now = System.nanoTime();
                for (Iterator<Map.Entry<ClientInstance, Long>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<ClientInstance, Long> e = it.next();
                    ClientInstance c = e.getKey();
                    if (c.connected()) {
                        times.add(now - e.getValue());
                        last = now;
                        it.remove();
                        kept.add(c);
                    } else if (c.finished().isDone() || now - e.getValue() > perSessionLimit.toNanos()) {
                        failed++;
                        last = now;
                        it.remove();
                        closer.execute(c::close);
                    }
                }
                Thread.sleep(1);
            }
        } finally {
            inFlight.keySet().forEach(c -> closer.execute(c::close));
            closer.shutdown();
            closer.awaitTermination(60, TimeUnit.SECONDS);
        }
        return HandshakeResult.of(times, failed, last - first);
    }
}

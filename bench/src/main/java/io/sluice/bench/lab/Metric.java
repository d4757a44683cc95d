package io.sluice.bench.lab;

/**
 * One row of the table.
 *
 * @param label what is measured, as the table shows it (also the row's key for {@code --check})
 * @param unit the unit of its values
 * @param lowerIsBetter true for latency, loss and cost, so the legend can say which way a ratio is good
 */
record Metric(String label, String unit, boolean lowerIsBetter) {

    static Metric tcp(int streams, boolean download) {
        return new Metric("TCP, " + streams + (streams == 1 ? " stream, " : " streams, ")
                + (download ? "server → client" : "client → server"), "Mbit/s", false);
    }

    static Metric udpReceived(long megabits) {
        return new Metric("UDP at " + megabits + " Mbit/s offered, client → server, received", "Mbit/s", false);
    }

    static Metric udpLoss(long megabits) {
        return new Metric("UDP at " + megabits + " Mbit/s offered, client → server, loss", "%", true);
    }

    static final Metric PING_IDLE = new Metric("Ping RTT through the tunnel, idle", "ms", true);
    static final Metric PING_LOADED =
            new Metric("Ping RTT through the tunnel, under a TCP client → server load", "ms", true);
    static final Metric SERVER_CPU_PER_GB =
            new Metric("Server CPU seconds per GB moved (TCP runs)", "s/GB", true);

    static Metric handshakeRate(int sessions, int concurrency) {
        return new Metric("Sessions connected per second (" + sessions + " sessions, " + concurrency
                + " in their handshake at once)", "1/s", false);
    }

    static final Metric HANDSHAKE_P50 = new Metric("Time from start to connected, median", "ms", true);
    static final Metric HANDSHAKE_P90 = new Metric("Time from start to connected, 90th percentile", "ms", true);
    static final Metric HANDSHAKE_P99 = new Metric("Time from start to connected, 99th percentile", "ms", true);
    static final Metric SERVER_CPU_PER_HANDSHAKE = new Metric("Server CPU per connected session", "ms", true);

    static Metric scaleMemory(int sessions) {
        return new Metric("Server memory growth (RSS) per 1,000 sessions, " + sessions + " up", "MB", true);
    }

    static Metric scaleCpu(int sessions) {
        return new Metric("Server CPU per 1,000 idle sessions with keepalive (ping 2), " + sessions + " up",
                "% of a core", true);
    }
}

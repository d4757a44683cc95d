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
}

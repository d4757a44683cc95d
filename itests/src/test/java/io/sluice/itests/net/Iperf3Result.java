package io.sluice.itests.net;

/**
 * The end summary of an iperf3 run as the client reported it.
 *
 * @param sentBitsPerSecond what the sender put on the wire ({@code end.sum_sent})
 * @param receivedBitsPerSecond what the receiver got ({@code end.sum_received}); the number to check
 * @param lostPercent UDP datagram loss ({@code end.sum.lost_percent}); NaN for TCP
 * @param json the client's full JSON output
 */
public record Iperf3Result(double sentBitsPerSecond, double receivedBitsPerSecond, double lostPercent,
                           long sentBytes, long receivedBytes, String json) {

    public double receivedMbitPerSecond() {
        return receivedBitsPerSecond / 1e6;
    }

    @Override
    public String toString() {
        return String.format("iperf3: sent %.1f Mbit/s, received %.1f Mbit/s%s", sentBitsPerSecond / 1e6,
                receivedBitsPerSecond / 1e6, Double.isNaN(lostPercent) ? "" : String.format(", lost %.2f%%", lostPercent));
    }
}

package io.sluice.itests.net;

/**
 * What {@code ping} reported: packets sent and answered, and its full output for assertion messages.
 */
public record PingResult(String from, String to, int transmitted, int received, String output) {

    public boolean allReceived() {
        return transmitted > 0 && received == transmitted;
    }

    public boolean anyReceived() {
        return received > 0;
    }

    /** Packet loss in percent (100 when nothing was sent). */
    public double lossPercent() {
        return transmitted == 0 ? 100.0 : 100.0 * (transmitted - received) / transmitted;
    }

    @Override
    public String toString() {
        return "ping from " + from + " to " + to + ": " + received + "/" + transmitted + " received\n" + output;
    }
}

package io.sluice.itests.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ping} reported: packets sent and answered, and its full output for assertion messages.
 */
public record PingResult(String from, String to, int transmitted, int received, String output) {

    private static final Pattern RTT = Pattern.compile("\\btime=([0-9.]+) ms");

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

    /** The round-trip time of each answered echo request, in milliseconds, in the order they came. */
    public List<Double> rttsMillis() {
        List<Double> rtts = new ArrayList<>();
        Matcher m = RTT.matcher(output);
        while (m.find()) {
            rtts.add(Double.parseDouble(m.group(1)));
        }
        return rtts;
    }

    @Override
    public String toString() {
        return "ping from " + from + " to " + to + ": " + received + "/" + transmitted + " received\n" + output;
    }
}

package io.sluice.bench.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one load run gave, and the one line that carries it from the generator's process to the
 * harness.
 *
 * @param connected sessions that reached connected
 * @param failed sessions that ended, or did not connect in time
 * @param seconds from the first session's start to the last one's end
 * @param perSecond connected sessions per second over {@code seconds}
 * @param p50Millis median time from start to connected
 */
public record HandshakeResult(int connected, int failed, double seconds, double perSecond, double p50Millis,
                              double p90Millis, double p99Millis, double maxMillis) {

    /** What the harness looks for in the generator's output. */
    public static final String PREFIX = "handshake-load:";

    private static final Pattern FIELD = Pattern.compile("(\\w+)=([0-9.]+)");

    static HandshakeResult of(List<Long> nanos, int failed, long elapsedNanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double seconds = elapsedNanos / 1e9;
        return new HandshakeResult(sorted.size(), failed, seconds, sorted.size() / seconds,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100));
    }

    /** Nearest rank, in milliseconds; NaN when nothing connected. */
    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    public String toLine() {
        return String.format(Locale.ROOT,
                "%s connected=%d failed=%d seconds=%.3f perSecond=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f", PREFIX,
                connected, failed, seconds, perSecond, p50Millis, p90Millis, p99Millis, maxMillis);
    }

    /** Reads a line {@link #toLine()} wrote. */
    public static HandshakeResult parse(String line) {
        Map<String, Double> f = new HashMap<>();
        Matcher m = FIELD.matcher(line.substring(line.indexOf(PREFIX) + PREFIX.length()));
        while (m.find()) {
            f.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        for (String k : List.of("connected", "failed", "seconds", "perSecond", "p50", "p90", "p99", "max")) {
            if (!f.containsKey(k)) {
                throw new IllegalArgumentException("no " + k + " in '" + line + "'");
            }
        }
        return new HandshakeResult(f.get("connected").intValue(), f.get("failed").intValue(), f.get("seconds"),
                f.get("perSecond"), f.get("p50"), f.get("p90"), f.get("p99"), f.get("max"));
    }
}

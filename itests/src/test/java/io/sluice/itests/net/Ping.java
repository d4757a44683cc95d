package io.sluice.itests.net;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs iputils {@code ping} inside a namespace and parses its summary line.
 *
 * <p>Packets go out 0.2 s apart (allowed for root) so a 5-ping check takes about a second; the
 * deadline {@code -w} bounds the run even when nothing answers. The destination must be a test
 * address (see {@link AddressRules}).
 */
public final class Ping {

    private static final Pattern SUMMARY =
            Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received");

    private Ping() {
    }

    public static PingResult run(NetLab lab, Ns from, String address, int count, Duration timeout) {
        AddressRules.requireTestDestination(address);
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        long deadlineSeconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        CommandResult r = lab.exec(from, timeout.plusSeconds(5), "ping", "-n", "-c", Integer.toString(count),
                "-i", "0.2", "-W", "1", "-w", Long.toString(deadlineSeconds), address);
        Matcher m = SUMMARY.matcher(r.output());
        if (!m.find()) {
            // No summary: ping gave up before sending ("Network is unreachable"); nothing got through.
            return new PingResult(from.toString(), address, 0, 0, r.output());
        }
        return new PingResult(from.toString(), address, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                r.output());
    }
}

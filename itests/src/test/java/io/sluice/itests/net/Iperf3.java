package io.sluice.itests.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One short iperf3 measurement between two namespaces: a one-shot server ({@code -s -1}) bound to the
 * address under test, then a client with {@code --json} whose summary is parsed.
 *
 * <p>The server runs without {@code --json} (with it, iperf3 prints nothing until the end, so there is
 * no "listening" line to wait for) and with {@code --forceflush} (its stdout is a pipe). Usage:
 *
 * <pre>{@code
 * Iperf3Result r = Iperf3.tcp(Duration.ofSeconds(2)).run(lab, server, "10.8.0.1", client);
 * assertTrue(r.receivedBitsPerSecond() > 0, r::toString);
 * }</pre>
 */
public final class Iperf3 {

    private static final Pattern LISTENING = Pattern.compile("Server listening on");

    private final Duration duration;
    private final boolean udp;
    private final long udpBitsPerSecond;
    private final boolean reverse;
    private final int port;
    /** A byte count to send ({@code -n}) instead of a duration, 0 for none; duration is then the limit. */
    private final long bytes;
    /** Parallel streams ({@code -P}); the result sums them. */
    private final int streams;

    private Iperf3(Duration duration, boolean udp, long udpBitsPerSecond, boolean reverse, int port, long bytes,
            int streams) {
        // A guard on CI time: 60 s is what the renegotiation test needs, nothing runs longer.
        if (duration.isNegative() || duration.isZero() || duration.toSeconds() > 60) {
            throw new IllegalArgumentException("iperf3 runs in tests last between 1 and 60 s: " + duration);
        }
        this.duration = duration;
        this.udp = udp;
        this.udpBitsPerSecond = udpBitsPerSecond;
        this.reverse = reverse;
        this.port = port;
        this.bytes = bytes;
        this.streams = streams;
    }

    /** A TCP run of the given length (whole seconds, at least 1). */
    public static Iperf3 tcp(Duration duration) {
        return new Iperf3(duration, false, 0, false, 5201, 0, 1);
    }

    /**
     * A TCP run at a fixed rate ({@code -b}), below what the tunnel carries, so that the path is
     * never congested and any lost packet is the tunnel's fault.
     */
    public static Iperf3 tcpAt(Duration duration, long bitsPerSecond) {
        return new Iperf3(duration, false, bitsPerSecond, false, 5201, 0, 1);
    }

    /** A TCP run that sends exactly {@code bytes} and must finish within {@code limit}. */
    public static Iperf3 tcpBytes(long bytes, Duration limit) {
        return new Iperf3(limit, false, 0, false, 5201, bytes, 1);
    }

    /** A UDP run at a fixed offered rate. */
    public static Iperf3 udp(Duration duration, long bitsPerSecond) {
        return new Iperf3(duration, true, bitsPerSecond, false, 5201, 0, 1);
    }

    /** Data flows from server to client ({@code -R}) instead. */
    public Iperf3 reverse() {
        return new Iperf3(duration, udp, udpBitsPerSecond, true, port, bytes, streams);
    }

    /** Runs {@code n} streams in parallel ({@code -P}), e.g. to see whether one stream is the limit. */
    public Iperf3 parallel(int n) {
        if (n < 1 || n > 128) {
            throw new IllegalArgumentException("iperf3 runs 1 to 128 streams: " + n);
        }
        return new Iperf3(duration, udp, udpBitsPerSecond, reverse, port, bytes, n);
    }

    public Iperf3 port(int p) {
        return new Iperf3(duration, udp, udpBitsPerSecond, reverse, p, bytes, streams);
    }

    /**
     * Runs the measurement: server in {@code serverNs} bound to {@code serverAddress}, client in
     * {@code clientNs}. Fails with both sides' output if the client reports an error.
     */
    public Iperf3Result run(NetLab lab, Ns serverNs, String serverAddress, Ns clientNs) throws InterruptedException {
        AddressRules.requireTestDestination(serverAddress);
        long seconds = Math.max(1, duration.toSeconds());
        NsProcess server = lab.start(serverNs, "iperf3-server", "iperf3", "-s", "-1", "--forceflush",
                "-B", serverAddress, "-p", Integer.toString(port));
        try {
            server.awaitLine(LISTENING, Duration.ofSeconds(10));
            List<String> cmd = new ArrayList<>(List.of("iperf3", "-c", serverAddress, "-p", Integer.toString(port),
                    "--json", "--connect-timeout", "5000"));
            cmd.addAll(bytes > 0 ? List.of("-n", Long.toString(bytes)) : List.of("-t", Long.toString(seconds)));
            if (udp) {
                cmd.add("-u");
            }
            if (udpBitsPerSecond > 0) {
                cmd.addAll(List.of("-b", Long.toString(udpBitsPerSecond)));
            }
            if (reverse) {
                cmd.add("-R");
            }
            if (streams > 1) {
                cmd.addAll(List.of("-P", Integer.toString(streams)));
            }
            NsProcess client = lab.start(clientNs, "iperf3-client", cmd, java.util.Map.of(), null);
            if (client.waitFor(Duration.ofSeconds(seconds + 20)).isEmpty()) {
                client.stop(Duration.ofSeconds(1));
                throw new AssertionError("iperf3 client did not finish\n" + client.tail(20) + server.tail(20));
            }
            String json = client.output();
            int start = json.indexOf('{');
            Object root;
            try {
                root = MiniJson.parse(start < 0 ? "" : json.substring(start));
            } catch (IllegalArgumentException e) {
                throw new AssertionError("iperf3 client printed no JSON (exit " + client.exitCode() + ")\n"
                        + client.tail(20) + server.tail(20), e);
            }
            Object error = MiniJson.path(root, "error");
            if (error != null || client.exitCode() != 0) {
                throw new AssertionError("iperf3 failed (exit " + client.exitCode() + "): " + error + "\n"
                        + server.tail(20));
            }
            double lost = udp ? MiniJson.number(root, "end", "sum", "lost_percent") : Double.NaN;
            return new Iperf3Result(MiniJson.number(root, "end", "sum_sent", "bits_per_second"),
                    MiniJson.number(root, "end", "sum_received", "bits_per_second"), lost,
                    (long) MiniJson.number(root, "end", "sum_sent", "bytes"),
                    (long) MiniJson.number(root, "end", "sum_received", "bytes"), json);
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }
}

package io.sluice.itests.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What interop tests check on either side of a tunnel: addresses, pings, routing tables. */
public final class TunnelChecks {

    private TunnelChecks() {
    }

    /** Fails unless every echo request was answered. */
    public static void assertAllReplies(PingResult ping) {
        assertTrue(ping.allReceived(), ping::toString);
    }

    /**
     * Pings both ways (three each), then moves {@code bytes} with iperf3 from the second side to
     * the first through the tunnel, and fails unless every reply came and every byte was sent.
     */
    public static void pingBothWaysAndMove(NetLab lab, Ns first, String firstAddress, Ns second, String secondAddress,
                                           long bytes) throws InterruptedException {
        Duration t = Duration.ofSeconds(30);
        assertAllReplies(lab.ping(second, firstAddress, 3, t));
        assertAllReplies(lab.ping(first, secondAddress, 3, t));
        Iperf3Result bulk = Iperf3.tcpBytes(bytes, t).run(lab, first, firstAddress, second);
        assertEquals(bytes, bulk.sentBytes(), bulk::toString);
    }

    /** The first IPv4 address on {@code dev} in {@code ns}. */
    public static String tunAddress(NetLab lab, Ns ns, String dev) {
        String out = lab.ip(ns, "-4", "addr", "show", "dev", dev).requireOk().output();
        Matcher m = Pattern.compile("inet (\\d+\\.\\d+\\.\\d+\\.\\d+)").matcher(out);
        assertTrue(m.find(), "no IPv4 address on " + dev + ": " + out);
        return m.group(1);
    }

    /** How many echo requests went unanswered, from ping's summary line. */
    public static int lostPackets(String pingOutput) {
        Matcher m = Pattern.compile("(\\d+) packets transmitted, (\\d+) received").matcher(pingOutput);
        assertTrue(m.find(), pingOutput);
        return Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(2));
    }

    /** Waits for a ping to get through, as after a reconnect the first ones may race the route set-up. */
    public static void awaitPing(NetLab lab, Ns from, String address) throws InterruptedException {
        awaitPing(lab, from, address, 10);
    }

    /** Waits for a ping to get through, trying {@code tries} times a few seconds apart. */
    public static void awaitPing(NetLab lab, Ns from, String address, int tries) throws InterruptedException {
        for (int i = 0; i < tries; i++) {
            if (lab.ping(from, address, 1, Duration.ofSeconds(3)).allReceived()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no ping reply from " + address + " after " + tries + " tries");
    }

    /** {@code ip -4|-6 route show} in {@code ns}, one route per line. */
    public static String routes(NetLab lab, Ns ns, int family) {
        return lab.ip(ns, family == 6 ? "-6" : "-4", "route", "show").requireOk().output().strip();
    }

    /** The device {@code ip route get} names for {@code address} in {@code ns}. */
    public static String routeDevice(NetLab lab, Ns ns, String address) {
        String out = lab.ip(ns, "route", "get", address).requireOk().output();
        Matcher m = Pattern.compile(" dev (\\S+)").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }
}

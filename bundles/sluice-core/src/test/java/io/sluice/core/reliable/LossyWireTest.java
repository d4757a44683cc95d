package io.sluice.core.reliable;

import io.sluice.core.time.FakeClock;
import io.sluice.core.wire.ControlCodec;
import io.sluice.core.wire.ControlLimits;
import io.sluice.core.wire.ControlMessage;
import io.sluice.core.wire.ControlPacket;
import io.sluice.core.wire.Decoded;
import io.sluice.core.wire.Opcode;
import io.sluice.core.wire.Reject;
import io.sluice.core.wire.RejectCounters;
import io.sluice.core.wire.SessionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two reliability channels talking through a {@link SimulatedWire} that drops, duplicates,
 * reorders and corrupts, in simulated time: every message arrives, in order, exactly once,
 * in both directions. Each seed is one reproducible run.
 */
class LossyWireTest {

    private static final long MS = Duration.ofMillis(1).toNanos();
    private static final int MESSAGES = 1500;
    private static final int MAX_STEPS = 2_000_000;

    private static final SimulatedWire.Impairments BAD = new SimulatedWire.Impairments(0.2, 0.1, 0.05, 5 * MS, 80 * MS);
    private static final SimulatedWire.Impairments AWFUL = new SimulatedWire.Impairments(0.45, 0.3, 0.15, 1 * MS, 400 * MS);

    /** One side: a channel, a codec with a checksum wrapper, and the stream it sends and checks. */
    private static final class Endpoint {
        final String name;
        final boolean isA;
        final ReliableChannel channel;
        final RejectCounters rejects = new RejectCounters();
        final ControlCodec codec = new ControlCodec(ControlLimits.DEFAULT, new CrcControlWrapper(), rejects);
        final ByteBuffer out = ByteBuffer.allocate(ControlLimits.DEFAULT.maxPacketLength());
        final Map<ReliableChannel.Outcome, Integer> outcomes = new EnumMap<>(ReliableChannel.Outcome.class);
        int sent;
        int received;

        Endpoint(String name, boolean isA, SessionId local, SessionId remote, int firstId, ReliableConfig config) {
            this.name = name;
            this.isA = isA;
            this.channel = new ReliableChannel(config, 0, local, remote, firstId, firstId);
        }

        /** Message n's payload: its number, then a length and bytes that depend on it. */
        static byte[] payload(boolean fromA, int n) {
            byte[] b = new byte[4 + (n * 7) % 300];
            ByteBuffer.wrap(b).putInt(fromA ? n : ~n);
            for (int i = 4; i < b.length; i++) {
                b[i] = (byte) (n * 31 + i);
            }
            return b;
        }

        void deliver(byte[] datagram, long now) {
            Decoded<ControlMessage> d = codec.decode(ByteBuffer.wrap(datagram));
            if (!d.isOk()) {
                return;
            }
            ReliableChannel.Outcome outcome = channel.receive(d.value(), now);
            outcomes.merge(outcome, 1, Integer::sum);
            ControlPacket p;
            while ((p = channel.poll()) != null) {
                byte[] expected = payload(!isA, received);
                byte[] got = new byte[p.payloadLength()];
                p.payload().get(got);
                if (!java.util.Arrays.equals(expected, got)) {
                    fail(name + " expected message " + received + " but got id " + p.messageId());
                }
                received++;
            }
        }

        void pump(SimulatedWire wire, long now) {
            while (sent < MESSAGES && channel.canSend()) {
                channel.send(Opcode.P_CONTROL_V1, ByteBuffer.wrap(payload(isA, sent)), now);
                sent++;
            }
            ControlMessage m;
            while ((m = channel.nextToSend(now)) != null) {
                out.clear();
                codec.encode(m, out);
                byte[] datagram = new byte[out.position()];
                out.flip().get(datagram);
                wire.transmit(isA, datagram, now);
            }
        }

        boolean done() {
            return received == MESSAGES && sent == MESSAGES && channel.allAcked();
        }
    }

    /** What a run did, to compare runs. */
    record Trace(long endTime, int transmitted, int dropped, int duplicated, int corrupted, int reordered, int outOfWindow) {
    }

    private static Trace run(long seed, SimulatedWire.Impairments impairments, boolean checkImpairments) {
        return run(seed, impairments, checkImpairments, 0, ReliableConfig.DEFAULT);
    }

    private static Trace run(long seed, SimulatedWire.Impairments impairments, boolean checkImpairmentsBit, int firstId,
                             ReliableConfig config) {
        FakeClock clock = new FakeClock();
        SimulatedWire wire = new SimulatedWire(seed, impairments);
        SessionId aId = SessionId.fromHex("00000000000000a1");
        SessionId bId = SessionId.fromHex("00000000000000b2");
        Endpoint a = new Endpoint("A", true, aId, bId, firstId, config);
        Endpoint b = new Endpoint("B", false, bId, aId, firstId, config);
        int steps = 0;
        while (!(a.done() && b.done())) {
            if (++steps > MAX_STEPS) {
                fail("seed " + seed + ": no progress after " + MAX_STEPS + " steps; A got " + a.received
                        + ", B got " + b.received + "; " + wire);
            }
            long now = clock.nanos();
            SimulatedWire.Datagram d;
            while ((d = wire.poll(now)) != null) {
                (d.toB() ? b : a).deliver(d.bytes(), now);
            }
            a.pump(wire, now);
            b.pump(wire, now);
            long next = Math.min(wire.nextDelivery(), Math.min(a.channel.nextWakeup(now), b.channel.nextWakeup(now)));
            if (a.done() && b.done()) {
                break;
            }
            assertNotEquals(ReliableConstants.NEVER, next, () -> "seed " + seed + ": deadlock, nothing scheduled; " + wire);
            if (next - now > 0) {
                clock.set(next);
            }
        }
        assertEquals(MESSAGES, a.received, "seed " + seed);
        assertEquals(MESSAGES, b.received, "seed " + seed);
        if (checkImpairmentsBit) {
            String why = "seed " + seed + " " + wire;
            assertTrue(wire.dropped > 0 && wire.duplicated > 0 && wire.corrupted > 0 && wire.reordered > 0, why);
            long caught = a.rejects.total() + b.rejects.total();
            assertTrue(caught > 0, "the codec rejected corrupted datagrams: " + why);
            assertEquals(caught, a.rejects.get(Reject.BAD_AUTHENTICATION) + b.rejects.get(Reject.BAD_AUTHENTICATION)
                    + a.rejects.get(Reject.UNKNOWN_OPCODE) + b.rejects.get(Reject.UNKNOWN_OPCODE)
                    + a.rejects.get(Reject.OBSOLETE_OPCODE) + b.rejects.get(Reject.OBSOLETE_OPCODE)
                    + a.rejects.get(Reject.NOT_CONTROL) + b.rejects.get(Reject.NOT_CONTROL)
                    + a.rejects.get(Reject.TOO_MANY_ACKS) + b.rejects.get(Reject.TOO_MANY_ACKS)
                    + a.rejects.get(Reject.TRUNCATED) + b.rejects.get(Reject.TRUNCATED), "only corruption is rejected");
            assertTrue(a.outcomes.getOrDefault(ReliableChannel.Outcome.DUPLICATE, 0)
                    + b.outcomes.getOrDefault(ReliableChannel.Outcome.DUPLICATE, 0) > 0, "duplicates were seen and re-acked");
        }
        int outOfWindow = a.outcomes.getOrDefault(ReliableChannel.Outcome.OUT_OF_WINDOW, 0)
                + b.outcomes.getOrDefault(ReliableChannel.Outcome.OUT_OF_WINDOW, 0);
        return new Trace(clock.nanos(), wire.transmitted, wire.dropped, wire.duplicated, wire.corrupted, wire.reordered,
                outOfWindow);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20251122, 0xC0FFEE})
    void aLongStreamArrivesInOrderExactlyOnceBothWaysOverABadLink(long seed) {
        run(seed, BAD, true);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8})
    void andOverAnAwfulOne(long seed) {
        run(seed, AWFUL, true);
    }

    @Test
    void aStreamCrossingTheWrapOfMessageIdsArrivesIntact() {
        // 2^32 is no multiple of either window, so anything indexing by id modulo the window breaks here.
        run(11, BAD, true, -MESSAGES / 2, ReliableConfig.DEFAULT);
    }

    @Test
    void aSenderWhoseWindowOutrunsTheReceiversStillGetsEverythingThrough() {
        // OpenVPN's windows never let this happen (6 in flight, 12 buffered), but a peer's
        // may: messages beyond the receive window are dropped unacked and resent later.
        ReliableConfig mismatched = new ReliableConfig(ReliableConstants.INITIAL_RETRANSMIT_TIMEOUT_NANOS,
                ReliableConstants.MAX_RETRANSMIT_TIMEOUT_NANOS, 24, 5);
        Trace t = run(13, BAD, true, 0, mismatched);
        assertTrue(t.outOfWindow() > 0, t::toString);
    }

    @Test
    void aPerfectLinkNeedsNoRetransmissions() {
        Trace t = run(5, new SimulatedWire.Impairments(0, 0, 0, 10 * MS, 0), false);
        // Every message and every standalone ack goes out once: nothing is lost, so nothing
        // is resent, and the run ends long before the first retransmission timeout could matter.
        assertTrue(t.transmitted() <= 4 * MESSAGES, t::toString);
        assertEquals(0, t.reordered());
    }

    @Test
    void theSameSeedReplaysTheSameRun() {
        assertEquals(run(99, BAD, false), run(99, BAD, false));
    }
}

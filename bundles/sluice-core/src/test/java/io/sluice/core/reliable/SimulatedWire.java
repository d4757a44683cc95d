package io.sluice.core.reliable;

import java.util.PriorityQueue;
import java.util.Random;

/**
 * A link between two endpoints that drops, duplicates, delays (and so reorders) and
 * corrupts datagrams, driven by a seeded {@link Random} and by simulated time only, so every
 * run with the same seed is the same run.
 */
final class SimulatedWire {

    /** How bad the link is. Probabilities per datagram; delays in nanoseconds. */
    record Impairments(double drop, double duplicate, double corrupt, long minDelay, long jitter) {
    }

    record Datagram(long deliverAt, long sequence, boolean toB, byte[] bytes) {
    }

    private final Random random;
    private final Impairments impairments;
    private final PriorityQueue<Datagram> inFlight = new PriorityQueue<>(
            (x, y) -> x.deliverAt != y.deliverAt ? Long.compare(x.deliverAt, y.deliverAt) : Long.compare(x.sequence, y.sequence));
    private long sequence;
    private long lastDeliveredSequence = -1;

    int transmitted;
    int dropped;
    int duplicated;
    int corrupted;
    int reordered;

    SimulatedWire(long seed, Impairments impairments) {
        this.random = new Random(seed);
        this.impairments = impairments;
    }

    void transmit(boolean toB, byte[] bytes, long now) {
        long seq = sequence++;
        transmitted++;
        if (random.nextDouble() < impairments.drop()) {
            dropped++;
            return;
        }
        int copies = 1;
        if (random.nextDouble() < impairments.duplicate()) {
            duplicated++;
            copies = 2;
        }
        for (int c = 0; c < copies; c++) {
            byte[] b = bytes.clone();
            if (b.length > 0 && random.nextDouble() < impairments.corrupt()) {
                corrupted++;
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            long delay = impairments.minDelay() + (long) (random.nextDouble() * impairments.jitter());
            inFlight.add(new Datagram(now + delay, seq, toB, b));
        }
    }

    /** The next datagram due by {@code now}, or null. */
    Datagram poll(long now) {
        Datagram next = inFlight.peek();
        if (next == null || next.deliverAt() - now > 0) {
            return null;
        }
        inFlight.poll();
        if (next.sequence() < lastDeliveredSequence) {
            reordered++;
        }
        lastDeliveredSequence = Math.max(lastDeliveredSequence, next.sequence());
        return next;
    }

    /** When the next datagram arrives, or {@link ReliableConstants#NEVER}. */
    long nextDelivery() {
        Datagram next = inFlight.peek();
        return next == null ? ReliableConstants.NEVER : next.deliverAt();
    }

    @Override
    public String toString() {
        return "wire{transmitted=" + transmitted + " dropped=" + dropped + " duplicated=" + duplicated
                + " corrupted=" + corrupted + " reordered=" + reordered + "}";
    }
}

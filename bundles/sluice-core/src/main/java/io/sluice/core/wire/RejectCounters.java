package io.sluice.core.wire;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many packets were dropped for each {@link Reject} reason.
 *
 * <p>Shared by every decoder of one listener and read by monitoring, so it is thread-safe
 * and counting allocates nothing: a flood of garbage costs one atomic add per packet.
 */
public final class RejectCounters {

    private static final Reject[] REASONS = Reject.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);

    /** Counts one packet dropped for {@code reason} and returns the reason, for chaining. */
    public Reject count(Reject reason) {
        counts.incrementAndGet(reason.ordinal());
        return reason;
    }

    /** Packets dropped for {@code reason} so far. */
    public long get(Reject reason) {
        return counts.get(Objects.requireNonNull(reason, "reason").ordinal());
    }

    /** Packets dropped for any reason so far. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("RejectCounters{");
        String sep = "";
        for (Reject r : REASONS) {
            long n = counts.get(r.ordinal());
            if (n != 0) {
                b.append(sep).append(r).append('=').append(n);
                sep = ", ";
            }
        }
        return b.append('}').toString();
    }
}

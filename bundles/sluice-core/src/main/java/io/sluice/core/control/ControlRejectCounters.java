package io.sluice.core.control;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many control-channel messages were refused for each {@link ControlReject} reason.
 * Shared by the sessions of one listener and read by monitoring, so it is thread-safe and
 * counting allocates nothing.
 */
public final class ControlRejectCounters {

    private static final ControlReject[] REASONS = ControlReject.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);

    /** Counts one refusal for {@code reason} and returns the reason, for chaining. */
    public ControlReject count(ControlReject reason) {
        counts.incrementAndGet(reason.ordinal());
        return reason;
    }

    /** Refusals for {@code reason} so far. */
    public long get(ControlReject reason) {
        return counts.get(Objects.requireNonNull(reason, "reason").ordinal());
    }

    /** Refusals for any reason so far. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ControlRejectCounters{");
        String sep = "";
        for (ControlReject r : REASONS) {
            long n = counts.get(r.ordinal());
            if (n != 0) {
                b.append(sep).append(r).append('=').append(n);
                sep = ", ";
            }
        }
        return b.append('}').toString();
    }
}

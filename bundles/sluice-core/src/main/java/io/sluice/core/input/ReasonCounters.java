package io.sluice.core.input;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many times input was refused, per reason. Shared by every reader of one listener and
 * read by monitoring, so it is thread-safe, and counting allocates nothing: a flood of garbage
 * costs one atomic add per packet.
 *
 * @param <R> the enum of refusal reasons
 */
public class ReasonCounters<R extends Enum<R>> {

    private final R[] reasons;
    private final AtomicLongArray counts;

    protected ReasonCounters(Class<R> type) {
        this.reasons = type.getEnumConstants();
        this.counts = new AtomicLongArray(reasons.length);
    }

    /** Counts one refusal for {@code reason} and returns the reason, for chaining. */
    public final R count(R reason) {
        counts.incrementAndGet(reason.ordinal());
        return reason;
    }

    /** Refusals for {@code reason} so far. */
    public final long get(R reason) {
        return counts.get(Objects.requireNonNull(reason, "reason").ordinal());
    }

    /** Refusals for any reason so far. */
    public final long total() {
        long sum = 0;
        for (int i = 0; i < reasons.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(getClass().getSimpleName()).append('{');
        String sep = "";
        for (R r : reasons) {
            long n = counts.get(r.ordinal());
            if (n != 0) {
                b.append(sep).append(r).append('=').append(n);
                sep = ", ";
            }
        }
        return b.append('}').toString();
    }
}

package io.sluice.core.wire;

import io.sluice.core.input.ReasonCounters;

/**
 * How many packets were dropped for each {@link Reject} reason.
 *
 * <p>Shared by every decoder of one listener and read by monitoring, so it is thread-safe
 * and counting allocates nothing: a flood of garbage costs one atomic add per packet.
 */
public final class RejectCounters extends ReasonCounters<Reject> {

    public RejectCounters() {
        super(Reject.class);
    }
}

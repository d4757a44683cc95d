package io.sluice.core.control;

import io.sluice.core.input.ReasonCounters;

/**
 * How many control-channel messages were refused for each {@link ControlReject} reason.
 * Shared by the sessions of one listener and read by monitoring, so it is thread-safe and
 * counting allocates nothing.
 */
public final class ControlRejectCounters extends ReasonCounters<ControlReject> {

    public ControlRejectCounters() {
        super(ControlReject.class);
    }
}

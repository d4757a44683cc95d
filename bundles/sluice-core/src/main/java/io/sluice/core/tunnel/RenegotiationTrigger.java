package io.sluice.core.tunnel;

import io.sluice.core.session.ControlSession;
import io.sluice.core.session.KeyState;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a session's primary key is due for renegotiation from our side (ssl.c
 * {@code should_trigger_renegotiation}): {@code reneg-sec} since it became active, or its data
 * keys past {@code reneg-bytes}, {@code reneg-pkts}, the AEAD usage limit or the packet-id space.
 * Server sessions and clients ask the same question on their timer.
 */
public final class RenegotiationTrigger {

    private RenegotiationTrigger() {
    }

    /**
     * OpenVPN's log line for the soft reset to start now ({@code TLS: soft reset sec=12/3600
     * bytes=.../-1 pkts=.../0}), or empty when the key is good for longer. {@link
     * ControlSession#renegotiate} itself declines while a newer key is still being negotiated.
     */
    public static Optional<String> due(ControlSession session, DataKeys keys, Duration renegotiateAfter,
                                       PayloadSettings payload, long now) {
        Optional<KeyState> primary = session.primaryKey();
        long activeAt = primary.isPresent() ? primary.get().activeAt() : now;
        long after = renegotiateAfter.toNanos();
        boolean timeUp = after > 0 && primary.isPresent() && now - activeAt >= after;
        if (!timeUp && !keys.renegotiationWanted()) {
            return Optional.empty();
        }
        DataKeys.Usage usage = keys.usage();
        return Optional.of("TLS: soft reset sec=" + Duration.ofNanos(now - activeAt).toSeconds() + "/"
                + renegotiateAfter.toSeconds() + " bytes=" + usage.bytes() + "/" + payload.renegBytes()
                + " pkts=" + usage.packets() + "/" + payload.renegPackets());
    }
}

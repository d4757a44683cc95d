package io.sluice.core.wire;

import io.sluice.core.data.PacketIdSender;
import io.sluice.core.data.ReplayWindow;
import io.sluice.core.time.Clock;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The replay packet ids of {@code tls-auth} and {@code tls-crypt}, as one configuration sets
 * them: what each new session's {@link ControlWrapper} sends and how it checks what it receives.
 *
 * <p>Both modes put OpenVPN's long-form packet id after the session id: a 4-byte counter from 1,
 * one per packet sent (retransmissions included), and a 4-byte timestamp, the wall-clock second
 * the counter started (ssl.c {@code tls_session_init} gives each session's {@code tls_wrap} its
 * own {@code packet_id}; init.c {@code do_init_crypto_tls} sets {@code CO_PACKET_ID_LONG_FORM} on
 * it; packet_id.c {@code packet_id_send_update} fixes the time at the first packet). Received
 * ids go through a replay window of {@code --replay-window n [t]}, the same option and defaults
 * (64 packets, 15 seconds) as the data channel (ssl.c {@code packet_id_init(..., replay_window,
 * replay_time, "TLS_WRAP", ...)}; packet_id.h {@code DEFAULT_SEQ_BACKTRACK},
 * {@code DEFAULT_TIME_BACKTRACK}).
 *
 * @param wallClock where the timestamp comes from; tests give a fixed one
 * @param clock     the engine's monotonic clock, for the window's expiry
 * @param window    {@code --replay-window} packets, 0 to {@link ReplayWindow#MAX_WINDOW}
 * @param seconds   {@code --replay-window} seconds, 0 to {@link ReplayWindow#MAX_SECONDS}
 */
public record ControlReplay(InstantSource wallClock, Clock clock, int window, int seconds) {

    public ControlReplay {
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(clock, "clock");
        if (window < 0 || window > ReplayWindow.MAX_WINDOW) {
            throw new IllegalArgumentException("replay window must be 0.." + ReplayWindow.MAX_WINDOW + ", not " + window);
        }
        if (seconds < 0 || seconds > ReplayWindow.MAX_SECONDS) {
            throw new IllegalArgumentException("replay window seconds must be 0.." + ReplayWindow.MAX_SECONDS
                    + ", not " + seconds);
        }
    }

    /** OpenVPN's defaults: {@value ReplayWindow#DEFAULT_WINDOW} packets, {@value ReplayWindow#DEFAULT_SECONDS} seconds. */
    public static ControlReplay defaults(InstantSource wallClock, Clock clock) {
        return new ControlReplay(wallClock, clock, ReplayWindow.DEFAULT_WINDOW, ReplayWindow.DEFAULT_SECONDS);
    }

    /** A fresh send counter for one session. */
    PacketIdSender newSender() {
        return PacketIdSender.longForm(wallClock);
    }

    /** A fresh send counter for one session whose first id is {@code firstId}. */
    PacketIdSender newSender(long firstId) {
        return PacketIdSender.longFormFrom(wallClock, firstId);
    }

    /** A fresh replay window for one session. */
    ReplayWindow newWindow() {
        return new ReplayWindow(window, seconds, clock);
    }
}

package io.sluice.core.data;

import java.time.InstantSource;
import java.util.Objects;

/**
 * Hands out the packet ids of one key's sending direction (packet_id.c
 * {@code packet_id_send_update}): 1, 2, 3, ... up to 2^32 - 1, never 0 and never reused.
 *
 * <p>TLS keys use the short form (the id alone). In static-key mode OpenVPN uses the long form,
 * the id followed by a 4-byte timestamp (seconds since the epoch) fixed when the first packet
 * is sent; only there may ids wrap, by starting a new timestamp, and only once the clock has
 * moved on. A TLS key instead must be renegotiated before its ids run out:
 * {@link #shouldRenegotiate()} turns true at OpenVPN's trigger (ssl.c, soft reset on
 * {@code packet_id_close_to_wrapping}).
 *
 * <p>Not thread-safe: one per key and direction, used by the thread that encrypts.
 */
public final class PacketIdSender {

    /** packet_id.h {@code PACKET_ID_MAX}: ids are unsigned 32-bit. */
    public static final long MAX_ID = 0xFFFF_FFFFL;
    /** packet_id.h {@code PACKET_ID_WRAP_TRIGGER}: from here on the key asks for renegotiation. */
    public static final long WRAP_TRIGGER = 0xFF00_0000L;
    /** Returned by {@link #next()} when no id is left. */
    public static final long EXHAUSTED = 0;

    private final InstantSource clock;
    private long id;
    private long time;

    private PacketIdSender(InstantSource clock, long firstId) {
        this.clock = clock;
        this.id = firstId - 1;
    }

    /** Short form, for TLS keys: ids from 1. */
    public static PacketIdSender shortForm() {
        return new PacketIdSender(null, 1);
    }

    /** Long form, for static-key mode: ids from 1 with a timestamp from {@code wallClock}. */
    public static PacketIdSender longForm(InstantSource wallClock) {
        return new PacketIdSender(Objects.requireNonNull(wallClock, "wallClock"), 1);
    }

    /**
     * Long form from {@code firstId} on: tls-crypt-v2 clients start their control-channel ids
     * at {@code EARLY_NEG_START + 1} to announce early negotiation (ssl.c {@code tls_session_init}).
     */
    public static PacketIdSender longFormFrom(InstantSource wallClock, long firstId) {
        return startingAt(firstId, Objects.requireNonNull(wallClock, "wallClock"));
    }

    /** For tests near the end of the id space: the next {@link #next()} returns {@code firstId}. */
    static PacketIdSender startingAt(long firstId, InstantSource wallClockOrNull) {
        if (firstId < 1 || firstId > MAX_ID + 1) {
            throw new IllegalArgumentException("first id out of range: " + firstId);
        }
        return new PacketIdSender(wallClockOrNull, firstId);
    }

    /** True for the long form. */
    public boolean longForm() {
        return clock != null;
    }

    /**
     * The id for the next packet, or {@link #EXHAUSTED} when the short form has used every id or
     * the long form cannot start a new timestamp yet.
     */
    public long next() {
        if (clock != null && time == 0) {
            time = nowSeconds();
        }
        if (id >= MAX_ID) {
            long now = clock == null ? 0 : nowSeconds();
            // packet_id.c: only the long form may roll over, and only to a later timestamp,
            // so that (time, id) never repeats.
            if (clock == null || now <= time) {
                return EXHAUSTED;
            }
            time = now;
            id = 0;
        }
        return ++id;
    }

    /** The timestamp to send with the id {@link #next()} returned (long form; 0 in the short form). */
    public long time() {
        return time;
    }

    /** The last id handed out, 0 before the first. */
    public long lastId() {
        return id;
    }

    /** True once the ids are close enough to the end that the key must be renegotiated. */
    public boolean shouldRenegotiate() {
        return id >= WRAP_TRIGGER;
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }
}

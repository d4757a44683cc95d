package io.sluice.core.data;

import io.sluice.core.time.Clock;
import java.util.Objects;

/**
 * OpenVPN's replay protection for one key's receiving direction (packet_id.c
 * {@code packet_id_test}, {@code packet_id_add}, {@code packet_id_reap}).
 *
 * <p>With a window of {@code n > 0} packets (UDP and, in OpenVPN 2.6, TCP too) packets may arrive
 * out of order: an id above the highest seen is accepted; one up to {@code n - 1} below it is
 * accepted once, if not yet seen and not expired; anything older is refused. An id is expired
 * once a packet at or above it in the window was accepted more than {@code seconds} ago, so a
 * late packet cannot be held back for long and then replayed. Expiry is swept every
 * {@link #REAP_INTERVAL_SECONDS} like OpenVPN does, on the engine's monotonic clock (OpenVPN
 * uses wall-clock seconds; a monotonic clock cannot be fooled by the time being set back).
 * With a window of 0, ids must arrive strictly in sequence.
 *
 * <p>In the long packet-id form (static-key mode) each id comes with its sender's timestamp: a
 * later timestamp starts a new sequence, an earlier one is refused.
 *
 * <p>{@link #test} decides; {@link #add} records, and is called only for a packet that proved
 * authentic. Not thread-safe: one per key, used by the thread that decrypts.
 */
public final class ReplayWindow {

    /** packet_id.h {@code DEFAULT_SEQ_BACKTRACK}: the default {@code --replay-window}. */
    public static final int DEFAULT_WINDOW = 64;
    /** packet_id.h {@code MAX_SEQ_BACKTRACK}. */
    public static final int MAX_WINDOW = 65536;
    /** packet_id.h {@code DEFAULT_TIME_BACKTRACK}: the default {@code --replay-window} seconds. */
    public static final int DEFAULT_SECONDS = 15;
    /** packet_id.h {@code MAX_TIME_BACKTRACK}. */
    public static final int MAX_SECONDS = 600;
    /** packet_id.h {@code SEQ_REAP_INTERVAL}: how often expired ids are swept. */
    public static final int REAP_INTERVAL_SECONDS = 5;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    // Slot states. A clock reading can be any long, so the state is kept apart from the time.
    private static final byte UNSEEN = 0;
    private static final byte SEEN = 1;
    private static final byte EXPIRED = 2;

    private final Clock clock;
    private final long maxAgeNanos;
    /**
     * Ring of the newest ids' states and acceptance times; slot {@code head} is
     * {@link #highestId}, older ids precede it.
     */
    private final byte[] slots;
    private final long[] acceptedAt;
    private int head;
    private int size;
    private long highestId;
    private long time;
    private long lastReap;

    /**
     * @param window  how many ids back reordering is tolerated, 0 to {@value #MAX_WINDOW}; 0 means strictly sequential
     * @param seconds how long an id may stay unseen, 0 (no limit) to {@value #MAX_SECONDS}
     * @param clock   the engine's monotonic clock
     */
    public ReplayWindow(int window, int seconds, Clock clock) {
        if (window < 0 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("replay window must be 0.." + MAX_WINDOW + ", not " + window);
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("replay window seconds must be 0.." + MAX_SECONDS + ", not " + seconds);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAgeNanos = seconds * NANOS_PER_SECOND;
        this.slots = new byte[window];
        this.acceptedAt = new long[window];
        this.lastReap = clock.nanos();
    }

    /** OpenVPN's defaults: 64 packets, 15 seconds. */
    public static ReplayWindow withDefaults(Clock clock) {
        return new ReplayWindow(DEFAULT_WINDOW, DEFAULT_SECONDS, clock);
    }

    /**
     * Whether a packet with this id (and timestamp; 0 in the short form) would be fresh.
     * Changes nothing but the periodic expiry sweep.
     *
     * @return {@link DecryptStatus#OK} or the reason to drop it
     */
    public DecryptStatus test(long id, long timestamp) {
        long now = clock.nanos();
        if (slots.length > 0 && maxAgeNanos > 0 && now - lastReap >= REAP_INTERVAL_SECONDS * NANOS_PER_SECOND) {
            reap(now);
        }
        if (id == 0) {
            return DecryptStatus.ZERO_PACKET_ID;
        }
        if (timestamp < time) {
            return DecryptStatus.TIME_BACKTRACK;
        }
        if (slots.length == 0) {
            if (timestamp > time) {
                return id == 1 ? DecryptStatus.OK : DecryptStatus.NOT_SEQUENTIAL;
            }
            return highestId == 0 || id == highestId + 1 ? DecryptStatus.OK : DecryptStatus.NOT_SEQUENTIAL;
        }
        if (timestamp > time || id > highestId) {
            return DecryptStatus.OK;
        }
        long back = highestId - id;
        if (back >= size) {
            return DecryptStatus.TOO_OLD;
        }
        byte slot = slots[index(back)];
        if (slot == UNSEEN) {
            return DecryptStatus.OK;
        }
        return slot == EXPIRED ? DecryptStatus.EXPIRED : DecryptStatus.REPLAY;
    }

    /** Records an authentic packet that {@link #test} accepted. */
    public void add(long id, long timestamp) {
        if (slots.length == 0) {
            time = timestamp;
            highestId = id;
            return;
        }
        long window = slots.length;
        if (size == 0 || timestamp > time || id - window > highestId) {
            // A new timestamp or a jump past the whole window: nothing remembered is still
            // reachable, so start afresh with the window ending at this id.
            time = timestamp;
            highestId = Math.max(0, id - window);
            size = 0;
        }
        while (highestId < id) {
            head = (head + 1) % slots.length;
            slots[head] = UNSEEN;
            size = Math.min(size + 1, slots.length);
            highestId++;
        }
        long back = highestId - id;
        if (back < size) {
            int i = index(back);
            slots[i] = SEEN;
            acceptedAt[i] = clock.nanos();
        }
    }

    /** The highest id accepted in the current sequence, 0 before the first. */
    public long highestId() {
        return highestId;
    }

    /** The configured window in packets. */
    public int window() {
        return slots.length;
    }

    private void reap(long now) {
        // Walk from the newest id to older ones; once one was accepted too long ago, it and
        // every older id are expired (packet_id.c packet_id_reap). Stop at the first slot an
        // earlier sweep already expired: everything beyond it is expired too.
        boolean expire = false;
        for (int back = 0; back < size; back++) {
            int i = index(back);
            byte state = slots[i];
            if (state == EXPIRED) {
                break;
            }
            if (!expire && state == SEEN && now - acceptedAt[i] > maxAgeNanos) {
                expire = true;
            }
            if (expire) {
                slots[i] = EXPIRED;
            }
        }
        lastReap = now;
    }

    private int index(long back) {
        return (int) ((head - back + slots.length) % slots.length);
    }
}

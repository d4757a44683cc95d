package io.sluice.core.route;

/**
 * The IPv6 keys of one prefix length (or the host keys), as an open-addressing hash table over
 * the address's two 64-bit halves; see {@link Ipv4Table}. Immutable once built; reading allocates
 * nothing.
 */
final class Ipv6Table {

    final long highMask;
    final long lowMask;
    private final long[] highs;
    private final long[] lows;
    private final Object[] values;
    private final int slotMask;

    Ipv6Table(long highMask, long lowMask, long[] highs, long[] lows, Object[] values) {
        this.highMask = highMask;
        this.lowMask = lowMask;
        int capacity = Integer.highestOneBit(Math.max(2, highs.length) * 2 - 1) << 1;
        this.highs = new long[capacity];
        this.lows = new long[capacity];
        this.values = new Object[capacity];
        this.slotMask = capacity - 1;
        for (int i = 0; i < highs.length; i++) {
            int slot = slot(highs[i], lows[i]);
            while (this.values[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            this.highs[slot] = highs[i];
            this.lows[slot] = lows[i];
            this.values[slot] = values[i];
        }
    }

    /** The session for an address (its host bits are cleared here), or null. */
    Object get(long high, long low) {
        long h = high & highMask;
        long l = low & lowMask;
        int slot = slot(h, l);
        while (true) {
            Object value = values[slot];
            if (value == null || (highs[slot] == h && lows[slot] == l)) {
                return value;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    private int slot(long high, long low) {
        long h = (high * 0x9E3779B97F4A7C15L) ^ low;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32)) & slotMask;
    }
}

package io.sluice.core.pool;

import io.sluice.api.pool.AddressRange;
import java.util.List;

/**
 * Which IPv6 address belongs to which pool slot: one address per client, slot {@code i} being the
 * {@code i}-th address over the ranges in the order given (pool.c: "IPv6 pools are always INDIV").
 * Like OpenVPN, which sizes a pool wider than /112 at {@code IFCONFIG_POOL_MAX}, only the first
 * {@value #MAX_SLOTS} addresses are used. Rounding a pool's start past the subnet's all-zero
 * address, as {@code ifconfig-ipv6-pool} does, is {@link PoolRanges#ipv6Pool}'s job: the ranges
 * here are taken as given. Immutable.
 */
final class Ipv6Slots {

    /** pool.h {@code IFCONFIG_POOL_MAX}, the size OpenVPN gives IPv6 pools wider than /112. */
    static final int MAX_SLOTS = 65536;

    private final long[] startHigh;
    private final long[] startLow;
    private final int[] counts;
    private final int size;

    private Ipv6Slots(long[] startHigh, long[] startLow, int[] counts, int size) {
        this.startHigh = startHigh;
        this.startLow = startLow;
        this.counts = counts;
        this.size = size;
    }

    /**
     * Slots over IPv6 ranges.
     *
     * @throws IllegalArgumentException if the ranges overlap or make fewer than
     *                                  {@value Ipv4Slots#MIN_SLOTS} slots
     */
    static Ipv6Slots of(List<AddressRange> ranges) {
        int n = ranges.size();
        long[] highs = new long[n];
        long[] lows = new long[n];
        long[] lastHighs = new long[n];
        long[] lastLows = new long[n];
        int[] counts = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            byte[] first = ranges.get(i).first().getAddress();
            byte[] last = ranges.get(i).last().getAddress();
            highs[i] = word(first, 0);
            lows[i] = word(first, 8);
            lastHighs[i] = word(last, 0);
            lastLows[i] = word(last, 8);
            long spanHigh = lastHighs[i] - highs[i] - (Long.compareUnsigned(lastLows[i], lows[i]) < 0 ? 1 : 0);
            long spanLow = lastLows[i] - lows[i];
            long available = spanHigh != 0 || Long.compareUnsigned(spanLow, MAX_SLOTS) >= 0 ? MAX_SLOTS : spanLow + 1;
            counts[i] = (int) Math.min(available, MAX_SLOTS - total);
            total += counts[i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (compare(highs[i], lows[i], lastHighs[j], lastLows[j]) <= 0
                        && compare(highs[j], lows[j], lastHighs[i], lastLows[i]) <= 0) {
                    throw new IllegalArgumentException("IPv6 pool ranges overlap: " + ranges.get(i) + " and "
                            + ranges.get(j));
                }
            }
        }
        if (total < Ipv4Slots.MIN_SLOTS) {
            throw new IllegalArgumentException("IPv6 pool size is too small (" + total + "), must be at least "
                    + Ipv4Slots.MIN_SLOTS);
        }
        return new Ipv6Slots(highs, lows, counts, total);
    }

    int size() {
        return size;
    }

    /** The slot's address. */
    byte[] address(int slot) {
        for (int r = 0; r < counts.length; r++) {
            if (slot < counts[r]) {
                long low = startLow[r] + slot;
                long high = startHigh[r] + (Long.compareUnsigned(low, startLow[r]) < 0 ? 1 : 0);
                byte[] out = new byte[16];
                put(out, 0, high);
                put(out, 8, low);
                return out;
            }
            slot -= counts[r];
        }
        throw new IndexOutOfBoundsException("no IPv6 slot " + slot);
    }

    /** The slot holding {@code address}, or -1. */
    int slotOf(byte[] address) {
        long high = word(address, 0);
        long low = word(address, 8);
        int before = 0;
        for (int r = 0; r < counts.length; r++) {
            long offsetLow = low - startLow[r];
            long offsetHigh = high - startHigh[r] - (Long.compareUnsigned(low, startLow[r]) < 0 ? 1 : 0);
            if (offsetHigh == 0 && Long.compareUnsigned(offsetLow, counts[r]) < 0) {
                return before + (int) offsetLow;
            }
            before += counts[r];
        }
        return -1;
    }

    private static int compare(long highA, long lowA, long highB, long lowB) {
        int c = Long.compareUnsigned(highA, highB);
        return c != 0 ? c : Long.compareUnsigned(lowA, lowB);
    }

    static long word(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xffL);
        }
        return v;
    }

    static void put(byte[] b, int offset, long v) {
        for (int i = 7; i >= 0; i--) {
            b[offset + i] = (byte) v;
            v >>>= 8;
        }
    }
}

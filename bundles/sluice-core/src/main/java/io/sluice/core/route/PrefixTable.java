package io.sluice.core.route;

/**
 * The keys of one family and prefix length (or that family's host keys): one of the per-length
 * tables OpenVPN probes from the longest length down (multi.c
 * {@code multi_get_instance_by_virtual_addr}, mroute.c {@code mroute_helper}). An address is two
 * 64-bit halves; an IPv4 address is the low half, with a high half and high mask of zero.
 *
 * <p>Persistent: a table never changes once built, and {@link #with} and {@link #without} return
 * a new table that shares all but one bucket with the old one. A server with n clients changes
 * its host table at every connect and disconnect; rebuilding it whole each time made every connect
 * cost O(n), and a burst of connects O(n²). Here the table is about √n buckets of about √n keys,
 * so a change copies the bucket array and one bucket, O(√n); when the table outgrows its bucket
 * count it is rebuilt once with more buckets. A lookup stays two array reads and a short probe,
 * and allocates nothing.
 */
final class PrefixTable {

    /** The netmask applied to an address before looking it up. */
    private final long highMask;
    private final long lowMask;
    private final Bucket[] buckets;
    private final int size;

    private PrefixTable(long highMask, long lowMask, Bucket[] buckets, int size) {
        this.highMask = highMask;
        this.lowMask = lowMask;
        this.buckets = buckets;
        this.size = size;
    }

    /** An empty table for the keys of one shape, looked up under the given netmask. */
    static PrefixTable empty(long highMask, long lowMask) {
        return new PrefixTable(highMask, lowMask, new Bucket[] {Bucket.EMPTY}, 0);
    }

    int size() {
        return size;
    }

    /** The session for an address (its host bits are cleared here), or null. */
    Object get(long high, long low) {
        long h = high & highMask;
        long l = low & lowMask;
        long hash = hash(h, l);
        return buckets[bucketOf(hash, buckets.length)].get(h, l, (int) hash);
    }

    /**
     * This table with a key (host bits already clear) mapped to {@code value}, in place of what it
     * mapped to before.
     */
    PrefixTable with(long high, long low, Object value) {
        long hash = hash(high, low);
        int b = bucketOf(hash, buckets.length);
        Bucket old = buckets[b];
        Bucket changed = old.with(high, low, (int) hash, value);
        int newSize = size + changed.count - old.count;
        Bucket[] copy = buckets.clone();
        copy[b] = changed;
        if ((long) newSize > 2L * copy.length * copy.length) {
            return rebuilt(copy, newSize);
        }
        return new PrefixTable(highMask, lowMask, copy, newSize);
    }

    /** This table without a key; this table itself if it does not hold the key. */
    PrefixTable without(long high, long low) {
        long hash = hash(high, low);
        int b = bucketOf(hash, buckets.length);
        Bucket old = buckets[b];
        Bucket changed = old.without(high, low, (int) hash);
        if (changed == old) {
            return this;
        }
        Bucket[] copy = buckets.clone();
        copy[b] = changed;
        return new PrefixTable(highMask, lowMask, copy, size - 1);
    }

    /** How many of this table's buckets are the very same objects as {@code other}'s: for tests of the sharing. */
    int bucketsSharedWith(PrefixTable other) {
        int shared = 0;
        for (int b = 0; b < Math.min(buckets.length, other.buckets.length); b++) {
            if (buckets[b] == other.buckets[b]) {
                shared++;
            }
        }
        return shared;
    }

    int bucketCount() {
        return buckets.length;
    }

    /** The same keys spread over about √size buckets (a power of two). */
    private PrefixTable rebuilt(Bucket[] from, int newSize) {
        int count = Integer.highestOneBit((int) Math.sqrt(newSize) * 2);
        long[] highs = new long[newSize];
        long[] lows = new long[newSize];
        Object[] values = new Object[newSize];
        int[] target = new int[newSize];
        int[] perBucket = new int[count];
        int n = 0;
        for (Bucket bucket : from) {
            for (int s = 0; s < bucket.values.length; s++) {
                if (bucket.values[s] != null) {
                    highs[n] = bucket.highs[s];
                    lows[n] = bucket.lows[s];
                    values[n] = bucket.values[s];
                    target[n] = bucketOf(hash(highs[n], lows[n]), count);
                    perBucket[target[n]]++;
                    n++;
                }
            }
        }
        Bucket[] spread = new Bucket[count];
        for (int b = 0; b < count; b++) {
            spread[b] = Bucket.sized(perBucket[b]);
        }
        for (int i = 0; i < n; i++) {
            spread[target[i]].put(highs[i], lows[i], (int) hash(highs[i], lows[i]), values[i]);
        }
        return new PrefixTable(highMask, lowMask, spread, n);
    }

    private static long hash(long high, long low) {
        long h = (high * 0x9E3779B97F4A7C15L) ^ low;
        h *= 0xC2B2AE3D27D4EB4FL;
        return h ^ (h >>> 29);
    }

    /** The bucket from the hash's high half; the slot inside it comes from the low half. */
    private static int bucketOf(long hash, int bucketCount) {
        return (int) (hash >>> 32) & (bucketCount - 1);
    }

    /**
     * An open-addressing hash table kept at most half full, so an empty slot always ends a probe.
     * Filled only while being built ({@link #put}); never written once reachable from a table.
     */
    private static final class Bucket {

        static final Bucket EMPTY = sized(0);

        final long[] highs;
        final long[] lows;
        final Object[] values;
        final int count;

        private Bucket(int capacity, int count) {
            this.highs = new long[capacity];
            this.lows = new long[capacity];
            this.values = new Object[capacity];
            this.count = count;
        }

        /** An empty bucket with room for {@code count} keys, which {@link #put} then adds. */
        static Bucket sized(int count) {
            return new Bucket(Integer.highestOneBit(Math.max(1, count) * 2 - 1) << 1, count);
        }

        Object get(long high, long low, int hash) {
            int mask = values.length - 1;
            int slot = hash & mask;
            while (true) {
                Object value = values[slot];
                if (value == null || (highs[slot] == high && lows[slot] == low)) {
                    return value;
                }
                slot = (slot + 1) & mask;
            }
        }

        private void put(long high, long low, int hash, Object value) {
            int mask = values.length - 1;
            int slot = hash & mask;
            while (values[slot] != null) {
                slot = (slot + 1) & mask;
            }
            highs[slot] = high;
            lows[slot] = low;
            values[slot] = value;
        }

        Bucket with(long high, long low, int hash, Object value) {
            boolean present = get(high, low, hash) != null;
            Bucket out = sized(present ? count : count + 1);
            copyInto(out, high, low);
            out.put(high, low, hash, value);
            return out;
        }

        Bucket without(long high, long low, int hash) {
            if (get(high, low, hash) == null) {
                return this;
            }
            Bucket out = sized(count - 1);
            copyInto(out, high, low);
            return out;
        }

        /** Every key but one into {@code out}. Rehashing here keeps the probe chains unbroken after a removal. */
        private void copyInto(Bucket out, long skipHigh, long skipLow) {
            for (int s = 0; s < values.length; s++) {
                if (values[s] != null && !(highs[s] == skipHigh && lows[s] == skipLow)) {
                    out.put(highs[s], lows[s], (int) hash(highs[s], lows[s]), values[s]);
                }
            }
        }
    }
}

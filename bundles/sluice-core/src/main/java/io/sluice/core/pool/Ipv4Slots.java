package io.sluice.core.pool;

import io.sluice.api.pool.AddressRange;
import java.util.List;

/**
 * Which IPv4 addresses belong to which pool slot.
 *
 * <p>With one address per client (pool.c {@code IFCONFIG_POOL_INDIV}: {@code topology subnet},
 * {@code p2p}, TAP) slot {@code i} of a range is its {@code i}-th address. With a /30 per client
 * (pool.c {@code IFCONFIG_POOL_30NET}: {@code topology net30}) a range is widened to whole /30s, its
 * start rounded down ({@code start & ~3}) and its end up ({@code end | 3}), slot {@code i} is its
 * {@code i}-th /30, the client gets the /30's third address (base + 2) and the server side its
 * second (base + 1). So {@code server 10.8.0.0 255.255.255.0} with net30 (pool 10.8.0.4 to
 * 10.8.0.251) has 62 slots, the first client getting 10.8.0.6 with peer 10.8.0.5. Several ranges
 * are numbered one after the other, in the order given. Immutable.
 */
final class Ipv4Slots {

    /** pool.h {@code IFCONFIG_POOL_MAX}: OpenVPN refuses IPv4 pools of more addresses. */
    static final int MAX_ADDRESSES = 65536;
    /** pool.c {@code ifconfig_pool_init}: a pool of fewer slots is a fatal configuration error. */
    static final int MIN_SLOTS = 2;

    private final int blockSize;
    /** First address of each range's first block, as an unsigned value. */
    private final long[] starts;
    /** Slots in each range. */
    private final int[] counts;
    private final int size;

    private Ipv4Slots(int blockSize, long[] starts, int[] counts) {
        this.blockSize = blockSize;
        this.starts = starts;
        this.counts = counts;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        this.size = total;
    }

    /**
     * Slots over IPv4 ranges.
     *
     * @param blockSize 1, or 4 for a /30 per client
     * @throws IllegalArgumentException if the ranges overlap, hold more than
     *                                  {@value #MAX_ADDRESSES} addresses, or make fewer than
     *                                  {@value #MIN_SLOTS} slots
     */
    static Ipv4Slots of(List<AddressRange> ranges, int blockSize) {
        if (blockSize != 1 && blockSize != 4) {
            throw new IllegalArgumentException("block size must be 1 or 4: " + blockSize);
        }
        long[] starts = new long[ranges.size()];
        long[] ends = new long[ranges.size()];
        int[] counts = new int[ranges.size()];
        long addresses = 0;
        for (int i = 0; i < ranges.size(); i++) {
            long first = toUnsigned(ranges.get(i).first().getAddress());
            long last = toUnsigned(ranges.get(i).last().getAddress());
            addresses += last - first + 1;
            if (blockSize == 4) {
                first &= ~3L;
                last |= 3L;
            }
            starts[i] = first;
            ends[i] = last;
            counts[i] = (int) ((last - first + 1) / blockSize);
        }
        if (addresses > MAX_ADDRESSES) {
            throw new IllegalArgumentException("an IPv4 pool holds at most " + MAX_ADDRESSES + " addresses, not "
                    + addresses);
        }
        for (int i = 0; i < starts.length; i++) {
            for (int j = i + 1; j < starts.length; j++) {
                if (starts[i] <= ends[j] && starts[j] <= ends[i]) {
                    throw new IllegalArgumentException("IPv4 pool ranges overlap: " + ranges.get(i) + " and "
                            + ranges.get(j));
                }
            }
        }
        Ipv4Slots slots = new Ipv4Slots(blockSize, starts, counts);
        if (slots.size < MIN_SLOTS) {
            throw new IllegalArgumentException("IPv4 pool size is too small (" + slots.size + "), must be at least "
                    + MIN_SLOTS);
        }
        return slots;
    }

    int size() {
        return size;
    }

    boolean perClientSubnet() {
        return blockSize == 4;
    }

    /** The slot's first address: the client's address, or in net30 the /30's network address. */
    int base(int slot) {
        for (int r = 0; r < counts.length; r++) {
            if (slot < counts[r]) {
                return (int) (starts[r] + (long) slot * blockSize);
            }
            slot -= counts[r];
        }
        throw new IndexOutOfBoundsException("no IPv4 slot " + slot);
    }

    /** The client's address (pool.c's {@code remote}). */
    int client(int slot) {
        return blockSize == 4 ? base(slot) + 2 : base(slot);
    }

    /** In net30, the server side of the client's /30 (pool.c's {@code local}). */
    int peer(int slot) {
        if (blockSize != 4) {
            throw new IllegalStateException("only a /30 per client has a peer address");
        }
        return base(slot) + 1;
    }

    /** The slot holding {@code address} (any address of a /30 in net30), or -1. */
    int slotOf(int address) {
        long a = Integer.toUnsignedLong(address);
        int before = 0;
        for (int r = 0; r < counts.length; r++) {
            long offset = a - starts[r];
            if (offset >= 0 && offset < (long) counts[r] * blockSize) {
                return before + (int) (offset / blockSize);
            }
            before += counts[r];
        }
        return -1;
    }

    static long toUnsigned(byte[] ipv4) {
        return ((ipv4[0] & 0xffL) << 24) | ((ipv4[1] & 0xffL) << 16) | ((ipv4[2] & 0xffL) << 8) | (ipv4[3] & 0xffL);
    }
}

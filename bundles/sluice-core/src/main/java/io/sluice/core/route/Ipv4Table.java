package io.sluice.core.route;

/**
 * The IPv4 keys of one prefix length (or the host keys), as an open-addressing hash table: one
 * of the per-length tables OpenVPN probes from the longest length down (multi.c
 * {@code multi_get_instance_by_virtual_addr}, mroute.c {@code mroute_helper}). Immutable once
 * built; reading allocates nothing.
 */
final class Ipv4Table {

    /** The netmask applied to an address before looking it up. */
    final int mask;
    private final int[] keys;
    private final Object[] values;
    private final int slotMask;

    /**
     * @param keys   addresses with the host bits cleared, distinct
     * @param values the session of each key
     */
    Ipv4Table(int mask, int[] keys, Object[] values) {
        this.mask = mask;
        int capacity = Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) << 1;
        this.keys = new int[capacity];
        this.values = new Object[capacity];
        this.slotMask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            int slot = slot(keys[i]);
            while (this.values[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            this.keys[slot] = keys[i];
            this.values[slot] = values[i];
        }
    }

    /** The session for an address (its host bits are cleared here), or null. */
    Object get(int address) {
        int key = address & mask;
        int slot = slot(key);
        // At most half full, so an empty slot always ends the probe.
        while (true) {
            Object value = values[slot];
            if (value == null || keys[slot] == key) {
                return value;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & slotMask;
    }
}

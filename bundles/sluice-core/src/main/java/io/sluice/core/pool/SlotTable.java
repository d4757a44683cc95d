package io.sluice.core.pool;

/**
 * The state of every slot and OpenVPN's rule for choosing one (pool.c {@code ifconfig_pool_find},
 * {@code ifconfig_pool_acquire}, {@code ifconfig_pool_release}, {@code ifconfig_pool_set}).
 *
 * <p>Each slot remembers the last common name that held it, and when it was released. A client
 * gets, in this order:
 * <ol>
 * <li>the first free slot remembering its common name, so it keeps its address across
 *     reconnects and restarts;</li>
 * <li>otherwise the free slot released longest ago, never-used slots first, ties going to the
 *     lowest slot; slots reserved for someone by a read-only persist file are skipped.</li>
 * </ol>
 * With {@code duplicate-cn} OpenVPN does not key the pool by name at all: a client gets the first
 * free slot (even one a read-only persist file reserved), and the slot forgets any name it had, so
 * nothing of it reaches the persist file.
 *
 * <p>OpenVPN orders releases by wall-clock second; two releases in the same second tie and the
 * lower slot wins. Here releases are numbered, so "longest ago" is exact. Slots the server
 * {@linkplain #block blocked} (Sluice's addition, for addresses it assigns itself) are never
 * chosen.
 *
 * <p>Not thread-safe: {@link IfconfigPool} guards it.
 */
final class SlotTable {

    /** The release stamp of a slot never released: older than everything. */
    private static final long NEVER = 0;

    private final boolean[] inUse;
    private final String[] owner;
    private final long[] released;
    private final boolean[] fixed;
    private final boolean[] blocked;
    private long releases;

    SlotTable(int size) {
        inUse = new boolean[size];
        owner = new String[size];
        released = new long[size];
        fixed = new boolean[size];
        blocked = new boolean[size];
    }

    int size() {
        return inUse.length;
    }

    /**
     * The slot a client should get, or -1 if none is free.
     *
     * @param commonName the client's name, or null with {@code duplicate-cn}
     */
    int choose(String commonName) {
        int leastRecent = -1;
        for (int i = 0; i < inUse.length; i++) {
            if (inUse[i] || blocked[i]) {
                continue;
            }
            if (commonName == null) {
                return i;
            }
            if (commonName.equals(owner[i])) {
                return i;
            }
            if (!fixed[i] && (leastRecent < 0 || released[i] < released[leastRecent])) {
                leastRecent = i;
            }
        }
        return leastRecent;
    }

    /** Marks a free slot taken by {@code commonName} (null with {@code duplicate-cn}: forgets the name). */
    void take(int slot, String commonName) {
        if (inUse[slot]) {
            throw new IllegalStateException("slot " + slot + " is in use");
        }
        inUse[slot] = true;
        owner[slot] = commonName;
        released[slot] = NEVER;
    }

    /** Frees a slot; it keeps its owner's name so the owner gets it back. */
    void release(int slot) {
        inUse[slot] = false;
        released[slot] = ++releases;
    }

    /**
     * Remembers a slot for {@code commonName} from the persist file; a later line for the same
     * slot replaces an earlier one. A slot of a read-only file is fixed: only that name ever gets
     * it. Call {@link #settleRemembered} when all lines are in.
     */
    void remember(int slot, String commonName, boolean fixedForOwner) {
        owner[slot] = commonName;
        fixed[slot] = fixedForOwner;
    }

    /**
     * Stamps every remembered slot as released at one moment, now, as OpenVPN's start-up read does
     * ({@code ifconfig_pool_set} sets {@code last_release = now}): clients without a remembered
     * slot take never-used slots before remembered ones.
     */
    void settleRemembered() {
        long stamp = ++releases;
        for (int i = 0; i < owner.length; i++) {
            if (owner[i] != null && !inUse[i]) {
                released[i] = stamp;
            }
        }
    }

    void block(int slot) {
        blocked[slot] = true;
    }

    void unblock(int slot) {
        blocked[slot] = false;
    }

    boolean inUse(int slot) {
        return inUse[slot];
    }

    boolean blocked(int slot) {
        return blocked[slot];
    }

    /** The name the slot remembers, or null. */
    String owner(int slot) {
        return owner[slot];
    }

    /** Free slots that may still be handed out. */
    int available() {
        int n = 0;
        for (int i = 0; i < inUse.length; i++) {
            if (!inUse[i] && !blocked[i]) {
                n++;
            }
        }
        return n;
    }
}

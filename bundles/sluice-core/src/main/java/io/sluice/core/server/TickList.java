package io.sluice.core.server;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The clients whose timers one control thread runs. Owned by that thread: every method must be
 * called on it.
 *
 * <p>A server ticks each list ten times a second, so with thousands of clients neither a tick nor
 * a client's coming or going may cost in proportion to the list: adding and removing are O(1)
 * (a removed client's place is taken by the last one, whose slot the client records), and a tick
 * walks the array in place, without copying it, while clients it visits close.
 */
final class TickList<T extends TickList.Member> {

    /** What the list needs of a client: a place to keep its slot, and whether it has closed. */
    interface Member {
        int tickSlot();

        void tickSlot(int slot);

        boolean isClosed();
    }

    private Member[] peers = new Member[16];
    private int size;

    /** Adds a client, unless it closed before this add ran (its close found nothing to remove). */
    void add(T peer) {
        if (peer.isClosed()) {
            return;
        }
        if (size == peers.length) {
            peers = Arrays.copyOf(peers, size * 2);
        }
        peer.tickSlot(size);
        peers[size++] = peer;
    }

    /** Removes a client if it is here (a client may close before its add has run: then it never is). */
    void remove(T peer) {
        int slot = peer.tickSlot();
        if (slot < 0 || slot >= size || peers[slot] != peer) {
            return;
        }
        Member last = peers[--size];
        peers[size] = null;
        if (last != peer) {
            peers[slot] = last;
            last.tickSlot(slot);
        }
        peer.tickSlot(-1);
    }

    int size() {
        return size;
    }

    /**
     * Visits every client in the list when the walk starts, from the last slot down, so that a
     * client removed during the walk (the one visited, or any other) is replaced only by one
     * already visited: none is skipped. One may be visited twice; a tick must tolerate that.
     */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<T> visit) {
        for (int i = size - 1; i >= 0; i--) {
            if (i < size) {
                visit.accept((T) peers[i]);
            }
        }
    }
}

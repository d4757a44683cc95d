package io.sluice.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A tick visits every client that was in the list when it started and has not been removed
 * before its turn, even while the clients it visits close themselves or others; removal is by
 * slot, so the list holds exactly what was added and not removed.
 */
class TickListTest {

    private static final class Client implements TickList.Member {
        final int id;
        int slot = -1;
        boolean closed;

        Client(int id) {
            this.id = id;
        }

        @Override
        public int tickSlot() {
            return slot;
        }

        @Override
        public void tickSlot(int s) {
            slot = s;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    @Test
    void aTickVisitsEveryLiveClientWhileVisitedClientsCloseThemselvesAndOthers() {
        TickList<Client> list = new TickList<>();
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Client c = new Client(i);
            all.add(c);
            list.add(c);
        }
        Set<Client> removedBeforeTurn = new HashSet<>();
        Map<Client, Integer> visits = new HashMap<>();
        list.forEach(c -> {
            visits.merge(c, 1, Integer::sum);
            if (c.id % 3 == 0) {
                list.remove(c); // closes itself, as a timed-out client does
                c.closed = true;
            }
            if (c.id % 7 == 0) {
                Client other = all.get((c.id * 31) % all.size()); // closes another (a duplicate name, say)
                if (!visits.containsKey(other) && !other.closed) {
                    removedBeforeTurn.add(other);
                }
                list.remove(other);
                other.closed = true;
            }
        });
        for (Client c : all) {
            if (!removedBeforeTurn.contains(c)) {
                assertTrue(visits.containsKey(c), "client " + c.id + " was skipped");
            }
        }
        long live = all.stream().filter(c -> !c.closed).count();
        assertEquals(live, list.size());
        List<Client> seen = new ArrayList<>();
        list.forEach(seen::add);
        assertEquals(live, seen.size());
        assertTrue(seen.stream().noneMatch(c -> c.closed), "a closed client is still ticked");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a client is in the list twice");
    }

    @Test
    void aClientThatClosedBeforeItsAddRanIsNotAdded() {
        TickList<Client> list = new TickList<>();
        Client c = new Client(1);
        list.remove(c); // the close ran first and found nothing
        c.closed = true;
        list.add(c);
        assertEquals(0, list.size());
    }

    @Test
    void removingAClientTwiceOrOneNeverAddedLeavesTheOthers() {
        TickList<Client> list = new TickList<>();
        Client a = new Client(1);
        Client b = new Client(2);
        list.add(a);
        list.add(b);
        list.remove(a);
        list.remove(a);
        list.remove(new Client(3));
        List<Client> seen = new ArrayList<>();
        list.forEach(seen::add);
        assertEquals(List.of(b), seen);
    }
}

package io.sluice.core.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-length tables are persistent: every version answers as a plain map of its keys would,
 * old versions keep answering as they did, and a change shares all buckets but one with the
 * version it came from (so connecting the n-th client does not copy the other n - 1).
 */
class PrefixTableTest {

    private static final long FULL_IPV4 = 0xffff_ffffL;

    private record Key(long high, long low) {
    }

    @Test
    void everyVersionAnswersLikeAMapOfItsKeysThroughGrowthAndShrinking() {
        Random random = new Random(6);
        PrefixTable table = PrefixTable.empty(-1L, -1L);
        Map<Key, Object> model = new HashMap<>();
        List<Key> known = new ArrayList<>();
        for (int step = 0; step < 30_000; step++) {
            boolean remove = !known.isEmpty() && random.nextInt(step < 20_000 ? 4 : 2) == 0;
            if (remove) {
                Key k = known.get(random.nextInt(known.size()));
                table = table.without(k.high(), k.low());
                model.remove(k);
            } else {
                // Few distinct high halves, so keys differ mostly in the low half, as a pool's do.
                Key k = new Key(0x2001_0db8_0000_0000L + random.nextInt(4), random.nextInt(40_000));
                Object v = "s" + step;
                table = table.with(k.high(), k.low(), v);
                model.put(k, v);
                known.add(k);
            }
            assertEquals(model.size(), table.size(), "size after step " + step);
            if (step % 1000 == 0) {
                for (Key k : known) {
                    assertSame(model.get(k), table.get(k.high(), k.low()), "key " + k + " at step " + step);
                }
            }
        }
        for (Key k : known) {
            assertSame(model.get(k), table.get(k.high(), k.low()));
        }
    }

    @Test
    void aChangeLeavesTheOldVersionAsItWasAndSharesAllButOneBucketWithIt() {
        PrefixTable table = PrefixTable.empty(0, FULL_IPV4);
        for (int i = 0; i < 10_000; i++) {
            table = table.with(0, 0x0a08_0000L + i, "client" + i);
        }
        assertTrue(table.bucketCount() >= 64, "10,000 keys spread over " + table.bucketCount() + " buckets");

        PrefixTable added = table.with(0, 0x0a09_0001L, "newcomer");
        PrefixTable removed = table.without(0, 0x0a08_0005L);

        assertEquals(table.bucketCount() - 1, added.bucketsSharedWith(table));
        assertEquals(table.bucketCount() - 1, removed.bucketsSharedWith(table));
        assertNull(table.get(0, 0x0a09_0001L), "the old version does not see the newcomer");
        assertEquals("client5", table.get(0, 0x0a08_0005L), "nor lose the removed key");
        assertEquals("newcomer", added.get(0, 0x0a09_0001L));
        assertNull(removed.get(0, 0x0a08_0005L));
        assertSame(table, table.without(0, 0x0b00_0000L), "removing an absent key changes nothing");
    }

    @Test
    void lookupsClearTheHostBitsWithTheTablesMask() {
        long slash24 = 0xffff_ff00L;
        PrefixTable table = PrefixTable.empty(0, slash24).with(0, 0xc0a8_0300L, "lan");
        assertEquals("lan", table.get(0, 0xc0a8_0309L));
        assertNull(table.get(0, 0xc0a8_0409L));
    }
}

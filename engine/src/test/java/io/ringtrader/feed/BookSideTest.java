package io.ringtrader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The primitive book side against a naive TreeMap, over seeded random updates and snapshots. */
class BookSideTest {

    @Test
    void shouldEqualTreeMapAfterEveryRandomUpdate() {
        for (long seed = 1; seed <= 20; seed++) {
            for (boolean bid : new boolean[] {true, false}) {
                final Random random = new Random(seed);
                final BookSide side = new BookSide(bid, 1 << 20);
                final TreeMap<Long, Long> naive = new TreeMap<>();
                for (int i = 0; i < 5_000; i++) {
                    final long price = 1_000_000L + random.nextInt(400) * 100L;
                    final long size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_000_000);
                    side.set(price, size);
                    if (size == 0) {
                        naive.remove(price);
                    } else {
                        naive.put(price, size);
                    }
                    assertSame(naive, side, bid, "seed " + seed + " step " + i);
                }
            }
        }
    }

    @Test
    void shouldSortSnapshotsSentBestFirstWorstFirstOrShuffled() {
        final Random random = new Random(7);
        for (int order = 0; order < 3; order++) {
            for (boolean bid : new boolean[] {true, false}) {
                final BookSide side = new BookSide(bid, 1 << 20);
                side.set(42, 7); // a level from before the snapshot must not survive it
                final TreeMap<Long, Long> naive = new TreeMap<>();
                final long[] prices = new long[3_000];
                for (int i = 0; i < prices.length; i++) {
                    prices[i] = 10_000 + i * 3L;
                }
                if (order == 2) {
                    for (int i = prices.length - 1; i > 0; i--) {
                        final int j = random.nextInt(i + 1);
                        final long t = prices[i];
                        prices[i] = prices[j];
                        prices[j] = t;
                    }
                }
                side.beginSnapshot();
                for (int i = 0; i < prices.length; i++) {
                    final long p = order == 0 == bid ? prices[prices.length - 1 - i] : prices[i];
                    side.appendSnapshot(p, p + 1);
                    naive.put(p, p + 1);
                }
                assertEquals(0, side.endSnapshot());
                assertSame(naive, side, bid, "order " + order);
            }
        }
    }

    @Test
    void shouldMergeRepeatedSnapshotPricesAndSkipZeroSizes() {
        final BookSide side = new BookSide(true, 100);
        side.beginSnapshot();
        side.appendSnapshot(100, 1);
        side.appendSnapshot(100, 2);
        side.appendSnapshot(99, 0);
        side.appendSnapshot(98, 3);
        assertEquals(1, side.endSnapshot());
        assertEquals(2, side.levels());
        assertEquals(100, side.priceE8(0));
        assertEquals(98, side.priceE8(1));
    }

    @Test
    void shouldDropTheFarthestLevelWhenFullAndKeepTheTouch() {
        final BookSide asks = new BookSide(false, 16);
        for (int i = 0; i < 16; i++) {
            asks.set(1_000 + i, 1);
        }
        assertEquals(-1, asks.set(5_000, 1), "worse than every level: not kept");
        assertEquals(0, asks.set(999, 5), "a new best level pushes out the farthest");
        assertEquals(16, asks.levels());
        assertEquals(999, asks.priceE8(0));
        assertEquals(1_014, asks.priceE8(15));
        assertEquals(2, asks.droppedLevels());
    }

    @Test
    void checkerShouldFailOnADifferentBook() {
        final BookSide side = new BookSide(true, 100);
        side.set(10, 1);
        final TreeMap<Long, Long> naive = new TreeMap<>(Map.of(10L, 2L));
        boolean failed = false;
        try {
            assertSame(naive, side, true, "sizes differ");
        } catch (AssertionError expected) {
            failed = true;
        }
        assertTrue(failed, "the checker must see a wrong size");
    }

    static void assertSame(TreeMap<Long, Long> naive, BookSide side, boolean bid, String where) {
        assertEquals(naive.size(), side.levels(), where + ": levels");
        final NavigableMap<Long, Long> best = bid ? naive.descendingMap() : naive;
        int rank = 0;
        for (Map.Entry<Long, Long> e : best.entrySet()) {
            assertEquals(e.getKey(), side.priceE8(rank), where + ": price at rank " + rank);
            assertEquals(e.getValue(), side.sizeE8(rank), where + ": size at rank " + rank);
            rank++;
        }
    }
}

package io.ringtrader.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link TapeBook} against TreeMaps (levels applied one by one) over seeded random snapshots and updates. */
class TapeBookTest {
    @Test
    void shouldMatchANaiveBookOverRandomSnapshotsAndUpdates() {
        final long seed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        final TapeBook book = new TapeBook(2);
        final List<TreeMap<Long, Long>> naive = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>());
        final SimEvent e = new SimEvent();
        for (int step = 0; step < 2_000; step++) {
            final int id = random.nextInt(2);
            final boolean snapshot = step < 2 || random.nextInt(100) == 0;
            final boolean known = snapshot || book.known(id);
            book.clearPending();
            if (snapshot) {
                naive.get(id * 2).clear();
                naive.get(id * 2 + 1).clear();
            }
            final int n = snapshot ? 300 : 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                final boolean bid = random.nextBoolean();
                final long price = bid ? 1_000 - random.nextInt(400) : 1_001 + random.nextInt(400);
                final long size = random.nextInt(snapshot ? 20 : 3) > 0 ? 1 + random.nextInt(50) : 0;
                book.addPending(bid, price, size);
                final TreeMap<Long, Long> side = naive.get(id * 2 + (bid ? 0 : 1));
                if (!known) {
                    continue; // before the first snapshot: not kept
                } else if (size == 0) {
                    side.remove(price);
                } else {
                    side.put(price, size);
                }
            }
            book.apply(e.level2(id, step, snapshot, 0, book.pendingEnd()));
            for (int s = 0; s < 4; s++) {
                final boolean bid = s % 2 == 0;
                final List<Long> expected = new ArrayList<>();
                for (Map.Entry<Long, Long> level : (bid ? naive.get(s).descendingMap() : naive.get(s)).entrySet()) {
                    expected.add(level.getKey() * 1_000 + level.getValue());
                }
                final List<Long> actual = new ArrayList<>();
                for (int rank = 0; rank < book.levels(s / 2, bid); rank++) {
                    actual.add(book.priceE8(s / 2, bid, rank) * 1_000 + book.sizeE8(s / 2, bid, rank));
                }
                assertThat(actual).as("seed %d step %d side %d", seed, step, s).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldBuildTheSameBookFromAShuffledSnapshotAsFromItsLevelsAppliedOneByOne() {
        final long seed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        final TapeBook book = new TapeBook(1);
        final List<TreeMap<Long, Long>> naive = List.of(new TreeMap<>(), new TreeMap<>());
        // 100,000 levels in random order (real snapshots are about 46,000): repeated prices and zero sizes too
        for (int i = 0; i < 100_000; i++) {
            final boolean bid = random.nextBoolean();
            final long price = bid ? 1_000_000 - random.nextInt(80_000) : 1_000_001 + random.nextInt(80_000);
            final long size = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(50);
            book.addPending(bid, price, size);
            if (size == 0) {
                naive.get(bid ? 0 : 1).remove(price);
            } else {
                naive.get(bid ? 0 : 1).put(price, size);
            }
        }
        book.apply(new SimEvent().level2(0, 1, true, 0, book.pendingEnd()));
        for (int s = 0; s < 2; s++) {
            final boolean bid = s == 0;
            final List<Long> expected = new ArrayList<>();
            for (Map.Entry<Long, Long> level : (bid ? naive.get(s).descendingMap() : naive.get(s)).entrySet()) {
                expected.add(level.getKey() * 1_000 + level.getValue());
            }
            final List<Long> actual = new ArrayList<>();
            for (int rank = 0; rank < book.levels(0, bid); rank++) {
                actual.add(book.priceE8(0, bid, rank) * 1_000 + book.sizeE8(0, bid, rank));
            }
            assertThat(actual.size()).as("seed %d side %d levels", seed, s).isGreaterThan(30_000);
            assertThat(actual).as("seed %d side %d", seed, s).isEqualTo(expected);
        }
    }

    @Test
    void shouldIgnoreUpdatesBeforeTheFirstSnapshot() {
        final TapeBook book = new TapeBook(1);
        book.addPending(true, 100, 1);
        book.apply(new SimEvent().level2(0, 1, false, 0, 1));
        assertThat(book.known(0)).isFalse();
        assertThat(book.levels(0, true)).isZero();
    }
}

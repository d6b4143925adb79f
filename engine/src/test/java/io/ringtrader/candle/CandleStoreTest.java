package io.ringtrader.candle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import io.ringtrader.event.Candle;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CandleStoreTest {
    private static final long MIN = CandleStore.MINUTE_NS;
    private static final long T0 = 1_767_225_600_000_000_000L;

    private static Candle candle(int id, long minute) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = T0 + minute * MIN;
        c.openE8 = minute;
        c.highE8 = minute + 2;
        c.lowE8 = minute - 1;
        c.closeE8 = minute + 1;
        c.volumeE8 = 10 * minute;
        c.notionalE8 = 20 * minute;
        c.tradeCount = minute % 5;
        c.complete = minute % 3 != 0;
        return c;
    }

    @Test
    void shouldEvictCandlesOlderThanRetentionAfterMoreThanSevenDays() {
        final CandleStore store = new CandleStore(2, 7);
        final int minutes = 7 * 1440;
        for (long m = 0; m < minutes + 2_500; m++) {
            assertThat(store.append(candle(1, m))).isTrue();
        }
        assertThat(store.size(1)).isEqualTo(minutes);
        assertThat(store.size(0)).isZero();
        final Candle oldest = new Candle();
        assertThat(store.get(1, 0, oldest)).isTrue();
        assertThat(oldest.openTimeNs).isEqualTo(T0 + 2_500 * MIN);
        final Candle latest = new Candle();
        assertThat(store.latest(1, latest)).isTrue();
        assertThat(latest).usingRecursiveComparison().isEqualTo(candle(1, minutes + 2_499));
        assertThat(store.capacity()).isEqualTo(minutes);
    }

    @Test
    void shouldEvictByEventTimeAcrossHolesInTheSeries() {
        final CandleStore store = new CandleStore(1, 1);
        store.append(candle(0, 0));
        store.append(candle(0, 10));
        store.append(candle(0, 1440 + 5)); // minute 0 and 5 are now more than a day old
        assertThat(store.size(0)).isEqualTo(2);
        assertThat(store.openTimeNs(0, 0)).isEqualTo(T0 + 10 * MIN);
    }

    @Test
    void shouldRejectCandleNotNewerThanLatestOrOfUnknownInstrument() {
        final CandleStore store = new CandleStore(1, 1);
        assertThat(store.append(candle(0, 5))).isTrue();
        assertThat(store.append(candle(0, 5))).isFalse();
        assertThat(store.append(candle(0, 4))).isFalse();
        assertThat(store.append(candle(3, 9))).isFalse();
        assertThat(store.rejectedAppends()).isEqualTo(3);
        assertThat(store.size(0)).isEqualTo(1);
    }

    @Test
    void shouldCopyRangesAndClosesOldestFirst() {
        final CandleStore store = new CandleStore(1, 1);
        for (long m = 0; m < 1440 + 100; m++) {
            store.append(candle(0, m));
        }
        final Candle[] out = {new Candle(), new Candle(), new Candle(), new Candle()};
        assertThat(store.copyRange(0, 1438, out, 1, 5)).isEqualTo(2);
        assertThat(out[1]).usingRecursiveComparison().isEqualTo(candle(0, 1438 + 100));
        assertThat(out[2]).usingRecursiveComparison().isEqualTo(candle(0, 1439 + 100));
        final long[] closes = new long[3];
        assertThat(store.copyCloses(0, 0, closes, 0, 3)).isEqualTo(3);
        assertThat(closes).containsExactly(101, 102, 103);
        assertThat(store.closeE8(0, 1439)).isEqualTo(1440 + 100);
        assertThat(store.get(0, 1440, new Candle())).isFalse();
        assertThatThrownBy(() -> store.closeE8(0, 1440)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldKeepMemoryBoundedWhileAppendingForWeeks() {
        final ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final CandleStore store = new CandleStore(1, 1);
        final Candle c = candle(0, 0);
        for (int m = 0; m < 3 * 1440; m++) {
            c.openTimeNs = T0 + m * MIN;
            store.append(c);
        }
        final long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int m = 3 * 1440; m < 30 * 1440; m++) {
            c.openTimeNs = T0 + m * MIN;
            store.append(c);
        }
        final long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).isLessThan(4 * 1024);
        assertThat(store.size(0)).isEqualTo(1440);
    }
}

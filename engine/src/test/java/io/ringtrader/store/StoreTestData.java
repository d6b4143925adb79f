package io.ringtrader.store;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.util.ArrayList;
import java.util.List;

/** Candle series for the store tests. */
final class StoreTestData {
    /** 2026-01-01T00:00:00Z. */
    static final long T0 = 1_767_225_600_000_000_000L;
    static final long MIN = 60_000_000_000L;

    private StoreTestData() {
    }

    /** A candle at minute {@code m} after {@link #T0} with distinct, exactly representable values. */
    static Candle candle(int id, long m) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = T0 + m * MIN;
        c.openE8 = FixedPoint.parse("65000.01") + m * 1_000_000L;
        c.highE8 = c.openE8 + 50 * FixedPoint.ONE;
        c.lowE8 = c.openE8 - 25 * FixedPoint.ONE;
        c.closeE8 = c.openE8 + 12_345_678L;
        c.volumeE8 = m % 10 == 9 ? 0 : 123_456_789L + m;
        c.notionalE8 = c.volumeE8 == 0 ? 0 : FixedPoint.multiply(c.openE8 + 1_000L, c.volumeE8);
        c.tradeCount = c.volumeE8 == 0 ? 0 : 1 + m % 7;
        c.complete = m % 5 != 0;
        return c;
    }

    /** Minutes {@code from} (inclusive) to {@code to} (exclusive). */
    static List<Candle> series(int id, long from, long to) {
        final List<Candle> list = new ArrayList<>();
        for (long m = from; m < to; m++) {
            list.add(candle(id, m));
        }
        return list;
    }
}

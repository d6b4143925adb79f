package io.ringtrader.history;

import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What one symbol-day of the archive needs from REST: its candles on disk by minute and the request windows
 * (at most {@link #WINDOW_MINUTES} minutes each) covering every minute that is missing, or, when repairing, held by
 * an incomplete trade-built candle. Minutes already there are never requested again: that is what makes
 * {@code download} resumable and idempotent. Mutable by the downloader thread only.
 */
final class DayPlan {
    /** Coinbase returns at most 350 candles per request. */
    static final int WINDOW_MINUTES = 350;
    static final long MINUTE_NS = 60_000_000_000L;

    final String symbol;
    final LocalDate day;
    final long fromNs;
    final long toNs;
    final TreeMap<Long, Candle> candles;
    final List<long[]> windows = new ArrayList<>();

    /** Plans [fromNs, toNs) of {@code day} over {@code onDisk} (by open time; taken over, not copied). */
    DayPlan(String symbol, LocalDate day, long fromNs, long toNs, TreeMap<Long, Candle> onDisk, boolean repair) {
        this.symbol = symbol;
        this.day = day;
        this.fromNs = fromNs;
        this.toNs = toNs;
        this.candles = onDisk;
        long windowEndNs = Long.MIN_VALUE;
        for (long m = fromNs; m < toNs; m += MINUTE_NS) {
            if (m < windowEndNs || !needs(candles.get(m), repair)) {
                continue;
            }
            windowEndNs = Math.min(toNs, m + WINDOW_MINUTES * MINUTE_NS);
            windows.add(new long[] {m, windowEndNs});
        }
    }

    /** True when the minute holding {@code existing} (null: none) should be fetched. */
    static boolean needs(Candle existing, boolean repair) {
        return existing == null || repair && existing.source == CandleSource.TRADES && !existing.complete;
    }
}

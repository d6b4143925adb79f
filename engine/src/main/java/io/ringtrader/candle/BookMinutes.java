package io.ringtrader.candle;

import io.ringtrader.event.Candle;
import io.ringtrader.event.Quote;
import java.util.Arrays;

/**
 * The level2 side of the 1-minute candles: from the {@code QUOTE} events of each instrument, the best bid and ask in
 * force at each minute's end and the time-weighted means of the spread (best ask - best bid) and of the top-of-book
 * depth (best bid size + best ask size) over the part of the minute a two-sided book was known. The quote in force
 * is integrated over exchange time into a tiny ring of per-minute accumulators (the minutes still open), split at
 * minute boundaries, and topped up to the minute's end when the candle stage emits it. Primitive arrays only, no
 * allocation; owned by the candle stage's thread.
 */
final class BookMinutes {
    private static final long NONE = Long.MIN_VALUE;

    private final int slots;
    private final long minuteNs;
    // quote in force, per instrument
    private final boolean[] twoSided;
    private final long[] bidE8;
    private final long[] askE8;
    private final long[] depthE8;
    private final long[] integratedToNs;
    // accumulators, per instrument x slot
    private final long[] minute;
    private final double[] spreadSum;
    private final double[] depthSum;
    private final long[] coveredNs;
    private final long[] closeBidE8;
    private final long[] closeAskE8;

    BookMinutes(int instruments, int slotsPerInstrument, long minuteNs) {
        this.slots = slotsPerInstrument;
        this.minuteNs = minuteNs;
        twoSided = new boolean[instruments];
        bidE8 = new long[instruments];
        askE8 = new long[instruments];
        depthE8 = new long[instruments];
        integratedToNs = new long[instruments];
        Arrays.fill(integratedToNs, NONE);
        final int total = instruments * slots;
        minute = new long[total];
        Arrays.fill(minute, NONE);
        spreadSum = new double[total];
        depthSum = new double[total];
        coveredNs = new long[total];
        closeBidE8 = new long[total];
        closeAskE8 = new long[total];
    }

    /** A new top of book for {@code id} at exchange time {@code timestampNs}. */
    void onQuote(int id, long timestampNs, Quote q) {
        advance(id, timestampNs);
        twoSided[id] = q.twoSided();
        bidE8[id] = q.bestBidE8();
        askE8[id] = q.bestAskE8();
        depthE8[id] = twoSided[id] ? q.bidSizeE8[0] + q.askSizeE8[0] : 0;
    }

    /** The book of {@code id} is unknown from {@code timestampNs} on (a disconnect, a restart). */
    void forget(int id, long timestampNs) {
        if (integratedToNs[id] == NONE) {
            return;
        }
        advance(id, timestampNs);
        twoSided[id] = false;
        bidE8[id] = 0;
        askE8[id] = 0;
        depthE8[id] = 0;
    }

    /** Fills the book fields of {@code c}, the candle of {@code id}'s minute {@code minuteNumber}, being emitted. */
    void close(int id, long minuteNumber, Candle c) {
        c.clearBook();
        if (integratedToNs[id] == NONE) {
            return; // no quote yet
        }
        advance(id, (minuteNumber + 1) * minuteNs);
        final int s = slotOf(id, minuteNumber);
        if (minute[s] != minuteNumber) {
            return; // the book became known only after this minute
        }
        c.bestBidE8 = closeBidE8[s];
        c.bestAskE8 = closeAskE8[s];
        c.bookCoverageNs = coveredNs[s];
        if (coveredNs[s] > 0) {
            c.meanSpreadE8 = Math.round(spreadSum[s] / coveredNs[s]);
            c.meanTopDepthE8 = Math.round(depthSum[s] / coveredNs[s]);
        }
        minute[s] = NONE;
    }

    /** Integrates the quote in force from where it was integrated to {@code toNs}, minute by minute. */
    private void advance(int id, long toNs) {
        long from = integratedToNs[id];
        if (from == NONE || toNs <= from) {
            if (from == NONE) {
                integratedToNs[id] = toNs;
            }
            return;
        }
        final long lastMinute = Math.floorDiv(toNs - 1, minuteNs);
        if (lastMinute - Math.floorDiv(from, minuteNs) >= slots) {
            from = (lastMinute - slots + 1) * minuteNs; // a jump past the open window: older minutes are closed
        }
        for (long m = Math.floorDiv(from, minuteNs); m <= lastMinute; m++) {
            final long start = m * minuteNs;
            final long end = start + minuteNs;
            final int s = claim(id, m);
            final long segment = Math.min(toNs, end) - Math.max(from, start);
            if (twoSided[id] && segment > 0) {
                spreadSum[s] += (double) (askE8[id] - bidE8[id]) * segment;
                depthSum[s] += (double) depthE8[id] * segment;
                coveredNs[s] += segment;
            }
            if (toNs >= end) {
                closeBidE8[s] = twoSided[id] ? bidE8[id] : 0;
                closeAskE8[s] = twoSided[id] ? askE8[id] : 0;
            }
        }
        integratedToNs[id] = toNs;
    }

    private int claim(int id, long minuteNumber) {
        final int s = slotOf(id, minuteNumber);
        if (minute[s] != minuteNumber) {
            minute[s] = minuteNumber;
            spreadSum[s] = 0;
            depthSum[s] = 0;
            coveredNs[s] = 0;
            closeBidE8[s] = 0;
            closeAskE8[s] = 0;
        }
        return s;
    }

    private int slotOf(int id, long minuteNumber) {
        return id * slots + (int) Math.floorMod(minuteNumber, (long) slots);
    }
}

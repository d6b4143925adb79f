package io.ringtrader.candle;

import io.ringtrader.event.FixedPoint;
import java.util.Arrays;

/**
 * The minutes still open (not yet closed by exchange time) of every instrument: a tiny ring of accumulators per
 * instrument, indexed by minute number modulo {@link #slotsPerInstrument()}, sized so the open window (the current
 * minute plus those still inside their grace) never collides. Primitive arrays only; owned by the consumer thread.
 */
final class OpenMinutes {
    /** Marks a slot that holds no minute. */
    static final long EMPTY = Long.MIN_VALUE;

    private final int slots;
    final long[] minute;
    final long[] openE8;
    final long[] highE8;
    final long[] lowE8;
    final long[] closeE8;
    final long[] openTsNs;
    final long[] closeTsNs;
    final long[] volumeE8;
    final long[] notionalE8;
    final long[] tradeCount;
    final boolean[] incomplete;

    OpenMinutes(int instrumentCount, long graceNs) {
        // Open window = minutes (lastClosable, minuteOf(maxTime)]: at most ceil(grace / 1 min) + 1 of them.
        this.slots = (int) (graceNs / CandleStore.MINUTE_NS) + 2;
        final int total = instrumentCount * slots;
        minute = new long[total];
        openE8 = new long[total];
        highE8 = new long[total];
        lowE8 = new long[total];
        closeE8 = new long[total];
        openTsNs = new long[total];
        closeTsNs = new long[total];
        volumeE8 = new long[total];
        notionalE8 = new long[total];
        tradeCount = new long[total];
        incomplete = new boolean[total];
        Arrays.fill(minute, EMPTY);
    }

    int slotsPerInstrument() {
        return slots;
    }

    /** The slot of {@code minuteNumber}, claimed (and reset) for it if it held another minute. */
    int claim(int instrumentId, long minuteNumber) {
        final int s = slotOf(instrumentId, minuteNumber);
        if (minute[s] != minuteNumber) {
            minute[s] = minuteNumber;
            tradeCount[s] = 0;
            volumeE8[s] = 0;
            notionalE8[s] = 0;
            incomplete[s] = false;
        }
        return s;
    }

    /** The slot holding {@code minuteNumber}, or -1. */
    int find(int instrumentId, long minuteNumber) {
        final int s = slotOf(instrumentId, minuteNumber);
        return minute[s] == minuteNumber ? s : -1;
    }

    /** Frees a slot after its minute was emitted. */
    void release(int slot) {
        minute[slot] = EMPTY;
    }

    /** The earliest minute in [from, to] holding trades for the instrument, or {@code Long.MAX_VALUE}. */
    long firstTradedMinute(int instrumentId, long from, long to) {
        long best = Long.MAX_VALUE;
        final int base = instrumentId * slots;
        for (int s = base; s < base + slots; s++) {
            final long m = minute[s];
            if (m != EMPTY && m >= from && m <= to && tradeCount[s] > 0 && m < best) {
                best = m;
            }
        }
        return best;
    }

    /** Merges one trade; open is the earliest timestamp (first arrival on ties), close the latest (last arrival). */
    void add(int s, long timestampNs, long priceE8, long sizeE8, long notional) {
        if (tradeCount[s] == 0) {
            openE8[s] = priceE8;
            highE8[s] = priceE8;
            lowE8[s] = priceE8;
            closeE8[s] = priceE8;
            openTsNs[s] = timestampNs;
            closeTsNs[s] = timestampNs;
        } else {
            if (timestampNs < openTsNs[s]) {
                openE8[s] = priceE8;
                openTsNs[s] = timestampNs;
            }
            if (timestampNs >= closeTsNs[s]) {
                closeE8[s] = priceE8;
                closeTsNs[s] = timestampNs;
            }
            if (priceE8 > highE8[s]) {
                highE8[s] = priceE8;
            }
            if (priceE8 < lowE8[s]) {
                lowE8[s] = priceE8;
            }
        }
        volumeE8[s] += sizeE8;
        notionalE8[s] += notional;
        tradeCount[s]++;
    }

    /** Price x size in E8, or {@link FixedPoint#INVALID} when it does not fit in a long (absurd input). */
    static long notional(long priceE8, long sizeE8) {
        try {
            return FixedPoint.multiply(priceE8, sizeE8);
        } catch (ArithmeticException overflow) {
            return FixedPoint.INVALID;
        }
    }

    private int slotOf(int instrumentId, long minuteNumber) {
        return instrumentId * slots + (int) Math.floorMod(minuteNumber, (long) slots);
    }
}

package io.ringtrader.store;

import io.ringtrader.event.Candle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer single-consumer queue of candle copies: a pre-allocated ring of {@link Candle}s that the
 * producer copies into and the consumer copies out of, so nothing is allocated per candle and neither side ever
 * blocks or locks. Exactly one producer thread (the ring consumer) and one consumer thread (the Parquet writer).
 */
final class CandleHandoff {
    private final Candle[] slots;
    private final int mask;
    /** Next sequence to write; written by the producer only. */
    private final AtomicLong head = new AtomicLong();
    /** Next sequence to read; written by the consumer only. */
    private final AtomicLong tail = new AtomicLong();
    /** Producer's cached view of {@link #tail}, refreshed only when the ring looks full. */
    private long tailCache;

    /** A queue holding up to {@code capacity} candles, rounded up to a power of two. */
    CandleHandoff(int capacity) {
        final int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new Candle[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new Candle();
        }
        mask = size - 1;
    }

    /** Producer: copies {@code candle} in; false when full (nothing is written). */
    boolean offer(Candle candle) {
        final long h = head.getPlain();
        if (h - tailCache >= slots.length) {
            tailCache = tail.getAcquire();
            if (h - tailCache >= slots.length) {
                return false;
            }
        }
        slots[(int) h & mask].copyFrom(candle);
        head.setRelease(h + 1);
        return true;
    }

    /** Consumer: copies the oldest candle into {@code out}; false when empty. */
    boolean poll(Candle out) {
        final long t = tail.getPlain();
        if (t >= head.getAcquire()) {
            return false;
        }
        out.copyFrom(slots[(int) t & mask]);
        tail.setRelease(t + 1);
        return true;
    }

    /** How many candles the queue can hold. */
    int capacity() {
        return slots.length;
    }
}

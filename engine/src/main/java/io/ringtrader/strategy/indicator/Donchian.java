package io.ringtrader.strategy.indicator;

/**
 * Donchian channel: highest high and lowest low of the last {@code period} candles, O(1) amortised with two
 * monotonic deques kept in primitive arrays (no boxing, no allocation). Single-threaded.
 */
public final class Donchian {
    private final int period;
    private final MonotonicDeque highs;
    private final MonotonicDeque lows;
    private long count;

    /** A channel over {@code period} candles. */
    public Donchian(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
        highs = new MonotonicDeque(period + 1, true);
        lows = new MonotonicDeque(period + 1, false);
    }

    /** Adds one candle's high and low. */
    public void update(double high, double low) {
        final long expired = count - period;
        highs.push(count, high, expired);
        lows.push(count, low, expired);
        count++;
    }

    /** Highest high in the window (NaN before the first candle). */
    public double upper() {
        return count == 0 ? Double.NaN : highs.front();
    }

    /** Lowest low in the window (NaN before the first candle). */
    public double lower() {
        return count == 0 ? Double.NaN : lows.front();
    }

    /** Middle of the channel. */
    public double middle() {
        return (upper() + lower()) * 0.5;
    }

    /** True once {@code period} candles were seen. */
    public boolean ready() {
        return count >= period;
    }

    /** Deque of (index, value) with values monotonic from the front; the front is the window's extreme. */
    private static final class MonotonicDeque {
        private final long[] indexes;
        private final double[] values;
        private final boolean keepMax;
        private int head;
        private int size;

        MonotonicDeque(int capacity, boolean keepMax) {
            indexes = new long[capacity];
            values = new double[capacity];
            this.keepMax = keepMax;
        }

        void push(long index, double value, long expiredUpTo) {
            while (size > 0 && indexes[head] <= expiredUpTo) {
                head = next(head);
                size--;
            }
            while (size > 0) {
                final double back = values[slot(size - 1)];
                if (keepMax ? back <= value : back >= value) {
                    size--;
                } else {
                    break;
                }
            }
            final int s = slot(size);
            indexes[s] = index;
            values[s] = value;
            size++;
        }

        double front() {
            return values[head];
        }

        private int slot(int offset) {
            final int i = head + offset;
            return i >= values.length ? i - values.length : i;
        }

        private int next(int i) {
            return i + 1 == values.length ? 0 : i + 1;
        }
    }
}

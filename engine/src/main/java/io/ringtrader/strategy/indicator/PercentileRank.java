package io.ringtrader.strategy.indicator;

/**
 * Percentile rank of a value among the last {@code lookback} values: the fraction strictly below it. O(lookback)
 * per update, but a branch-free scan of a primitive array in storage order (order does not matter for a count), so
 * a few hundred values cost well under 100 ns, once per candle; no allocation. Single-threaded.
 */
public final class PercentileRank {
    private final double[] values;
    private int head;
    private int size;

    /** Ranks against the last {@code lookback} values. */
    public PercentileRank(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be >= 1, got " + lookback);
        }
        values = new double[lookback];
    }

    /** Rank of {@code value} in [0, 1] among the values held before it (NaN when none), then remembers it. */
    public double update(double value) {
        final double rank = rank(value);
        values[head] = value;
        head = head + 1 == values.length ? 0 : head + 1;
        if (size < values.length) {
            size++;
        }
        return rank;
    }

    /** Rank of {@code value} among the values held, without remembering it. */
    public double rank(double value) {
        if (size == 0) {
            return Double.NaN;
        }
        // until the ring wraps the values sit in [0, size); afterwards the whole array is the window
        int below = 0;
        for (int i = 0; i < size; i++) {
            below += values[i] < value ? 1 : 0;
        }
        return below / (double) size;
    }

    /** How many values are held. */
    public int count() {
        return size;
    }
}

package io.ringtrader.strategy.indicator;

/**
 * Percentile rank of a value among the last {@code lookback} values: the fraction strictly below it. O(lookback)
 * per update (a tight loop over a primitive array, ~100 ns for a few hundred values, once per candle); no
 * allocation. Single-threaded.
 */
public final class PercentileRank {
    private final DoubleRing history;

    /** Ranks against the last {@code lookback} values. */
    public PercentileRank(int lookback) {
        history = new DoubleRing(lookback);
    }

    /** Rank of {@code value} in [0, 1] among the values held before it (NaN when none), then remembers it. */
    public double update(double value) {
        final double rank = rank(value);
        history.push(value);
        return rank;
    }

    /** Rank of {@code value} among the values held, without remembering it. */
    public double rank(double value) {
        final int n = history.size();
        if (n == 0) {
            return Double.NaN;
        }
        int below = 0;
        for (int i = 0; i < n; i++) {
            if (history.get(i) < value) {
                below++;
            }
        }
        return below / (double) n;
    }

    /** How many values are held. */
    public int count() {
        return history.size();
    }
}

package io.ringtrader.strategy.indicator;

/**
 * Percentile rank of a value among the last {@code lookback} values: the fraction strictly below it. The window is
 * kept twice: in arrival order (to know which value leaves) and sorted (NaN left out: it is below nothing and
 * nothing is below it), so a rank is a binary search and an update two array shifts instead of a scan of the
 * whole window; the counts are the same as a scan's. No allocation. Single-threaded.
 */
public final class PercentileRank {
    private final double[] values;
    private final double[] sorted;
    private int sortedSize;
    private int head;
    private int size;

    /** Ranks against the last {@code lookback} values. */
    public PercentileRank(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be >= 1, got " + lookback);
        }
        values = new double[lookback];
        sorted = new double[lookback];
    }

    /** Rank of {@code value} in [0, 1] among the values held before it (NaN when none), then remembers it. */
    public double update(double value) {
        final double rank = rank(value);
        add(value);
        return rank;
    }

    /** Remembers {@code value} without ranking it (a caller that ranked it already saves the search). */
    public void add(double value) {
        if (size == values.length) {
            remove(values[head]);
        } else {
            size++;
        }
        values[head] = value;
        head = head + 1 == values.length ? 0 : head + 1;
        if (!Double.isNaN(value)) {
            final int i = below(value);
            System.arraycopy(sorted, i, sorted, i + 1, sortedSize - i);
            sorted[i] = value;
            sortedSize++;
        }
    }

    /** Rank of {@code value} among the values held, without remembering it. */
    public double rank(double value) {
        if (size == 0) {
            return Double.NaN;
        }
        return (Double.isNaN(value) ? 0 : below(value)) / (double) size;
    }

    /** How many values are held. */
    public int count() {
        return size;
    }

    private void remove(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        final int i = below(value); // the first value not below it: one equal to it
        System.arraycopy(sorted, i + 1, sorted, i, sortedSize - i - 1);
        sortedSize--;
    }

    /** How many held values are strictly below {@code value} (not NaN). */
    private int below(double value) {
        int lo = 0;
        int hi = sortedSize;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

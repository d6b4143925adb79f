package io.ringtrader.strategy.indicator;

/**
 * Exponential moving average with {@code alpha = 2 / (period + 1)}, seeded with the first value; counts as ready
 * after {@code period} values. O(1), allocation-free, single-threaded.
 */
public final class Ema {
    private final int period;
    private final double alpha;
    private double value = Double.NaN;
    private long count;

    /** An EMA over {@code period} values. */
    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1.0);
    }

    /** Adds {@code x} and returns the new average. */
    public double update(double x) {
        value = count == 0 ? x : value + alpha * (x - value);
        count++;
        return value;
    }

    /** The current average (NaN before the first value). */
    public double value() {
        return value;
    }

    /** True once {@code period} values were seen. */
    public boolean ready() {
        return count >= period;
    }

    /** The smoothing factor. */
    public double alpha() {
        return alpha;
    }
}

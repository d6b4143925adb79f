package io.ringtrader.strategy.indicator;

/**
 * Wilder's relative strength index: average gain and loss seeded with the plain mean of the first {@code period}
 * changes, then smoothed as {@code avg = (avg * (period - 1) + x) / period}. O(1), single-threaded.
 */
public final class Rsi {
    private final int period;
    private double previous;
    private boolean hasPrevious;
    private long changes;
    private double avgGain;
    private double avgLoss;

    /** An RSI over {@code period} changes (14 is Wilder's choice). */
    public Rsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
    }

    /** Adds a close and returns the RSI (NaN until ready). */
    public double update(double close) {
        if (!hasPrevious) {
            hasPrevious = true;
            previous = close;
            return Double.NaN;
        }
        final double change = close - previous;
        previous = close;
        final double gain = change > 0 ? change : 0.0;
        final double loss = change < 0 ? -change : 0.0;
        changes++;
        if (changes <= period) {
            // accumulate sums first, then turn them into the seed means
            avgGain += gain;
            avgLoss += loss;
            if (changes == period) {
                avgGain /= period;
                avgLoss /= period;
            }
        } else {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
        return value();
    }

    /** RSI in [0, 100]; 50 when flat; NaN until {@code period} changes were seen. */
    public double value() {
        if (!ready()) {
            return Double.NaN;
        }
        if (avgLoss == 0.0) {
            return avgGain == 0.0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }

    /** True once {@code period} changes (period + 1 closes) were seen. */
    public boolean ready() {
        return changes >= period;
    }
}

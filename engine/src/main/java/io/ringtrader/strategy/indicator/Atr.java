package io.ringtrader.strategy.indicator;

/**
 * Wilder's average true range: true range = max(high - low, |high - prevClose|, |low - prevClose|) (the first
 * candle's is high - low); seeded with the mean of the first {@code period}, then Wilder-smoothed. O(1).
 * Single-threaded.
 */
public final class Atr {
    private final int period;
    private double previousClose;
    private long count;
    private double atr;

    /** An ATR over {@code period} candles (14 is Wilder's choice). */
    public Atr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
    }

    /** Adds one candle and returns the ATR (NaN until ready). */
    public double update(double high, double low, double close) {
        final double tr = count == 0 ? high - low : trueRange(high, low, previousClose);
        previousClose = close;
        count++;
        if (count <= period) {
            atr += tr;
            if (count == period) {
                atr /= period;
            }
        } else {
            atr = (atr * (period - 1) + tr) / period;
        }
        return value();
    }

    /** True range of a candle given the previous close. */
    public static double trueRange(double high, double low, double previousClose) {
        return Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
    }

    /** The ATR, NaN until {@code period} candles were seen. */
    public double value() {
        return ready() ? atr : Double.NaN;
    }

    /** True once {@code period} candles were seen. */
    public boolean ready() {
        return count >= period;
    }
}

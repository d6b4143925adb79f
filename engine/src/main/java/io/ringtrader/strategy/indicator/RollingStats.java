package io.ringtrader.strategy.indicator;

/**
 * Mean and population standard deviation over the last {@code period} values, O(1) per update. Uses the sliding
 * form of Welford's update and a two-pass recompute once per {@code period} updates to stop drift. Meant for
 * values centred near zero (log returns); for prices use the exact {@link PriceStats}. Single-threaded.
 */
public final class RollingStats {
    private final DoubleRing window;
    private double mean;
    private double m2;
    private int sinceRecompute;

    /** Statistics over {@code period} values. */
    public RollingStats(int period) {
        window = new DoubleRing(period);
    }

    /** Adds {@code value}, dropping the oldest when the window is full. */
    public void update(double value) {
        if (window.full()) {
            final double old = window.oldest();
            final double newMean = mean + (value - old) / window.size();
            m2 += (value - old) * (value - newMean + old - mean);
            mean = newMean;
            window.push(value);
        } else {
            window.push(value);
            final double delta = value - mean;
            mean += delta / window.size();
            m2 += delta * (value - mean);
        }
        if (++sinceRecompute >= window.capacity()) {
            sinceRecompute = 0;
            recompute();
        }
    }

    private void recompute() {
        final int n = window.size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += window.get(i);
        }
        final double mu = s / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            final double d = window.get(i) - mu;
            squares += d * d;
        }
        mean = mu;
        m2 = squares;
    }

    /** Mean of the values held (NaN before the first update). */
    public double mean() {
        return window.size() == 0 ? Double.NaN : mean;
    }

    /** Population variance of the values held. */
    public double variance() {
        return window.size() == 0 ? Double.NaN : Math.max(0.0, m2 / window.size());
    }

    /** Population standard deviation of the values held. */
    public double stddev() {
        return Math.sqrt(variance());
    }

    /** True once {@code period} values were seen. */
    public boolean ready() {
        return window.full();
    }

    /** How many values are held. */
    public int count() {
        return window.size();
    }
}

package io.ringtrader.strategy.indicator;

/**
 * Simple moving average over the last {@code period} values, O(1) per update. The running sum is recomputed from
 * the window once per {@code period} updates so floating-point drift cannot build up. Single-threaded.
 */
public final class Sma {
    private final DoubleRing window;
    private double sum;
    private int sinceRecompute;

    /** An average over {@code period} values. */
    public Sma(int period) {
        window = new DoubleRing(period);
    }

    /** Adds {@code value} and returns the average of what the window holds. */
    public double update(double value) {
        if (window.full()) {
            sum -= window.oldest();
        }
        window.push(value);
        sum += value;
        if (++sinceRecompute >= window.capacity()) {
            sinceRecompute = 0;
            double s = 0;
            for (int i = 0; i < window.size(); i++) {
                s += window.get(i);
            }
            sum = s;
        }
        return value();
    }

    /** The average of the values held (NaN before the first update). */
    public double value() {
        return window.size() == 0 ? Double.NaN : sum / window.size();
    }

    /** True once {@code period} values were seen. */
    public boolean ready() {
        return window.full();
    }

    /** The window length. */
    public int period() {
        return window.capacity();
    }
}

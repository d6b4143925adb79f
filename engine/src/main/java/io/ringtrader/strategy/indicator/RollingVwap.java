package io.ringtrader.strategy.indicator;

/**
 * Volume-weighted average price over the last {@code window} candles: sum of notional / sum of volume, O(1) with
 * running sums recomputed once per window to stop drift. Falls back to the last close when nothing traded.
 * Single-threaded.
 */
public final class RollingVwap {
    private final DoubleRing notionals;
    private final DoubleRing volumes;
    private double sumNotional;
    private double sumVolume;
    private double lastClose = Double.NaN;
    private int sinceRecompute;

    /** A VWAP over {@code window} candles. */
    public RollingVwap(int window) {
        notionals = new DoubleRing(window);
        volumes = new DoubleRing(window);
    }

    /** Adds one candle's notional (quote currency), volume (base currency) and close. */
    public void update(double notional, double volume, double close) {
        if (notionals.full()) {
            sumNotional -= notionals.oldest();
            sumVolume -= volumes.oldest();
        }
        notionals.push(notional);
        volumes.push(volume);
        sumNotional += notional;
        sumVolume += volume;
        lastClose = close;
        if (++sinceRecompute >= notionals.capacity()) {
            sinceRecompute = 0;
            double n = 0;
            double v = 0;
            for (int i = 0; i < notionals.size(); i++) {
                n += notionals.get(i);
                v += volumes.get(i);
            }
            sumNotional = n;
            sumVolume = v;
        }
    }

    /** The VWAP, or the last close when the window holds no volume. */
    public double value() {
        return sumVolume > 0 ? sumNotional / sumVolume : lastClose;
    }

    /** True once {@code window} candles were seen. */
    public boolean ready() {
        return notionals.full();
    }
}

package io.ringtrader.strategy.indicator;

/**
 * Bollinger bands: mean of the last {@code period} closes plus/minus {@code widthStddevs} population standard
 * deviations. O(1) and exact via {@link PriceStats}. Single-threaded.
 */
public final class Bollinger {
    private final PriceStats stats;
    private final double widthStddevs;

    /** Bands over {@code period} closes, {@code widthStddevs} wide (20 and 2 are the classic). */
    public Bollinger(int period, double widthStddevs) {
        this.stats = new PriceStats(period);
        this.widthStddevs = widthStddevs;
    }

    /** Adds a close (E8). */
    public void update(long closeE8) {
        stats.update(closeE8);
    }

    /** Middle band (the mean). */
    public double mean() {
        return stats.mean();
    }

    /** Population standard deviation of the window. */
    public double stddev() {
        return stats.stddev();
    }

    /** Mean + width x stddev. */
    public double upper() {
        return stats.mean() + widthStddevs * stats.stddev();
    }

    /** Mean - width x stddev. */
    public double lower() {
        return stats.mean() - widthStddevs * stats.stddev();
    }

    /** How many standard deviations {@code price} sits from the mean (0 when the window is flat). */
    public double zScore(double price) {
        final double sd = stats.stddev();
        return sd > 0 ? (price - stats.mean()) / sd : 0.0;
    }

    /** True once {@code period} closes were seen. */
    public boolean ready() {
        return stats.ready();
    }
}

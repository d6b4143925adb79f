package io.ringtrader.strategy.indicator;

/**
 * Realized volatility: population standard deviation of the last {@code window} log returns of the close (per
 * candle, not annualised). O(1) via {@link RollingStats}. Single-threaded.
 */
public final class RealizedVolatility {
    private final RollingStats returns;
    private double previousClose = Double.NaN;

    /** Volatility over {@code window} returns ({@code window + 1} closes). */
    public RealizedVolatility(int window) {
        returns = new RollingStats(window);
    }

    /** Adds a close (must be > 0) and returns the volatility so far (NaN before the first return). */
    public double update(double close) {
        if (!Double.isNaN(previousClose) && previousClose > 0 && close > 0) {
            returns.update(Math.log(close / previousClose));
        }
        previousClose = close;
        return value();
    }

    /** Standard deviation of the log returns held. */
    public double value() {
        return returns.stddev();
    }

    /** True once {@code window} returns were seen. */
    public boolean ready() {
        return returns.ready();
    }
}

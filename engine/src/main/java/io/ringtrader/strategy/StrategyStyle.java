package io.ringtrader.strategy;

import io.ringtrader.event.Regime;

/**
 * What kind of market a strategy is made for, as a byte; decides its default weight in each regime. Trend
 * strategies weigh more in trends, mean reversion in ranges, everything is damped in high volatility.
 */
public final class StrategyStyle {
    public static final byte NEUTRAL = 0;
    public static final byte TREND = 1;
    public static final byte MEAN_REVERSION = 2;

    private StrategyStyle() {
    }

    /** Default weight of a {@code style} strategy in {@code regime}. */
    public static double defaultWeight(byte style, byte regime) {
        final boolean trending = regime == Regime.TRENDING_UP || regime == Regime.TRENDING_DOWN;
        if (regime == Regime.HIGH_VOLATILITY) {
            return style == MEAN_REVERSION ? 0.3 : 0.5;
        }
        if (style == TREND) {
            return trending ? 1.5 : regime == Regime.RANGING ? 0.5 : 1.0;
        }
        if (style == MEAN_REVERSION) {
            return trending ? 0.5 : regime == Regime.RANGING ? 1.5 : 1.0;
        }
        return 1.0;
    }

    /** "neutral", "trend" or "mean_reversion". */
    public static String name(byte style) {
        return style == TREND ? "trend" : style == MEAN_REVERSION ? "mean_reversion" : "neutral";
    }
}

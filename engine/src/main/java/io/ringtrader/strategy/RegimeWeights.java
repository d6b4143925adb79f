package io.ringtrader.strategy;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Regime;

/**
 * How much one strategy's vote counts in each regime: the style's defaults, overridden per strategy by
 * {@code strategies.params.NAME.weight_trending}, {@code weight_ranging}, {@code weight_high_volatility} and
 * {@code weight_unknown}. Immutable after start-up; safe to share.
 */
public final class RegimeWeights {
    private final double[] byRegime = new double[5];

    private RegimeWeights() {
    }

    /** Reads the weight keys of one strategy's params (the rest of the node is left to the strategy). */
    public static RegimeWeights read(ConfigNode params, byte style) {
        final RegimeWeights w = new RegimeWeights();
        final double trending = params.decimal("weight_trending",
            StrategyStyle.defaultWeight(style, Regime.TRENDING_UP), 0, 100);
        w.byRegime[Regime.TRENDING_UP] = trending;
        w.byRegime[Regime.TRENDING_DOWN] = trending;
        w.byRegime[Regime.RANGING] = params.decimal("weight_ranging",
            StrategyStyle.defaultWeight(style, Regime.RANGING), 0, 100);
        w.byRegime[Regime.HIGH_VOLATILITY] = params.decimal("weight_high_volatility",
            StrategyStyle.defaultWeight(style, Regime.HIGH_VOLATILITY), 0, 100);
        w.byRegime[Regime.UNKNOWN] = params.decimal("weight_unknown",
            StrategyStyle.defaultWeight(style, Regime.UNKNOWN), 0, 100);
        return w;
    }

    /** The weight in {@code regime} (a {@link Regime} byte). */
    public double weight(byte regime) {
        return regime >= 0 && regime < byRegime.length ? byRegime[regime] : byRegime[Regime.UNKNOWN];
    }
}

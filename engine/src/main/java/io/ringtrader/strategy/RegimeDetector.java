package io.ringtrader.strategy;

import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Regime;
import io.ringtrader.strategy.indicator.Adx;
import io.ringtrader.strategy.indicator.PercentileRank;
import io.ringtrader.strategy.indicator.RealizedVolatility;
import io.ringtrader.strategy.indicator.Sma;

/**
 * Market regime of one instrument. HIGH_VOLATILITY when the realized volatility ranks at or above the enter
 * percentile of its lookback AND is at least {@code volatility_min_ratio} times the lookback mean; otherwise
 * TRENDING_UP/DOWN when ADX is at or above the enter threshold (direction from +DI vs -DI); otherwise RANGING.
 * Hysteresis twice over: a regime is left only past its (looser) exit threshold, and a new regime must be the
 * raw reading for {@code min_dwell_candles} candles in a row before the detector switches. UNKNOWN until ADX is
 * ready. Single-threaded, allocation-free per candle.
 */
public final class RegimeDetector {
    /** Volatility values needed before a percentile counts (fewer make any burst look extreme). */
    private static final int MIN_RANK_SAMPLES = 30;

    private final StrategyConfig.Regime config;
    private final Adx adx;
    private final RealizedVolatility volatility;
    private final PercentileRank rank;
    private final Sma volatilityMean;
    private final int minRankSamples;
    private byte regime = Regime.UNKNOWN;
    private byte pending = Regime.UNKNOWN;
    private int pendingCandles;
    private double percentile = Double.NaN;
    private double volatilityRatio = Double.NaN;

    /** A detector with {@code config}. */
    public RegimeDetector(StrategyConfig.Regime config) {
        this.config = config;
        adx = new Adx(config.adxPeriod());
        volatility = new RealizedVolatility(config.volatilityWindow());
        rank = new PercentileRank(config.volatilityLookback());
        volatilityMean = new Sma(config.volatilityLookback());
        minRankSamples = Math.min(MIN_RANK_SAMPLES, config.volatilityLookback());
    }

    /** Updates with the next candle and returns the regime. */
    public byte update(Candle candle) {
        return update(FixedPoint.toDouble(candle.highE8), FixedPoint.toDouble(candle.lowE8),
            FixedPoint.toDouble(candle.closeE8));
    }

    /** Updates with the next candle's high, low and close and returns the regime. */
    public byte update(double high, double low, double close) {
        adx.update(high, low, close);
        final double vol = volatility.update(close);
        if (volatility.ready()) {
            final double mean = volatilityMean.value();
            volatilityRatio = mean > 0 ? vol / mean : Double.NaN;
            percentile = rank.count() >= minRankSamples ? rank.rank(vol) : Double.NaN;
            rank.add(vol);
            volatilityMean.update(vol);
        }
        if (!adx.ready()) {
            return regime;
        }
        final byte raw = classify();
        if (regime == Regime.UNKNOWN || raw == regime) {
            regime = raw;
            pendingCandles = 0;
        } else {
            pendingCandles = raw == pending ? pendingCandles + 1 : 1;
            pending = raw;
            if (pendingCandles >= config.minDwellCandles()) {
                regime = raw;
                pendingCandles = 0;
            }
        }
        return regime;
    }

    private byte classify() {
        final boolean inHighVol = regime == Regime.HIGH_VOLATILITY;
        final double enterPct = inHighVol ? config.volatilityExitPercentile() : config.volatilityEnterPercentile();
        final double minRatio = inHighVol ? 1.0 : config.volatilityMinRatio();
        if (percentile >= enterPct && volatilityRatio >= minRatio) {
            return Regime.HIGH_VOLATILITY;
        }
        final boolean inTrend = regime == Regime.TRENDING_UP || regime == Regime.TRENDING_DOWN;
        if (adx.adx() >= (inTrend ? config.adxExit() : config.adxEnter())) {
            return adx.plusDi() >= adx.minusDi() ? Regime.TRENDING_UP : Regime.TRENDING_DOWN;
        }
        return Regime.RANGING;
    }

    /** The current regime ({@link Regime} byte). */
    public byte regime() {
        return regime;
    }

    /** Current ADX (NaN until ready). */
    public double adx() {
        return adx.adx();
    }

    /** Percentile rank of the latest realized volatility in its lookback (NaN early). */
    public double volatilityPercentile() {
        return percentile;
    }
}

package io.ringtrader.config;

import java.util.List;

/**
 * The strategy stage. Per-strategy parameters live under {@code strategies.params.NAME}; the strategy reads them
 * (and its regime weights {@code weight_trending}, {@code weight_ranging}, {@code weight_high_volatility},
 * {@code weight_unknown}) and rejects unknown keys.
 *
 * @param active                  strategies that vote (names from the library or ServiceLoader)
 * @param signalIntervalSeconds   a BUY/SELL signal per symbol at most this often (exchange time)
 * @param minCandles              candles of history before the first signal
 * @param confidenceThreshold     signals under this confidence are filtered (journaled, not traded)
 * @param emitHolds               write HOLD results as filtered signals (journaled for analysis) or omit them
 * @param regime                  the regime detector
 * @param selection               the walk-forward strategy selection
 * @param params                  the raw {@code params} section, one mapping per strategy name
 */
public record StrategyConfig(List<String> active, long signalIntervalSeconds, int minCandles,
                             double confidenceThreshold, boolean emitHolds, Regime regime, Selection selection,
                             ConfigNode params) {

    /** The three strategies that run by default. */
    public static final List<String> DEFAULT_ACTIVE = List.of("trend_following", "mean_reversion", "breakout");

    /** The original five-field form: everything else takes its default. */
    public StrategyConfig(List<String> active, long signalIntervalSeconds, int minCandles,
                          double confidenceThreshold, ConfigNode params) {
        this(active, signalIntervalSeconds, minCandles, confidenceThreshold, true,
            Regime.read(ConfigNode.empty()), Selection.read(ConfigNode.empty()), params);
    }

    /** This configuration with signals held back until {@code candles} of history (at least the configured count). */
    public StrategyConfig withMinCandles(int candles) {
        return new StrategyConfig(active, signalIntervalSeconds, Math.max(minCandles, candles), confidenceThreshold,
            emitHolds, regime, selection, params);
    }

    /** This configuration with another active list (e.g. the three the selector chose), validated the same way. */
    public StrategyConfig withActive(List<String> names) {
        if (names.isEmpty() || names.size() > 16 || names.stream().distinct().count() != names.size()) {
            throw new ConfigException("strategies.active", "needs 1..16 distinct strategies, got " + names);
        }
        return new StrategyConfig(List.copyOf(names), signalIntervalSeconds, minCandles, confidenceThreshold,
            emitHolds, regime, selection, params);
    }

    /** Reads the {@code strategies} section. */
    public static StrategyConfig read(ConfigNode n) {
        final List<String> active = n.stringList("active", DEFAULT_ACTIVE);
        if (active.isEmpty()) {
            throw n.fail("active", "must name at least one strategy");
        }
        if (active.size() > 16) {
            throw n.fail("active", "at most 16 strategies can vote (a signal carries 16 votes), got "
                + active.size());
        }
        if (active.stream().distinct().count() != active.size()) {
            throw n.fail("active", "names a strategy twice: " + active);
        }
        return new StrategyConfig(active,
            n.integer("signal_interval_seconds", 60, 1, 86_400),
            (int) n.integer("min_candles", 50, 1, 10_080),
            n.decimal("confidence_threshold", 0.30, 0.0, 1.0),
            n.bool("emit_holds", true),
            Regime.read(n.section("regime")),
            Selection.read(n.section("selection")),
            n.openSection("params"));
    }

    /**
     * Regime detection per symbol.
     *
     * @param adxPeriod                ADX period (candles)
     * @param adxEnter                 ADX at or above which a trend starts
     * @param adxExit                  ADX under which a trend ends (hysteresis: below adxEnter)
     * @param volatilityWindow         log returns in the realized volatility
     * @param volatilityLookback       realized-volatility values the percentile is ranked against
     * @param volatilityEnterPercentile percentile at or above which the regime is high volatility
     * @param volatilityExitPercentile percentile under which high volatility ends
     * @param volatilityMinRatio       high volatility also needs the volatility at this multiple of its lookback
     *                                 mean (stops a calm market's own noise from reading as a burst)
     * @param minDwellCandles          candles a new regime must persist before the detector switches to it
     */
    public record Regime(int adxPeriod, double adxEnter, double adxExit, int volatilityWindow,
                         int volatilityLookback, double volatilityEnterPercentile, double volatilityExitPercentile,
                         double volatilityMinRatio, int minDwellCandles) {

        /** Reads {@code strategies.regime}. */
        public static Regime read(ConfigNode n) {
            final double adxEnter = n.decimal("adx_enter", 25, 1, 100);
            final double adxExit = n.decimal("adx_exit", 20, 0, 100);
            if (adxExit > adxEnter) {
                throw n.fail("adx_exit", "must be <= adx_enter (" + adxEnter + "), got " + adxExit);
            }
            final double volEnter = n.decimal("volatility_enter_percentile", 0.90, 0.5, 1.0);
            final double volExit = n.decimal("volatility_exit_percentile", 0.75, 0.0, 1.0);
            if (volExit > volEnter) {
                throw n.fail("volatility_exit_percentile", "must be <= volatility_enter_percentile ("
                    + volEnter + "), got " + volExit);
            }
            return new Regime((int) n.integer("adx_period", 14, 2, 500), adxEnter, adxExit,
                (int) n.integer("volatility_window", 30, 2, 1_440),
                (int) n.integer("volatility_lookback", 240, 10, 10_080), volEnter, volExit,
                n.decimal("volatility_min_ratio", 1.5, 1.0, 100.0),
                (int) n.integer("min_dwell_candles", 3, 1, 1_440));
        }
    }

    /**
     * Walk-forward selection of the three strategies to run from the library. Each candidate is simulated alone
     * through the live order manager and paper matching engine, so it pays the portfolio's fees and slippage and
     * is sized by the risk rules: the selection has no cost or sizing settings of its own.
     *
     * @param metric             ranking metric: sharpe, sortino, total_return or profit_factor
     * @param minTrades          a strategy needs this many closing trades to be ranked
     * @param minHistoryCandles  fewer candles per instrument (after warm-up) fall back to the defaults
     * @param folds              walk-forward folds the traded span is cut into (reported per fold)
     * @param minPositiveFolds   a strategy needs a positive metric in this many folds to be ranked
     * @param enabled            false pins {@code strategies.active}
     * @param intervalHours      re-select every this many hours of exchange time (0: at start-up only)
     * @param applyAfterMinutes a re-selection computed at a boundary takes effect this many minutes of exchange
     *                          time later (it runs off the stage's thread meanwhile)
     * @param switchMargin      at a re-selection, an active qualified strategy is replaced only by one scoring at
     *                          least this much more (metric units; 0 = always the top three)
     */
    public record Selection(String metric, int minTrades, int minHistoryCandles, int folds, int minPositiveFolds,
                            boolean enabled, double intervalHours, int applyAfterMinutes, double switchMargin) {

        /** Keys of the selection's former own paper simulation: refused with the reason. */
        private static final List<String> RETIRED = List.of("fee_bps", "position_fraction", "entry_confidence");

        /** Reads {@code strategies.selection}. */
        public static Selection read(ConfigNode n) {
            for (String key : RETIRED) {
                if (n.has(key)) {
                    throw n.fail(key, "no longer exists: the selection simulates each strategy through the order"
                        + " layer with portfolio.taker_fee_bps / maker_fee_bps and the risk sizing; remove it");
                }
            }
            final int folds = (int) n.integer("folds", 4, 1, 100);
            final int minPositive = (int) n.integer("min_positive_folds", Math.min(2, folds), 0, 100);
            if (minPositive > folds) {
                throw n.fail("min_positive_folds", "must be <= folds (" + folds + "), got " + minPositive);
            }
            final double intervalHours = n.decimal("interval_hours", 24, 0, 24 * 365);
            final int applyAfter = (int) n.integer("apply_after_minutes", 5, 0, 1_440);
            if (intervalHours > 0 && applyAfter >= intervalHours * 60) {
                throw n.fail("apply_after_minutes", "must be shorter than interval_hours (" + intervalHours
                    + " h), got " + applyAfter + " min");
            }
            return new Selection(n.choice("metric", "sharpe", "sharpe", "sortino", "total_return", "profit_factor"),
                (int) n.integer("min_trades", 5, 0, 1_000_000),
                (int) n.integer("min_history_candles", 1_440, 10, 10_000_000),
                folds, minPositive,
                n.bool("enabled", true),
                intervalHours, applyAfter,
                n.decimal("switch_margin", 0.5, 0, 1_000_000));
        }
    }
}

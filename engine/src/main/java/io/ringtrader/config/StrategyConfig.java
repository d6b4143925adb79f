package io.ringtrader.config;

import java.util.List;

/**
 * The strategy stage. Per-strategy parameters live under {@code strategies.params.NAME}; the strategy reads them.
 *
 * @param active                  strategies that vote (names from the library or ServiceLoader)
 * @param signalIntervalSeconds   a signal per symbol at most this often (exchange time)
 * @param minCandles              candles of history before the first signal
 * @param confidenceThreshold     signals under this confidence are filtered (journaled, not traded)
 * @param params                  the raw {@code params} section, one mapping per strategy name
 */
public record StrategyConfig(List<String> active, long signalIntervalSeconds, int minCandles,
                             double confidenceThreshold, ConfigNode params) {

    /** The three strategies that run by default. */
    public static final List<String> DEFAULT_ACTIVE = List.of("trend_following", "mean_reversion", "breakout");

    /** Reads the {@code strategies} section. */
    public static StrategyConfig read(ConfigNode n) {
        final List<String> active = n.stringList("active", DEFAULT_ACTIVE);
        if (active.isEmpty()) {
            throw n.fail("active", "must name at least one strategy");
        }
        return new StrategyConfig(active,
            n.integer("signal_interval_seconds", 60, 1, 86_400),
            (int) n.integer("min_candles", 50, 1, 10_080),
            n.decimal("confidence_threshold", 0.30, 0.0, 1.0),
            n.openSection("params"));
    }
}

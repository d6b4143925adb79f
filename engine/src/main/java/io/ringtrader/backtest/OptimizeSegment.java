package io.ringtrader.backtest;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.strategy.StrategyRegistry;
import java.util.List;

/**
 * One backtest of one parameter set over one stretch of candles (a fold's training or test period), through the
 * unchanged {@link BacktestSession}: a fresh account, strategies starting cold, the live order manager, matching
 * engine, fees and slippage. Holds the per-minute returns of its equity curve (net of every cost) and its figures.
 * Immutable once built; built on a worker thread, read by the coordinating thread after it completes.
 *
 * @param returns per-minute equity returns, starting from the starting cash
 * @param stats   the run's figures (as {@code backtest} reports them)
 */
record OptimizeSegment(double[] returns, BacktestStats stats) {

    /** Runs {@code candles} (time order) with {@code registry}'s one strategy under {@code config}. */
    static OptimizeSegment run(String label, EngineConfig config, Instruments instruments, StrategyRegistry registry,
                               Candle[] candles) {
        final BacktestSession session = new BacktestSession(label, config, instruments,
            config.strategies().withActive(registry.names()), registry, true);
        final BacktestResult result = session.run(candles, null, null);
        return new OptimizeSegment(result.returns(0, result.minutes()),
            BacktestStats.of(label, List.copyOf(registry.names()), result));
    }

    /** Final equity over starting cash, minus one. */
    double totalReturn() {
        return stats.metrics().totalReturn();
    }
}

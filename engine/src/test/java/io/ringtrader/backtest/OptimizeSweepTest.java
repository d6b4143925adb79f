package io.ringtrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.research.WalkForward;
import io.ringtrader.store.CandleParquetFiles;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep {@code optimize} runs, on two real 2018 days of BTC and ETH: the same results on one thread and on
 * two, and each bars-only backtest (the cheaper chain the sweep builds) equal to a full session's on the same bars.
 */
class OptimizeSweepTest {
    private static final long HOUR_NS = 3_600_000_000_000L;
    private static final StrategyLibrary LIBRARY = StrategyLibrary.load();

    @TempDir
    Path dir;

    private static Candle[] candles() {
        return BacktestTestData.firstTwoDays().candles();
    }

    private OptimizeSweep sweep(Candle[] candles, Instruments instruments) {
        final List<EngineConfig> configs = new ArrayList<>();
        final List<StrategyRegistry> registries = new ArrayList<>();
        for (int fast : new int[] {5, 12}) {
            for (int slow : new int[] {26, 60}) {
                final Map<String, Object> o = new LinkedHashMap<>();
                o.put("symbols", BacktestTestData.SYMBOLS);
                o.put("strategies.params.trend_following.fast_period", fast);
                o.put("strategies.params.trend_following.slow_period", slow);
                final EngineConfig c = ConfigLoader.load(null, o);
                configs.add(c);
                registries.add(StrategyRegistry.create(c.strategies().withActive(List.of("trend_following")),
                    LIBRARY));
            }
        }
        final long fromNs = CandleParquetFiles.startNs(BacktestTestData.DAY1);
        return new OptimizeSweep("trend_following", configs, registries, instruments, candles,
            WalkForward.of(fromNs, fromNs + 48 * HOUR_NS, 12 * HOUR_NS, 6 * HOUR_NS, false));
    }

    @Test
    void shouldGiveTheSameResultsOnOneThreadAndOnTwo() throws Exception {
        final EngineConfig base = BacktestTestData.config(dir, BacktestTestData.SYMBOLS);
        final Instruments instruments = base.instruments().build(base.symbols(), base.quoteCurrency());
        final OptimizeSweep sweep = sweep(candles(), instruments);
        assertThat(sweep.backtests()).isEqualTo(4 * 6 * 2);
        final long one = sweep.runDigest(1);
        assertThat(sweep.runDigest(2)).isEqualTo(one);
        assertThat(sweep.runDigest(1)).isEqualTo(one);
    }

    @Test
    void shouldTradeABarsOnlySessionExactlyLikeAFullOne() {
        final EngineConfig config = BacktestTestData.config(dir, BacktestTestData.SYMBOLS);
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final var strategies = config.strategies().withActive(List.of("trend_following", "mean_reversion"));
        final Candle[] candles = candles();
        final BacktestResult full = new BacktestSession("full", config, instruments, strategies,
            StrategyRegistry.create(strategies, LIBRARY)).run(candles, null, null);
        final BacktestResult bars = new BacktestSession("bars", config, instruments, strategies,
            StrategyRegistry.create(strategies, LIBRARY), true).run(candles, null, null);
        assertThat(full.fills()).isNotEmpty();
        assertThat(bars.minutes()).isEqualTo(full.minutes());
        assertThat(bars.returns(0, bars.minutes())).containsExactly(full.returns(0, full.minutes()));
        assertThat(bars.fills()).usingRecursiveFieldByFieldElementComparator()
            .containsExactlyElementsOf(full.fills());
    }
}

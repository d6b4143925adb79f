package io.ringtrader.backtest;

import io.ringtrader.app.StrategySelection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.research.OutOfSample;
import io.ringtrader.strategy.CandidateSimulation;
import io.ringtrader.strategy.PerformanceMetrics;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import io.ringtrader.strategy.StrategySelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy selection rates candidates through the live order layer, on real Coinbase minute bars. */
class OrderLayerSimulationTest {
    private static final StrategyLibrary LIBRARY = StrategyLibrary.of(StrategyLibrary.builtIns());

    @TempDir
    Path dir;

    private static List<Candle[]> history() {
        final List<Candle[]> history = new ArrayList<>();
        for (int id = 0; id < BacktestTestData.SYMBOLS.size(); id++) {
            final List<Candle> series = new ArrayList<>();
            series.addAll(BacktestTestData.lean(BacktestTestData.SYMBOLS.get(id), id, BacktestTestData.DAY1));
            series.addAll(BacktestTestData.lean(BacktestTestData.SYMBOLS.get(id), id, BacktestTestData.DAY2));
            history.add(series.toArray(new Candle[0]));
        }
        return history;
    }

    private EngineConfig config(Map<String, Object> extra) {
        final Map<String, Object> overrides = new LinkedHashMap<>(extra);
        overrides.put("symbols", BacktestTestData.SYMBOLS);
        return ConfigLoader.load(dir.resolve("no-such-config.yaml"), overrides);
    }

    private static Instruments instruments(EngineConfig config) {
        return config.instruments().build(config.symbols(), config.quoteCurrency());
    }

    /** The backtest's row for {@code name} alone over the same candles. */
    private static BacktestStats backtestRow(EngineConfig config, String name, List<Candle[]> history) {
        final List<List<Candle>> perInstrument = new ArrayList<>();
        for (Candle[] c : history) {
            perInstrument.add(List.of(c));
        }
        final var strategies = config.strategies().withActive(List.of(name));
        final BacktestResult r = new BacktestSession(name, config, instruments(config), strategies,
            StrategyRegistry.create(strategies, LIBRARY)).run(BacktestCandles.of(perInstrument).candles(), null,
            null);
        return BacktestStats.of(name, List.of(name), r);
    }

    @Test
    void shouldRateACandidateExactlyAsTheBacktestReportsThatStrategyAlone() {
        final EngineConfig config = config(Map.of());
        final OrderLayerSimulation sim = new OrderLayerSimulation(config, instruments(config), LIBRARY);
        int traded = 0;
        for (String name : LIBRARY.names()) {
            final PerformanceMetrics rated = sim.run(name, history(), 0, 4).whole();
            final PerformanceMetrics backtest = backtestRow(config, name, history()).metrics();
            assertThat(rated.totalReturn()).as(name).isCloseTo(backtest.totalReturn(), within(1e-12));
            assertThat(rated.sharpe()).as(name).isCloseTo(backtest.sharpe(), within(1e-9));
            assertThat(rated.trades()).as(name).isEqualTo(backtest.trades());
            assertThat(rated.maxDrawdown()).as(name).isCloseTo(backtest.maxDrawdown(), within(1e-12));
            traded += rated.trades() > 0 ? 1 : 0;
        }
        assertThat(traded).as("strategies that closed a trade on the real days").isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRateWalkForwardTestPeriodsThatJoinIntoTheOutOfSampleFiguresOptimizeUses() {
        final EngineConfig config = config(Map.of());
        final OrderLayerSimulation sim = new OrderLayerSimulation(config, instruments(config), LIBRARY);
        for (String name : LIBRARY.names()) {
            final CandidateSimulation.Evaluation e = sim.run(name, history(), 300, 4);
            assertThat(e.folds()).hasSize(4);
            int periods = 0;
            int trades = 0;
            double growth = 1;
            for (PerformanceMetrics f : e.folds()) {
                periods += f.periods();
                trades += f.trades();
                growth *= 1 + f.totalReturn();
                assertThat(f.periods()).as("%s: each test period has minutes", name).isPositive();
            }
            assertThat(periods).as(name).isEqualTo(e.outOfSample().periods())
                .isEqualTo(e.outOfSampleReturns().length);
            assertThat(trades).as(name).isEqualTo(e.outOfSample().trades());
            assertThat(growth - 1).as(name).isCloseTo(e.outOfSample().totalReturn(), within(1e-9));
            assertThat(e.inSample().periods() + e.outOfSample().periods()).as("%s: the first training period and"
                + " the test periods tile the span (a remainder under a minute's worth aside)", name)
                .isBetween(e.whole().periods() - 4, e.whole().periods());
            assertThat(e.outOfSample().sharpe()).as("%s: the out-of-sample Sharpe ratio optimize computes", name)
                .isCloseTo(OutOfSample.sharpePerMinute(e.outOfSampleReturns())
                    * Math.sqrt(PerformanceMetrics.MINUTES_PER_YEAR), within(1e-6));
            assertThat(e.whole().periods()).as("%s: the minutes from the first tradable one", name)
                .isEqualTo(minutesFrom(Math.min(history().get(0)[300].openTimeNs,
                    history().get(1)[300].openTimeNs)));
        }
    }

    private static int minutesFrom(long openNs) {
        final java.util.Set<Long> minutes = new java.util.HashSet<>();
        for (Candle[] series : history()) {
            for (Candle c : series) {
                if (c.openTimeNs >= openNs) {
                    minutes.add(c.openTimeNs);
                }
            }
        }
        return minutes.size();
    }

    @Test
    void shouldRankNetOfThePortfoliosFees() {
        final EngineConfig costly = config(Map.of());
        final EngineConfig free = config(Map.of("portfolio", Map.of("taker_fee_bps", 0, "maker_fee_bps", 0,
            "slippage_bps", 0)));
        int compared = 0;
        for (String name : LIBRARY.names()) {
            final PerformanceMetrics paid = new OrderLayerSimulation(costly, instruments(costly), LIBRARY)
                .run(name, history(), 0, 1).whole();
            final PerformanceMetrics unpaid = new OrderLayerSimulation(free, instruments(free), LIBRARY)
                .run(name, history(), 0, 1).whole();
            if (paid.trades() > 0 && paid.trades() == unpaid.trades()) {
                assertThat(unpaid.totalReturn()).as(name).isGreaterThan(paid.totalReturn());
                compared++;
            }
        }
        assertThat(compared).isPositive();
    }

    @Test
    void shouldChooseThreeDistinctStrategiesFromRealBarsSayingItIsNetOfCosts() {
        final EngineConfig config = config(Map.of("strategies", Map.of("selection",
            Map.of("min_history_candles", 1000, "min_trades", 1))));
        final StrategySelector.Selection s = StrategySelection.selector(config, instruments(config))
            .select(history());
        assertThat(s.chosen()).hasSize(3).doesNotHaveDuplicates();
        assertThat(s.rankings()).hasSize(LIBRARY.names().size()).allMatch(r -> !Double.isNaN(r.score()));
        assertThat(s.reason()).contains("net of costs");
        assertThat(s.rankings().get(0).score()).isGreaterThanOrEqualTo(s.rankings().get(1).score());
    }
}

package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategySelectorTest {
    private static final StrategyLibrary LIBRARY = StrategyLibrary.of(StrategyLibrary.builtIns());

    private static StrategySelector selector(String selection) {
        final StrategyConfig config = TestConfigs.strategies("selection: " + selection);
        return new StrategySelector(config, LIBRARY);
    }

    private static int rank(StrategySelector.Selection s, String name) {
        for (int i = 0; i < s.rankings().size(); i++) {
            if (s.rankings().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void shouldRankTrendFollowingAboveMeanReversionInAStrongTrend() {
        final List<Candle[]> history = List.of(
            new TestCandles(0).randomWalk(3_000, 0.05, 0.15, 1).toArray(),
            new TestCandles(1).randomWalk(3_000, 0.05, 0.15, 2).toArray());
        final StrategySelector.Selection s = selector("{min_history_candles: 1000, min_trades: 1, fee_bps: 10}")
            .select(history);
        assertThat(s.rankings()).hasSize(6);
        assertThat(rank(s, "trend_following")).isLessThan(rank(s, "mean_reversion"));
        assertThat(s.chosen()).hasSize(3).contains("trend_following").doesNotContain("mean_reversion");
        assertThat(s.reason()).contains("sharpe");
        final StrategySelector.Ranking trend = s.rankings().get(rank(s, "trend_following"));
        assertThat(trend.foldScores()).hasSize(4);
        assertThat(trend.positiveFolds()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRankMeanReversionAboveTrendFollowingInAChoppyRange() {
        final List<Candle[]> history = List.<Candle[]>of(
            new TestCandles(0).wave(4_000, 100, 2.0, 60, 0.2, 9).toArray());
        final StrategySelector.Selection s = selector("{min_history_candles: 1000, min_trades: 5, fee_bps: 0}")
            .select(history);
        assertThat(rank(s, "mean_reversion")).isLessThan(rank(s, "trend_following"));
        assertThat(s.chosen()).doesNotContain("trend_following", "breakout").contains("rsi_reversal");
    }

    @Test
    void shouldChooseThreeDistinctStrategiesFromRealCoinbaseMinuteBars() {
        final List<Candle[]> history = List.of(LeanBars.read(0, "btcusd", "20180404", "20180405", "20180406"),
            LeanBars.read(1, "ethusd", "20180404", "20180405"));
        final StrategySelector.Selection s = selector("{min_history_candles: 1000, min_trades: 3}").select(history);
        assertThat(s.chosen()).hasSize(3).doesNotHaveDuplicates();
        assertThat(s.rankings()).hasSize(6).allMatch(r -> !Double.isNaN(r.score()));
    }

    @Test
    void shouldFallBackToTheDefaultsOnShortHistory() {
        final List<Candle[]> history = List.<Candle[]>of(new TestCandles(0).randomWalk(500, 0.05, 0.15, 1).toArray());
        final StrategySelector.Selection s = selector("{min_history_candles: 1000}").select(history);
        assertThat(s.chosen()).isEqualTo(StrategyConfig.DEFAULT_ACTIVE);
        assertThat(s.reason()).contains("history too short");
        assertThat(s.rankings()).isEmpty();
    }

    @Test
    void shouldFillWithDefaultsWhenTooFewStrategiesTradeEnough() {
        final List<Candle[]> history = List.<Candle[]>of(new TestCandles(0).randomWalk(2_000, 0.0, 0.2, 3).toArray());
        final StrategySelector.Selection s = selector("{min_history_candles: 1000, min_trades: 1000000}")
            .select(history);
        assertThat(s.chosen()).isEqualTo(StrategyConfig.DEFAULT_ACTIVE);
        assertThat(s.reason()).contains("defaults");
        assertThat(s.rankings()).noneMatch(StrategySelector.Ranking::qualified);
    }

    @Test
    void shouldDisqualifyStrategiesWithoutEnoughPositiveFolds() {
        final List<Candle[]> history = List.<Candle[]>of(new TestCandles(0).randomWalk(3_000, 0.0, 0.2, 3).toArray());
        final StrategySelector.Selection s = selector("{min_history_candles: 1000, min_trades: 0, folds: 3,"
            + " min_positive_folds: 3}").select(history);
        for (StrategySelector.Ranking r : s.rankings()) {
            assertThat(r.qualified()).as(r.name()).isEqualTo(r.positiveFolds() == 3);
            assertThat(r.foldScores()).hasSize(3);
        }
    }
}

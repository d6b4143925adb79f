package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategySelectorTest {
    private static final StrategyLibrary LIBRARY = StrategyLibrary.of(StrategyLibrary.builtIns());
    private static final List<Candle[]> LONG_HISTORY = List.of(
        new TestCandles(0).randomWalk(3_000, 0.0, 0.15, 1).toArray(),
        new TestCandles(1).randomWalk(3_000, 0.0, 0.15, 2).toArray());

    private static StrategySelector.Selection select(String selection, ScriptedSimulation simulation,
                                                     List<Candle[]> history) {
        final StrategyConfig config = TestConfigs.strategies("selection: " + selection);
        return new StrategySelector(config, LIBRARY, simulation).select(history);
    }

    private static int warmUp(String name) {
        return LIBRARY.configure(name, TestConfigs.strategies("{}").params()).factory().create(0).warmUpCandles();
    }

    @Test
    void shouldChooseTheThreeBestScoresAndAskTheSimulationAfterTheLongestWarmUp() {
        final ScriptedSimulation sim = new ScriptedSimulation()
            .give("breakout", 1.5, 9, 1, 2, 1, 2)
            .give("rsi_reversal", 2.5, 9, 1, 2, 1, 2)
            .give("vwap_reversion", 0.5, 9, 1, 2, 1, 2)
            .give("trend_following", -1.0, 9, 1, 2, 1, 2)
            .give("macd_momentum", 0.7, 9, 1, 2, 1, 2)
            .give("mean_reversion", 0.1, 9, 1, 2, 1, 2);
        final StrategySelector.Selection s = select("{min_history_candles: 1000, min_trades: 5}", sim, LONG_HISTORY);
        assertThat(s.chosen()).containsExactly("rsi_reversal", "breakout", "macd_momentum");
        assertThat(s.rankings()).extracting(StrategySelector.Ranking::name).containsExactly("rsi_reversal",
            "breakout", "macd_momentum", "vwap_reversion", "mean_reversion", "trend_following");
        assertThat(s.reason()).contains("sharpe net of costs over 2 instrument(s)").doesNotContain("defaults")
            .doesNotContain(StrategySelector.NO_EDGE);
        assertThat(sim.asked).hasSize(6);
        int longest = 0;
        for (String name : LIBRARY.names()) {
            longest = Math.max(longest, warmUp(name));
        }
        assertThat(sim.lastFirstTradeIndex).isEqualTo(longest).isPositive();
        assertThat(sim.lastInstruments).isEqualTo(2);
        assertThat(s.rankings().get(0).foldScores()).containsExactly(1.0, 2.0, 1.0, 2.0);
    }

    @Test
    void shouldRankUnqualifiedStrategiesLastAndFillTheChoiceWithTheBestOfThem() {
        final ScriptedSimulation sim = new ScriptedSimulation()
            .give("rsi_reversal", 3.0, 2, 1, 1, 1, 1)       // too few trades
            .give("vwap_reversion", 2.0, 9, 1, -1, -1, -1)  // too few positive folds
            .give("macd_momentum", 1.0, 9, 1, 1, 1, -1);
        final StrategySelector.Selection s = select("{min_history_candles: 1000, min_trades: 5,"
            + " min_positive_folds: 3}", sim, LONG_HISTORY);
        assertThat(s.rankings().get(0).name()).isEqualTo("macd_momentum");
        assertThat(s.rankings().get(0).qualified()).isTrue();
        assertThat(s.rankings()).filteredOn(StrategySelector.Ranking::qualified).hasSize(1);
        assertThat(s.chosen()).containsExactly("macd_momentum", "rsi_reversal", "vwap_reversion");
        assertThat(s.reason()).contains("only 1 strategy made 5 out-of-sample trades and 3 positive folds");
    }

    @Test
    void shouldKeepAnActiveStrategyUnlessAChallengerBeatsItBySwitchMargin() {
        final List<String> incumbents = List.of("breakout", "rsi_reversal", "vwap_reversion");
        final StrategyConfig config = TestConfigs.strategies("selection: {min_history_candles: 1000, min_trades: 5,"
            + " switch_margin: 0.5}");
        final ScriptedSimulation close = new ScriptedSimulation()
            .give("breakout", 1.0, 9, 1, 1, 1, 1)
            .give("rsi_reversal", 2.0, 9, 1, 1, 1, 1)
            .give("vwap_reversion", 3.0, 9, 1, 1, 1, 1)
            .give("macd_momentum", 1.3, 9, 1, 1, 1, 1);
        final StrategySelector.Selection kept = new StrategySelector(config, LIBRARY, close)
            .select(LONG_HISTORY, LIBRARY.names(), incumbents);
        assertThat(kept.chosen()).containsExactlyInAnyOrderElementsOf(incumbents);
        assertThat(kept.reason()).contains("kept breakout 1.000 over macd_momentum 1.300");
        assertThat(verdict(kept, "breakout")).isEqualTo("kept: active, no challenger beats it by switch_margin 0.5");
        assertThat(verdict(kept, "vwap_reversion")).isEqualTo("kept: active and still in the top three");
        assertThat(verdict(kept, "macd_momentum")).isEqualTo("not chosen: outside the top three");
        assertThat(new StrategySelector(config, LIBRARY, close).select(LONG_HISTORY, LIBRARY.names()).chosen())
            .as("without incumbents the top three").contains("macd_momentum").doesNotContain("breakout");

        final ScriptedSimulation clear = new ScriptedSimulation()
            .give("breakout", 1.0, 9, 1, 1, 1, 1)
            .give("rsi_reversal", 2.0, 9, 1, 1, 1, 1)
            .give("vwap_reversion", 3.0, 9, 1, 1, 1, 1)
            .give("macd_momentum", 1.6, 9, 1, 1, 1, 1);
        final StrategySelector.Selection switched = new StrategySelector(config, LIBRARY, clear)
            .select(LONG_HISTORY, LIBRARY.names(), incumbents);
        assertThat(switched.chosen()).containsExactly("vwap_reversion", "rsi_reversal", "macd_momentum");
        assertThat(switched.reason()).doesNotContain("kept");
        assertThat(verdict(switched, "breakout"))
            .isEqualTo("replaced: a challenger beats it by more than switch_margin 0.5");
        assertThat(verdict(switched, "macd_momentum")).isEqualTo("chosen: replaces breakout");

        final ScriptedSimulation unqualified = new ScriptedSimulation()
            .give("breakout", 1.4, 2, 1, 1, 1, 1)
            .give("rsi_reversal", 2.0, 9, 1, 1, 1, 1)
            .give("vwap_reversion", 3.0, 9, 1, 1, 1, 1)
            .give("macd_momentum", 1.3, 9, 1, 1, 1, 1);
        assertThat(new StrategySelector(config, LIBRARY, unqualified).select(LONG_HISTORY, LIBRARY.names(),
            incumbents).chosen()).as("an incumbent without its track record is not kept").doesNotContain("breakout");
    }

    @Test
    void shouldSayWhenNoStrategyBeatTheCosts() {
        final ScriptedSimulation sim = new ScriptedSimulation();
        for (String name : LIBRARY.names()) {
            sim.give(name, -0.5 - name.length() / 100.0, 9, -1, -1, -1, -1);
        }
        final StrategySelector.Selection s = select("{min_history_candles: 1000, min_trades: 5}", sim, LONG_HISTORY);
        assertThat(s.chosen()).hasSize(3);
        assertThat(s.reason()).contains(StrategySelector.NO_EDGE);
        final ScriptedSimulation one = new ScriptedSimulation().give("breakout", 0.01, 9, 1, 1, 1, 1);
        assertThat(select("{min_history_candles: 1000, min_trades: 5}", one, LONG_HISTORY).reason())
            .as("a positive best score is an edge").doesNotContain(StrategySelector.NO_EDGE);
    }

    @Test
    void shouldFallBackToTheDefaultsOnShortHistoryWithoutSimulating() {
        final ScriptedSimulation sim = new ScriptedSimulation().give("breakout", 5, 100, 1, 1, 1, 1);
        final List<Candle[]> history = List.<Candle[]>of(new TestCandles(0).randomWalk(500, 0.05, 0.15, 1).toArray());
        final StrategySelector.Selection s = select("{min_history_candles: 1000}", sim, history);
        assertThat(s.chosen()).isEqualTo(StrategyConfig.DEFAULT_ACTIVE);
        assertThat(s.reason()).contains("history too short");
        assertThat(s.rankings()).isEmpty();
        assertThat(sim.asked).isEmpty();
    }

    @Test
    void shouldLeaveOutInstrumentsWithTooLittleHistory() {
        final ScriptedSimulation sim = new ScriptedSimulation();
        final List<Candle[]> history = List.of(LONG_HISTORY.get(0),
            new TestCandles(1).randomWalk(300, 0.0, 0.15, 2).toArray());
        select("{min_history_candles: 1000}", sim, history);
        assertThat(sim.lastInstruments).isEqualTo(1);
    }

    private static String verdict(StrategySelector.Selection s, String name) {
        return s.rankings().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().verdict();
    }

    @Test
    void shouldNotChooseANoisyInSampleWinnerThatLosesOutOfSample() {
        final ScriptedSimulation sim = new ScriptedSimulation()
            .giveInSample("breakout", 9.0, -0.8, 12, -1, 1, -1, -1)  // a burst in training, losses after it
            .give("rsi_reversal", 1.2, 9, 1, 1, 1, 1)
            .give("vwap_reversion", 1.0, 9, 1, 1, -1, 1)
            .give("macd_momentum", 0.8, 9, 1, 1, 1, -1)
            .give("trend_following", 0.5, 9, 1, -1, 1, 1)
            .give("mean_reversion", 0.3, 9, 1, 1, 1, 1);
        final StrategySelector.Selection s = select("{min_history_candles: 1000, min_trades: 5,"
            + " min_positive_folds: 1}", sim, LONG_HISTORY);
        assertThat(s.chosen()).containsExactly("rsi_reversal", "vwap_reversion", "macd_momentum");
        final StrategySelector.Ranking noisy = s.rankings().stream().filter(r -> r.name().equals("breakout"))
            .findFirst().orElseThrow();
        assertThat(noisy.inSampleScore()).as("the best in sample").isEqualTo(9.0);
        assertThat(noisy.score()).as("ranked on its out-of-sample figure").isEqualTo(-0.8);
        assertThat(s.rankings()).last().extracting(StrategySelector.Ranking::name).isEqualTo("breakout");
        assertThat(noisy.verdict()).isEqualTo("not chosen: outside the top three");
        assertThat(noisy.deflatedSharpe()).as("its deflated Sharpe ratio")
            .isLessThan(s.rankings().get(0).deflatedSharpe());
    }

    @Test
    void shouldRejectAStrategyBelowTheTrackRecordAndStandAsideWhenNoneHasIt() {
        final ScriptedSimulation sim = new ScriptedSimulation()
            .give("rsi_reversal", 4.0, 3, 1, 1, 1, 1)       // the best score on 3 trades
            .give("vwap_reversion", 3.0, 9, 1, -1, -1, -1)  // one lucky fold
            .give("macd_momentum", 0.7, 9, 1, 1, -1, 1);
        final StrategySelector.Selection s = select("{min_history_candles: 1000, min_trades: 5,"
            + " min_positive_folds: 2}", sim, LONG_HISTORY);
        assertThat(s.chosen()).first().isEqualTo("macd_momentum");
        assertThat(s.rankings()).filteredOn(StrategySelector.Ranking::qualified)
            .extracting(StrategySelector.Ranking::name).containsExactly("macd_momentum");
        assertThat(verdict(s, "rsi_reversal")).as("only fills the set, after the qualified one")
            .isEqualTo("runs for want of qualified ones, rejected: 3 out-of-sample trades < min_trades 5");
        assertThat(verdict(s, "vwap_reversion"))
            .endsWith("rejected: 1 positive folds < min_positive_folds 2");
        assertThat(verdict(s, "macd_momentum")).isEqualTo("chosen: among the top three qualified");
        assertThat(s.reason()).doesNotContain(StrategySelector.NO_EDGE);

        final ScriptedSimulation none = new ScriptedSimulation()
            .give("rsi_reversal", 4.0, 3, 1, 1, 1, 1)
            .give("vwap_reversion", 3.0, 9, 1, -1, -1, -1);
        final StrategySelector.Selection aside = select("{min_history_candles: 1000, min_trades: 5,"
            + " min_positive_folds: 2}", none, LONG_HISTORY);
        assertThat(aside.reason()).as("nothing qualifies: the engine stands aside")
            .contains("no strategy has the track record").contains(StrategySelector.NO_EDGE);
        assertThat(aside.chosen()).as("the best out of sample vote (for exits) while standing aside")
            .containsExactly("rsi_reversal", "vwap_reversion", "breakout");
        assertThat(verdict(aside, "rsi_reversal"))
            .isEqualTo("runs for want of qualified ones, rejected: 3 out-of-sample trades < min_trades 5");
    }

    @Test
    void shouldLogEachChoiceWithItsEvidence() {
        final ScriptedSimulation sim = new ScriptedSimulation()
            .give("rsi_reversal", 2.5, 9, 1, 2, 1, 2)
            .give("breakout", 1.5, 8, 1, 2, -1, 2)
            .give("macd_momentum", 0.7, 7, 1, 2, 1, 2);
        final StrategySelector.Selection s = select("{min_history_candles: 1000, min_trades: 5,"
            + " min_positive_folds: 2}", sim, LONG_HISTORY);
        final List<String> lines = s.evidence("sharpe");
        assertThat(lines).hasSize(1 + LIBRARY.names().size());
        assertThat(lines.get(0)).startsWith("chosen [rsi_reversal, breakout, macd_momentum] set_dsr=0.")
            .contains("trials=6").contains("best out-of-sample sharpe net of costs");
        assertThat(s.setDeflatedSharpe()).isBetween(0.0, 1.0);
        assertThat(lines.get(1)).startsWith("evidence rsi_reversal").contains("oos_sharpe=   2.5000")
            .contains("positive_folds=4/4").contains("trades=9").containsPattern("dsr=0\\.\\d{4}")
            .endsWith("-> chosen: among the top three qualified");
        assertThat(lines.get(2)).startsWith("evidence breakout").contains("positive_folds=3/4").contains("trades=8");
        assertThat(lines).anyMatch(l -> l.startsWith("evidence trend_following") && l.contains("trades=0")
            && l.endsWith("-> rejected: 0 out-of-sample trades < min_trades 5"));
    }
}

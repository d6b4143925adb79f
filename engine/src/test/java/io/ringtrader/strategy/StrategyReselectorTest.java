package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.OutputBatch;
import io.ringtrader.event.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyReselectorTest {
    private static final StrategyLibrary LIBRARY = StrategyLibrary.of(StrategyLibrary.builtIns());
    private static final long SIX_HOURS_NS = 6 * 3_600_000_000_000L;
    private static final long FIVE_MINUTES_NS = 5 * 60_000_000_000L;
    private static final java.util.Set<String> THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Scores that change with the history's length, so the choice changes from one boundary to the next. */
    private static final CandidateSimulation BY_HISTORY = (name, history, first, folds) -> {
        final double sharpe = Math.sin(name.hashCode() * 0.001 + history.get(0).length * 0.01);
        final double[] foldSharpes = new double[folds];
        Arrays.fill(foldSharpes, sharpe);
        return ScriptedSimulation.evaluation(sharpe, sharpe, 10, foldSharpes);
    };

    @Test
    void shouldReselectOnExchangeTimeBoundariesAndLetOnlyTheChosenVote() {
        final StrategyConfig config = TestConfigs.strategies("{active: [trend_following, mean_reversion, breakout,"
            + " macd_momentum, rsi_reversal, vwap_reversion], min_candles: 50, confidence_threshold: 0.0,"
            + " signal_interval_seconds: 60, selection: {min_history_candles: 200, min_trades: 1,"
            + " interval_hours: 6, switch_margin: 0}}");
        final StrategyRegistry registry = StrategyRegistry.create(config, LIBRARY);
        final StrategySelector naive = new StrategySelector(config, LIBRARY, BY_HISTORY);
        final List<String> journaled = new ArrayList<>();
        final StrategyReselector reselector = new StrategyReselector(
            new StrategySelector(config, LIBRARY, (name, history, first, folds) -> {
                THREADS.add(Thread.currentThread().getName());
                return BY_HISTORY.run(name, history, first, folds);
            }),
            registry.names(), 3, 1, 7, SIX_HOURS_NS, FIVE_MINUTES_NS, journaled::add);
        final StrategyHandler handler = new StrategyHandler(config, registry, 1, 3, reselector);
        for (int s = 0; s < registry.size(); s++) {
            assertThat(handler.enabled(s)).as("initially the first three vote").isEqualTo(s < 3);
        }
        final Candle[] candles = new TestCandles(0).randomWalk(1_470, 0.05, 0.15, 1).toArray();
        final OutputBatch<Signal> out = new OutputBatch<>(4, Signal::new);
        int signals = 0;
        final java.util.Set<List<String>> choices = new java.util.HashSet<>();
        for (int i = 0; i < candles.length; i++) {
            final int before = journaled.size();
            final boolean[] voting = new boolean[registry.size()];
            for (int s = 0; s < voting.length; s++) {
                voting[s] = handler.enabled(s);
            }
            out.clear();
            handler.onCandle(candles[i], out);
            final long closeNs = candles[i].openTimeNs + StrategyHandler.CANDLE_NS;
            if (journaled.size() == before) {
                for (int s = 0; s < voting.length; s++) {
                    assertThat(handler.enabled(s)).as("candle %d: the set changes only when a choice lands", i)
                        .isEqualTo(voting[s]);
                }
            } else {
                // five minutes after a boundary: the voting set is what a fresh selector picks on the history
                // up to the boundary
                final List<String> expected = naive.select(List.<Candle[]>of(Arrays.copyOfRange(candles, 0, i - 4)),
                    registry.names()).chosen();
                choices.add(expected);
                for (int s = 0; s < registry.size(); s++) {
                    assertThat(handler.enabled(s)).as("candle %d, %s", i, registry.name(s))
                        .isEqualTo(expected.contains(registry.name(s)));
                }
                assertThat(journaled.get(journaled.size() - 1)).startsWith("strategy-reselection at=")
                    .contains("active=" + String.join(",", expected));
                assertThat(closeNs % SIX_HOURS_NS).as("five minutes after a 6-hour boundary")
                    .isEqualTo(FIVE_MINUTES_NS);
            }
            for (int k = 0; k < out.size(); k++) {
                final Signal signal = out.get(k);
                signals++;
                for (int v = 0; v < signal.voteCount; v++) {
                    assertThat(handler.enabled(signal.voteStrategyIds[v])).as("only voting strategies vote")
                        .isTrue();
                }
            }
        }
        assertThat(journaled).hasSize(4);
        assertThat(choices).as("the voting set changed between boundaries").hasSizeGreaterThan(1);
        assertThat(reselector.selections()).isEqualTo(4);
        assertThat(signals).isGreaterThan(100);
        assertThat(THREADS).as("evaluated off the stage's thread").contains("strategy-selection")
            .doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void shouldNotJournalReselectionsReplayedDuringRecovery() {
        final StrategyConfig config = TestConfigs.strategies("{selection: {interval_hours: 1}}");
        final StrategyRegistry registry = StrategyRegistry.create(config, LIBRARY);
        final List<String> journaled = new ArrayList<>();
        final StrategyReselector reselector = new StrategyReselector(
            new StrategySelector(config, LIBRARY, BY_HISTORY),
            registry.names(), 3, 1, 7, 3_600_000_000_000L, FIVE_MINUTES_NS, journaled::add);
        final Candle[] candles = new TestCandles(0).randomWalk(200, 0.05, 0.15, 3).toArray();
        for (Candle c : candles) {
            reselector.record(c);
            reselector.maybeSelect(c.openTimeNs + StrategyHandler.CANDLE_NS, false);
        }
        assertThat(reselector.selections()).isEqualTo(3);
        assertThat(journaled).isEmpty();
    }
}

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

    @Test
    void shouldReselectOnExchangeTimeBoundariesAndLetOnlyTheChosenVote() {
        final StrategyConfig config = TestConfigs.strategies("{active: [trend_following, mean_reversion, breakout,"
            + " macd_momentum, rsi_reversal, vwap_reversion], min_candles: 50, confidence_threshold: 0.0,"
            + " signal_interval_seconds: 60, selection: {min_history_candles: 200, min_trades: 1, fee_bps: 10,"
            + " interval_hours: 6}}");
        final StrategyRegistry registry = StrategyRegistry.create(config, LIBRARY);
        final StrategySelector naive = new StrategySelector(config, LIBRARY);
        final List<String> journaled = new ArrayList<>();
        final StrategyReselector reselector = new StrategyReselector(new StrategySelector(config, LIBRARY),
            registry.names(), 1, 7, SIX_HOURS_NS, journaled::add);
        final StrategyHandler handler = new StrategyHandler(config, registry, 1, 3, reselector);
        for (int s = 0; s < registry.size(); s++) {
            assertThat(handler.enabled(s)).as("initially the first three vote").isEqualTo(s < 3);
        }
        final Candle[] candles = new TestCandles(0).randomWalk(1_470, 0.05, 0.15, 1).toArray();
        final OutputBatch<Signal> out = new OutputBatch<>(4, Signal::new);
        int signals = 0;
        for (int i = 0; i < candles.length; i++) {
            final int before = journaled.size();
            out.clear();
            handler.onCandle(candles[i], out);
            if (journaled.size() > before) {
                // a boundary was crossed: the voting set is what a fresh selector picks on the same history
                final List<String> expected = naive.select(List.<Candle[]>of(Arrays.copyOfRange(candles, 0, i + 1)),
                    registry.names()).chosen();
                for (int s = 0; s < registry.size(); s++) {
                    assertThat(handler.enabled(s)).as("candle %d, %s", i, registry.name(s))
                        .isEqualTo(expected.contains(registry.name(s)));
                }
                assertThat(journaled.get(journaled.size() - 1)).startsWith("strategy-reselection at=")
                    .contains("active=" + String.join(",", expected));
                final long closeNs = candles[i].openTimeNs + StrategyHandler.CANDLE_NS;
                assertThat(closeNs % SIX_HOURS_NS).as("on a 6-hour boundary").isZero();
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
        assertThat(reselector.selections()).isEqualTo(4);
        assertThat(signals).isGreaterThan(100);
    }

    @Test
    void shouldNotJournalReselectionsReplayedDuringRecovery() {
        final StrategyConfig config = TestConfigs.strategies("{selection: {interval_hours: 1}}");
        final StrategyRegistry registry = StrategyRegistry.create(config, LIBRARY);
        final List<String> journaled = new ArrayList<>();
        final StrategyReselector reselector = new StrategyReselector(new StrategySelector(config, LIBRARY),
            registry.names(), 1, 7, 3_600_000_000_000L, journaled::add);
        final Candle[] candles = new TestCandles(0).randomWalk(200, 0.05, 0.15, 3).toArray();
        for (Candle c : candles) {
            reselector.record(c);
            reselector.maybeSelect(c.openTimeNs + StrategyHandler.CANDLE_NS, false);
        }
        assertThat(reselector.selections()).isEqualTo(3);
        assertThat(journaled).isEmpty();
    }
}

package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PaperSimulationTest {
    private static final byte B = Action.BUY;
    private static final byte S = Action.SELL;
    private static final byte H = Action.HOLD;

    private static Candle[] candles() {
        return new TestCandles(0)
            .add(100, 100, 100, 100, 1)
            .add(102, 104, 102, 104, 1)
            .add(104, 110, 104, 110, 1)
            .add(108, 108, 108, 108, 1)
            .toArray();
    }

    @Test
    void shouldFillAtTheNextOpenAndPayFeesBothWays() {
        final PaperSimulation sim = new PaperSimulation(10, 1.0, 0.5);
        sim.run(new ScriptedStrategy(new byte[] {B, B, S, B}, new double[] {0.9, 0.9, 0.1, 0.2}), candles(), 0);
        // buy at 102 with 1.0 less 10 bps, sell at 108 less 10 bps; the last BUY is under the entry confidence
        final double expected = 0.999 * 0.999 * 108 / 102;
        assertThat(sim.cash()).isCloseTo(expected, Offset.offset(1e-12));
        final PerformanceMetrics m = sim.metrics();
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.totalReturn()).isCloseTo(expected - 1, Offset.offset(1e-12));
        assertThat(m.periods()).isEqualTo(4);
        assertThat(m.exposure()).isEqualTo(0.5);
        // marked at closes: 1, 1, 0.999*104/102, 0.999*110/102, then the sale
        assertThat(m.maxDrawdown()).isCloseTo(1 - expected / (0.999 * 110 / 102), Offset.offset(1e-12));
    }

    @Test
    void shouldCloseAnOpenPositionAtTheLastCloseAndIgnoreVotesDuringWarmUp() {
        final PaperSimulation sim = new PaperSimulation(0, 0.5, 0.5);
        sim.run(new ScriptedStrategy(new byte[] {B, H, B, H}, new double[] {0.9, 0, 0.9, 0}), candles(), 1);
        // the BUY on candle 0 is in the warm-up; the BUY on candle 2 fills at 108 and is closed at 108
        assertThat(sim.cash()).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(sim.metrics().trades()).isEqualTo(1);
        assertThat(sim.metrics().periods()).isEqualTo(3);
    }

    @Test
    void shouldSplitTheTradedSpanIntoWalkForwardFoldsThatCompoundToTheWhole() {
        final PaperSimulation sim = new PaperSimulation(10, 1.0, 0.5, 2);
        sim.run(new ScriptedStrategy(new byte[] {B, H, S, H}, new double[] {0.9, 0, 1, 0}), candles(), 0);
        // candles 0-1 are fold 0, candles 2-3 fold 1; the sale fills at candle 3's open, in fold 1
        final PerformanceMetrics first = sim.metrics(0);
        final PerformanceMetrics second = sim.metrics(1);
        assertThat(first.trades()).isZero();
        assertThat(second.trades()).isEqualTo(1);
        assertThat(first.periods()).isEqualTo(2);
        assertThat(second.periods()).isEqualTo(2);
        assertThat((1 + first.totalReturn()) * (1 + second.totalReturn()))
            .isCloseTo(1 + sim.metrics().totalReturn(), Offset.offset(1e-12));
        assertThat(first.exposure()).isEqualTo(0.5);
        assertThat(second.exposure()).isEqualTo(0.5);
    }

    @Test
    void shouldChainInstrumentsIntoOneEquityCurve() {
        final PaperSimulation sim = new PaperSimulation(0, 1.0, 0.5);
        final byte[] script = {B, H, S, H};
        final double[] conf = {1, 0, 1, 0};
        sim.run(new ScriptedStrategy(script, conf), candles(), 0);
        sim.run(new ScriptedStrategy(script, conf), candles(), 0);
        assertThat(sim.cash()).isCloseTo((108.0 / 102) * (108.0 / 102), Offset.offset(1e-12));
        assertThat(sim.metrics().trades()).isEqualTo(2);
        assertThat(sim.metrics().periods()).isEqualTo(8);
    }
}

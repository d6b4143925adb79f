package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class MeanReversionStrategyTest {
    @Test
    void shouldBuyASharpDropBelowTheLowerBand() {
        final TestCandles c = new TestCandles(0).range(40, 100, 0.1);
        c.to(99.0, 1, 0.02).to(98.0, 1, 0.02).to(97.0, 1, 0.02);
        final Vote v = c.feed(TestCandles.strategy("mean_reversion"), 0);
        assertThat(v.action).isEqualTo(Action.BUY);
        assertThat(v.reasonCode).isEqualTo(MeanReversionStrategy.REASON_OVERSOLD);
        assertThat(v.confidence).isBetween(0.5, 1.0);
    }

    @Test
    void shouldSellASharpRiseAboveTheUpperBand() {
        final TestCandles c = new TestCandles(0).range(40, 100, 0.1);
        c.to(101.0, 1, 0.02).to(102.0, 1, 0.02).to(103.0, 1, 0.02);
        final Vote v = c.feed(TestCandles.strategy("mean_reversion"), 0);
        assertThat(v.action).isEqualTo(Action.SELL);
        assertThat(v.reasonCode).isEqualTo(MeanReversionStrategy.REASON_OVERBOUGHT);
    }

    @Test
    void shouldHoldInsideTheBands() {
        final Vote v = new TestCandles(0).range(60, 100, 0.2).feed(TestCandles.strategy("mean_reversion"), 0);
        assertThat(v.action).isEqualTo(Action.HOLD);
        assertThat(v.reasonCode).isEqualTo(MeanReversionStrategy.REASON_INSIDE_BANDS);
    }

    @Test
    void shouldHoldWhenASlowGrindEndsBelowTheBandButRsiIsNotOversold() {
        // a long zig-zag that drifts down: the last close dips under the band after a big up candle
        final TestCandles c = new TestCandles(0).range(30, 100, 0.1);
        for (int i = 0; i < 6; i++) {
            c.to(100.6, 1, 0.02).to(100.0, 1, 0.02);
        }
        c.to(100.9, 1, 0.02).to(99.55, 1, 0.02);
        final Vote v = c.feed(TestCandles.strategy("mean_reversion"), 0);
        assertThat(v.action).isEqualTo(Action.HOLD);
    }
}

package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class MacdMomentumStrategyTest {
    @Test
    void shouldBuyAnAcceleratingRise() {
        final TestCandles c = new TestCandles(0).range(40, 100, 0.05);
        for (int i = 1; i <= 8; i++) {
            c.trend(1, 0.03 * i);
        }
        final Vote v = c.feed(TestCandles.strategy("macd_momentum"), 0);
        assertThat(v.action).isEqualTo(Action.BUY);
        assertThat(v.reasonCode).isEqualTo(MacdMomentumStrategy.REASON_RISING);
        assertThat(v.confidence).isGreaterThan(0.0);
    }

    @Test
    void shouldSellAnAcceleratingFall() {
        final TestCandles c = new TestCandles(0).range(40, 100, 0.05);
        for (int i = 1; i <= 8; i++) {
            c.trend(1, -0.03 * i);
        }
        final Vote v = c.feed(TestCandles.strategy("macd_momentum"), 0);
        assertThat(v.action).isEqualTo(Action.SELL);
        assertThat(v.reasonCode).isEqualTo(MacdMomentumStrategy.REASON_FALLING);
    }

    @Test
    void shouldHoldWhenAFallStallsAfterARise() {
        final TestCandles c = new TestCandles(0).range(40, 100, 0.05).trend(10, 0.2).trend(3, -0.3);
        final Vote v = c.feed(TestCandles.strategy("macd_momentum"), 0);
        assertThat(v.action).isNotEqualTo(Action.BUY);
    }
}

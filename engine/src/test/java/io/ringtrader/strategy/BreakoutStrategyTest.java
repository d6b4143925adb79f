package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class BreakoutStrategyTest {
    private static TestCandles base() {
        final TestCandles c = new TestCandles(0);
        for (int i = 0; i < 30; i++) {
            c.add(100, 101, 99, i % 2 == 0 ? 100.5 : 99.5, 1);
        }
        return c;
    }

    @Test
    void shouldBuyACloseAboveTheChannelOnHighVolume() {
        final Vote v = base().add(100, 102.5, 99.8, 102.2, 3).feed(TestCandles.strategy("breakout"), 0);
        assertThat(v.action).isEqualTo(Action.BUY);
        assertThat(v.reasonCode).isEqualTo(BreakoutStrategy.REASON_BREAKOUT_UP);
        assertThat(v.confidence).isGreaterThan(0.75);
    }

    @Test
    void shouldSellACloseBelowTheChannelOnHighVolume() {
        final Vote v = base().add(100, 100.2, 97.5, 97.8, 2).feed(TestCandles.strategy("breakout"), 0);
        assertThat(v.action).isEqualTo(Action.SELL);
        assertThat(v.reasonCode).isEqualTo(BreakoutStrategy.REASON_BREAKOUT_DOWN);
    }

    @Test
    void shouldHoldABreakoutOnThinVolume() {
        final Vote v = base().add(100, 102.5, 99.8, 102.2, 1.2).feed(TestCandles.strategy("breakout"), 0);
        assertThat(v.action).isEqualTo(Action.HOLD);
        assertThat(v.reasonCode).isEqualTo(BreakoutStrategy.REASON_NO_VOLUME);
    }

    @Test
    void shouldHoldAHighVolumeCandleInsideTheChannel() {
        final Vote v = base().add(100, 100.9, 99.2, 100.8, 5).feed(TestCandles.strategy("breakout"), 0);
        assertThat(v.action).isEqualTo(Action.HOLD);
        assertThat(v.reasonCode).isEqualTo(BreakoutStrategy.REASON_INSIDE_CHANNEL);
    }
}

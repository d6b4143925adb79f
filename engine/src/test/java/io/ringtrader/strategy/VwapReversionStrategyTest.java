package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class VwapReversionStrategyTest {
    @Test
    void shouldBuyACloseFarBelowVwap() {
        final Vote v = new TestCandles(0).range(70, 100, 0.1).to(97, 1, 0.02)
            .feed(TestCandles.strategy("vwap_reversion"), 0);
        assertThat(v.action).isEqualTo(Action.BUY);
        assertThat(v.reasonCode).isEqualTo(VwapReversionStrategy.REASON_BELOW_VWAP);
        assertThat(v.confidence).isEqualTo(1.0);
    }

    @Test
    void shouldSellACloseFarAboveVwap() {
        final Vote v = new TestCandles(0).range(70, 100, 0.1).to(103, 1, 0.02)
            .feed(TestCandles.strategy("vwap_reversion"), 0);
        assertThat(v.action).isEqualTo(Action.SELL);
    }

    @Test
    void shouldHoldNearVwap() {
        final Vote v = new TestCandles(0).range(70, 100, 0.1).to(100.15, 1, 0.02)
            .feed(TestCandles.strategy("vwap_reversion"), 0);
        assertThat(v.action).isEqualTo(Action.HOLD);
        assertThat(v.reasonCode).isEqualTo(VwapReversionStrategy.REASON_NEAR_VWAP);
    }
}

package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class RsiReversalStrategyTest {
    @Test
    void shouldBuyOnlyOnTheCandleThatLeavesOversold() {
        final TestCandles c = new TestCandles(0).range(30, 100, 0.1).trend(8, -0.5);
        final Strategy s = TestCandles.strategy("rsi_reversal");
        final Vote inDip = c.feed(s, 0);
        assertThat(inDip.action).isEqualTo(Action.HOLD);
        final int before = c.size();
        c.to(c.last() * 1.03, 1, 0.02);
        final Vote turn = c.feed(s, before);
        assertThat(turn.action).isEqualTo(Action.BUY);
        assertThat(turn.reasonCode).isEqualTo(RsiReversalStrategy.REASON_LEFT_OVERSOLD);
        assertThat(turn.confidence).isGreaterThan(0.5);
        c.to(c.last() * 1.001, 1, 0.02);
        assertThat(c.feed(s, before + 1).action).isEqualTo(Action.HOLD);
    }

    @Test
    void shouldSellWhenLeavingOverbought() {
        final TestCandles c = new TestCandles(0).range(30, 100, 0.1).trend(8, 0.5);
        final Strategy s = TestCandles.strategy("rsi_reversal");
        c.feed(s, 0);
        final int before = c.size();
        c.to(c.last() * 0.97, 1, 0.02);
        final Vote v = c.feed(s, before);
        assertThat(v.action).isEqualTo(Action.SELL);
        assertThat(v.reasonCode).isEqualTo(RsiReversalStrategy.REASON_LEFT_OVERBOUGHT);
    }

    @Test
    void shouldNeverVoteInAQuietRange() {
        final TestCandles c = new TestCandles(0).range(200, 100, 0.1);
        final Strategy s = TestCandles.strategy("rsi_reversal");
        final Vote v = new Vote();
        for (int i = 0; i < c.size(); i++) {
            s.onCandle(c.get(i));
            s.vote(v);
            assertThat(v.action).isEqualTo(Action.HOLD);
        }
    }
}

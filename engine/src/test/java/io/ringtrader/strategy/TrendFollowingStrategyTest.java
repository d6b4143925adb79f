package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class TrendFollowingStrategyTest {
    @Test
    void shouldBuyASteadyUptrend() {
        final TestCandles c = new TestCandles(0).range(20, 100, 0.05).trend(60, 0.1);
        final Vote v = c.feed(TestCandles.strategy("trend_following"), 0);
        assertThat(v.action).isEqualTo(Action.BUY);
        assertThat(v.reasonCode).isEqualTo(TrendFollowingStrategy.REASON_UPTREND);
        assertThat(v.confidence).isGreaterThan(0.6);
    }

    @Test
    void shouldSellASteadyDowntrend() {
        final Vote v = new TestCandles(0).range(20, 100, 0.05).trend(60, -0.1)
            .feed(TestCandles.strategy("trend_following"), 0);
        assertThat(v.action).isEqualTo(Action.SELL);
        assertThat(v.reasonCode).isEqualTo(TrendFollowingStrategy.REASON_DOWNTREND);
    }

    @Test
    void shouldNotVoteConfidentlyInASidewaysMarket() {
        for (long seed = 1; seed <= 20; seed++) {
            final TestCandles c = new TestCandles(0).noise(300, 100, 0.2, seed);
            final Strategy s = TestCandles.strategy("trend_following");
            final Vote v = new Vote();
            int confident = 0;
            for (int i = 0; i < c.size(); i++) {
                s.onCandle(c.get(i));
                s.vote(v);
                if (v.action != Action.HOLD && v.confidence >= 0.3) {
                    confident++;
                }
            }
            assertThat(confident).as("confident votes in noise, seed %d", seed).isLessThan(15);
        }
    }

    @Test
    void shouldHoldWhileWarmingUp() {
        final Strategy s = TestCandles.strategy("trend_following");
        final Vote v = new TestCandles(0).trend(s.warmUpCandles() - 1, 0.2).feed(s, 0);
        assertThat(v.action).isEqualTo(Action.HOLD);
        assertThat(v.reasonCode).isEqualTo(Vote.REASON_WARMING_UP);
    }
}

package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class StrategyCountersTest {
    @Test
    void shouldCountVotesPerStrategyAndAction() {
        final StrategyCounters c = new StrategyCounters(2);
        c.vote(0, Action.BUY);
        c.vote(0, Action.BUY);
        c.vote(1, Action.SELL);
        c.vote(1, Action.HOLD);
        assertThat(c.buyVotes(0)).isEqualTo(2);
        assertThat(c.sellVotes(0)).isZero();
        assertThat(c.sellVotes(1)).isEqualTo(1);
        assertThat(c.holdVotes(1)).isEqualTo(1);
    }
}

package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Action;
import org.junit.jupiter.api.Test;

class VoteTest {
    @Test
    void shouldClampConfidenceIntoZeroToOne() {
        final Vote v = new Vote();
        v.set(Action.BUY, 1.7, 11);
        assertThat(v.confidence).isEqualTo(1.0);
        v.set(Action.SELL, -0.2, 12);
        assertThat(v.confidence).isZero();
        v.set(Action.SELL, Double.NaN, 12);
        assertThat(v.confidence).isZero();
        v.hold(Vote.REASON_WARMING_UP);
        assertThat(v.action).isEqualTo(Action.HOLD);
        assertThat(v.reasonCode).isEqualTo(Vote.REASON_WARMING_UP);
    }
}

package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentileRankTest {
    @Test
    void shouldRankAgainstTheLookbackOnly() {
        final PercentileRank rank = new PercentileRank(4);
        assertThat(rank.update(5)).isNaN();
        rank.update(1);
        rank.update(2);
        rank.update(3);
        // window {5,1,2,3}: 3 of 4 below 4
        assertThat(rank.update(4)).isEqualTo(0.75);
        // window now {1,2,3,4}: 5 is above all; 5 itself (first value) has left the window
        assertThat(rank.rank(5)).isEqualTo(1.0);
        assertThat(rank.rank(1)).isEqualTo(0.0);
        assertThat(rank.count()).isEqualTo(4);
    }
}

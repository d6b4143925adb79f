package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoubleRingTest {
    @Test
    void shouldKeepTheLastCapacityValuesOldestFirst() {
        final DoubleRing ring = new DoubleRing(3);
        ring.push(1);
        ring.push(2);
        assertThat(ring.full()).isFalse();
        assertThat(ring.oldest()).isEqualTo(1.0);
        ring.push(3);
        ring.push(4);
        assertThat(ring.full()).isTrue();
        assertThat(ring.get(0)).isEqualTo(2.0);
        assertThat(ring.get(1)).isEqualTo(3.0);
        assertThat(ring.newest()).isEqualTo(4.0);
        ring.clear();
        assertThat(ring.size()).isZero();
    }
}

package io.ringtrader.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {
    @Test
    void shouldMatchTabulatedValues() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
        assertThat(Normal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-14));
        assertThat(Normal.cdf(3)).isCloseTo(0.9986501019683699, within(1e-14));
        assertThat(Normal.cdf(-8) / 6.22096057427178e-16).isCloseTo(1.0, within(1e-6));
        assertThat(Normal.cdf(40)).isEqualTo(1.0);
        assertThat(Normal.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(Normal.inverseCdf(0.01)).isCloseTo(-2.3263478740408408, within(1e-12));
        assertThat(Normal.inverseCdf(0.5)).isCloseTo(0, within(1e-14));
        assertThat(Normal.inverseCdf(1)).isInfinite();
    }

    @Test
    void shouldInvertItsOwnDistributionAndRiseMonotonically() {
        double previous = 0;
        for (double x = -6; x <= 6; x += 0.01) {
            final double p = Normal.cdf(x);
            assertThat(p).as("x=%f", x).isGreaterThanOrEqualTo(previous);
            previous = p;
            // near 1, a double holds p only to 1.1e-16: the inverse cannot be sharper than that over the density
            assertThat(Normal.inverseCdf(p)).as("x=%f", x).isCloseTo(x, within(x > 5 ? 1e-6 : 1e-8));
        }
    }
}

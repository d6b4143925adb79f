package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DonchianTest {
    @Test
    void shouldMatchNaiveWindowExtremes() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 3_000, 25);
            for (int period : new int[] {1, 2, 20, 55}) {
                final Donchian channel = new Donchian(period);
                for (int i = 0; i < s.close.length; i++) {
                    channel.update(s.high[i], s.low[i]);
                    double max = Double.NEGATIVE_INFINITY;
                    double min = Double.POSITIVE_INFINITY;
                    for (int j = Math.max(0, i - period + 1); j <= i; j++) {
                        max = Math.max(max, s.high[j]);
                        min = Math.min(min, s.low[j]);
                    }
                    RandomSeries.assertClose(max, channel.upper(), "upper" + period, i, seed);
                    RandomSeries.assertClose(min, channel.lower(), "lower" + period, i, seed);
                }
            }
        }
    }

    @Test
    void shouldHandleMonotonicSeriesWithoutOverflowingTheDeque() {
        final Donchian channel = new Donchian(3);
        for (int i = 0; i < 10; i++) {
            channel.update(100 - i, 50 + i);
        }
        assertThat(channel.upper()).isEqualTo(93.0);
        assertThat(channel.lower()).isEqualTo(57.0);
        assertThat(channel.middle()).isEqualTo(75.0);
    }
}

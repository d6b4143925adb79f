package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollingVwapTest {
    @Test
    void shouldMatchNaiveVolumeWeightedAverage() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 2_000, 3_000);
            final int window = 15;
            final RollingVwap vwap = new RollingVwap(window);
            for (int i = 0; i < s.close.length; i++) {
                final double typical = (s.high[i] + s.low[i] + s.close[i]) / 3;
                vwap.update(typical * s.volume[i], s.volume[i], s.close[i]);
                double notional = 0;
                double volume = 0;
                for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                    final double t = (s.high[j] + s.low[j] + s.close[j]) / 3;
                    notional += t * s.volume[j];
                    volume += s.volume[j];
                }
                final double expected = volume > 0 ? notional / volume : s.close[i];
                RandomSeries.assertClose(expected, vwap.value(), "vwap", i, seed);
            }
        }
    }

    @Test
    void shouldFallBackToCloseWithoutVolume() {
        final RollingVwap vwap = new RollingVwap(3);
        vwap.update(0, 0, 42.5);
        assertThat(vwap.value()).isEqualTo(42.5);
    }
}

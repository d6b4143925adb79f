package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmaTest {
    @Test
    void shouldMatchClosedFormWeightedSum() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 600, 3_000);
            for (int period : new int[] {1, 12, 26, 50}) {
                final Ema ema = new Ema(period);
                final double a = 2.0 / (period + 1.0);
                for (int i = 0; i < s.close.length; i++) {
                    final double value = ema.update(s.close[i]);
                    // EMA_t = (1-a)^t x0 + sum_{j=1..t} a (1-a)^(t-j) x_j
                    double expected = Math.pow(1 - a, i) * s.close[0];
                    for (int j = 1; j <= i; j++) {
                        expected += a * Math.pow(1 - a, i - j) * s.close[j];
                    }
                    RandomSeries.assertClose(expected, value, "ema" + period, i, seed);
                    assertThat(ema.ready()).isEqualTo(i + 1 >= period);
                }
            }
        }
    }
}

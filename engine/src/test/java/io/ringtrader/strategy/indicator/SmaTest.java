package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmaTest {
    @Test
    void shouldMatchNaiveAverageOverSeededRandomSeries() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 3_000, 65_000);
            for (int period : new int[] {1, 7, 20, 200}) {
                final Sma sma = new Sma(period);
                for (int i = 0; i < s.close.length; i++) {
                    final double value = sma.update(s.close[i]);
                    final int from = Math.max(0, i - period + 1);
                    double sum = 0;
                    for (int j = from; j <= i; j++) {
                        sum += s.close[j];
                    }
                    RandomSeries.assertClose(sum / (i - from + 1), value, "sma" + period, i, seed);
                    assertThat(sma.ready()).isEqualTo(i + 1 >= period);
                }
            }
        }
    }
}

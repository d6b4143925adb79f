package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RealizedVolatilityTest {
    @Test
    void shouldMatchNaiveStddevOfLogReturns() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 1_000, 65_000);
            final int window = 30;
            final RealizedVolatility vol = new RealizedVolatility(window);
            for (int i = 0; i < s.close.length; i++) {
                final double value = vol.update(s.close[i]);
                if (i == 0) {
                    assertThat(value).isNaN();
                    continue;
                }
                final int from = Math.max(1, i - window + 1);
                final int n = i - from + 1;
                double mean = 0;
                for (int j = from; j <= i; j++) {
                    mean += Math.log(s.close[j] / s.close[j - 1]);
                }
                mean /= n;
                double squares = 0;
                for (int j = from; j <= i; j++) {
                    final double d = Math.log(s.close[j] / s.close[j - 1]) - mean;
                    squares += d * d;
                }
                RandomSeries.assertClose(Math.sqrt(squares / n), value, "vol", i, seed);
                assertThat(vol.ready()).isEqualTo(i >= window);
            }
        }
    }
}

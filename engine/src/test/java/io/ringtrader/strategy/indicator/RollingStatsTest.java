package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollingStatsTest {
    @Test
    void shouldMatchTwoPassMeanAndStddevOfLogReturns() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries prices = new RandomSeries(seed, 3_001, 95_000);
            final double[] close = new double[3_000];
            for (int i = 0; i < close.length; i++) {
                close[i] = Math.log(prices.close[i + 1] / prices.close[i]);
            }
            for (int period : new int[] {2, 20, 100}) {
                final RollingStats stats = new RollingStats(period);
                for (int i = 0; i < close.length; i++) {
                    stats.update(close[i]);
                    final int from = Math.max(0, i - period + 1);
                    final int n = i - from + 1;
                    double sum = 0;
                    for (int j = from; j <= i; j++) {
                        sum += close[j];
                    }
                    final double mean = sum / n;
                    double squares = 0;
                    for (int j = from; j <= i; j++) {
                        squares += (close[j] - mean) * (close[j] - mean);
                    }
                    RandomSeries.assertClose(mean, stats.mean(), "mean", i, seed);
                    RandomSeries.assertClose(Math.sqrt(squares / n), stats.stddev(), "stddev", i, seed);
                }
            }
        }
    }

    @Test
    void shouldGiveZeroStddevForAFlatWindow() {
        final RollingStats stats = new RollingStats(5);
        for (int i = 0; i < 12; i++) {
            stats.update(i < 6 ? i * 0.01 : 0.0);
        }
        assertThat(stats.stddev()).isZero();
        assertThat(stats.mean()).isZero();
    }
}

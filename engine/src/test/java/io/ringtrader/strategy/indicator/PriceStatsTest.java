package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceStatsTest {
    @Test
    void shouldMatchTwoPassMeanAndStddevAtBitcoinPrices() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 3_000, 95_000);
            final long[] e8 = new long[s.close.length];
            for (int i = 0; i < e8.length; i++) {
                e8[i] = Math.round(s.close[i] * 1e8);
            }
            for (int period : new int[] {1, 2, 20, 100}) {
                final PriceStats stats = new PriceStats(period);
                for (int i = 0; i < e8.length; i++) {
                    stats.update(e8[i]);
                    final int from = Math.max(0, i - period + 1);
                    final int n = i - from + 1;
                    double sum = 0;
                    for (int j = from; j <= i; j++) {
                        sum += e8[j] / 1e8;
                    }
                    final double mean = sum / n;
                    double squares = 0;
                    for (int j = from; j <= i; j++) {
                        squares += (e8[j] / 1e8 - mean) * (e8[j] / 1e8 - mean);
                    }
                    RandomSeries.assertClose(mean, stats.mean(), "mean" + period, i, seed);
                    RandomSeries.assertClose(Math.sqrt(squares / n), stats.stddev(), "stddev" + period, i, seed);
                }
            }
        }
    }

    @Test
    void shouldGiveExactlyZeroStddevWhenAHighPricedWindowTurnsFlat() {
        final PriceStats stats = new PriceStats(5);
        for (int i = 0; i < 12; i++) {
            stats.update(i < 6 ? i * 7_000_000_000_000L : 10_000_012_300_000L);
        }
        assertThat(stats.stddev()).isZero();
        assertThat(stats.mean()).isEqualTo(100_000.123);
    }

    @Test
    void shouldStayExactWhenSquaresExceedSixtyFourBits() {
        // two prices 1 satoshi apart at 90,000: variance 0.25e-16, squares ~8.1e26 overflow a long
        final PriceStats stats = new PriceStats(2);
        stats.update(9_000_000_000_000L);
        stats.update(9_000_000_000_001L);
        assertThat(stats.stddev()).isEqualTo(0.5e-8);
    }
}

package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AtrTest {
    static double naiveAtr(RandomSeries s, int t, int period) {
        if (t < period - 1) {
            return Double.NaN;
        }
        final double[] tr = new double[t + 1];
        for (int k = 0; k <= t; k++) {
            tr[k] = k == 0 ? s.high[0] - s.low[0]
                : Math.max(s.high[k] - s.low[k], Math.max(Math.abs(s.high[k] - s.close[k - 1]),
                    Math.abs(s.low[k] - s.close[k - 1])));
        }
        double atr = 0;
        for (int k = 0; k < period; k++) {
            atr += tr[k];
        }
        atr /= period;
        for (int k = period; k <= t; k++) {
            atr = (atr * (period - 1) + tr[k]) / period;
        }
        return atr;
    }

    @Test
    void shouldMatchNaiveWilderAtr() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 600, 40);
            for (int period : new int[] {1, 14}) {
                final Atr atr = new Atr(period);
                for (int i = 0; i < s.close.length; i++) {
                    RandomSeries.assertClose(naiveAtr(s, i, period), atr.update(s.high[i], s.low[i], s.close[i]),
                        "atr" + period, i, seed);
                }
            }
        }
    }

    @Test
    void shouldUseGapToPreviousCloseInTrueRange() {
        // previous close 10, candle 12..13: true range = 13 - 10 = 3, not 1
        assertThat(Atr.trueRange(13, 12, 10)).isCloseTo(3.0, Offset.offset(0.0));
    }
}

package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RsiTest {
    /** Wilder's RSI of closes[0..t], recomputed from scratch. */
    static double naiveRsi(double[] closes, int t, int period) {
        if (t < period) {
            return Double.NaN;
        }
        double gain = 0;
        double loss = 0;
        for (int k = 1; k <= period; k++) {
            final double d = closes[k] - closes[k - 1];
            gain += Math.max(d, 0);
            loss += Math.max(-d, 0);
        }
        gain /= period;
        loss /= period;
        for (int k = period + 1; k <= t; k++) {
            final double d = closes[k] - closes[k - 1];
            gain = (gain * (period - 1) + Math.max(d, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-d, 0)) / period;
        }
        if (loss == 0) {
            return gain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    @Test
    void shouldMatchNaiveWilderRsi() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 800, 150);
            for (int period : new int[] {2, 14}) {
                final Rsi rsi = new Rsi(period);
                for (int i = 0; i < s.close.length; i++) {
                    final double value = rsi.update(s.close[i]);
                    RandomSeries.assertClose(naiveRsi(s.close, i, period), value, "rsi" + period, i, seed);
                }
            }
        }
    }

    @Test
    void shouldReadHundredOnOnlyGainsAndFiftyWhenFlat() {
        final Rsi rising = new Rsi(3);
        final Rsi flat = new Rsi(3);
        for (int i = 0; i < 10; i++) {
            rising.update(100 + i);
            flat.update(100);
        }
        assertThat(rising.value()).isEqualTo(100.0);
        assertThat(flat.value()).isEqualTo(50.0);
    }

    @Test
    void shouldMatchHandComputedValue() {
        // changes +2, -1, +1 -> avg gain 1, avg loss 1/3 -> RS 3 -> RSI 75
        final Rsi rsi = new Rsi(3);
        for (double c : new double[] {10, 12, 11, 12}) {
            rsi.update(c);
        }
        assertThat(rsi.value()).isCloseTo(75.0, org.assertj.core.data.Offset.offset(1e-12));
    }
}

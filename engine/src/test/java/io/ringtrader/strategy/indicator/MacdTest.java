package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MacdTest {
    static double[] naiveEma(double[] x, int period) {
        final double a = 2.0 / (period + 1);
        final double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double e = x[0];
            for (int k = 1; k <= t; k++) {
                e = a * x[k] + (1 - a) * e;
            }
            out[t] = e;
        }
        return out;
    }

    @Test
    void shouldMatchNaiveLineSignalAndHistogram() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 400, 2_500);
            final double[] fast = naiveEma(s.close, 12);
            final double[] slow = naiveEma(s.close, 26);
            final double[] line = new double[s.close.length];
            for (int i = 0; i < line.length; i++) {
                line[i] = fast[i] - slow[i];
            }
            final double[] signal = naiveEma(line, 9);
            final Macd macd = new Macd(12, 26, 9);
            for (int i = 0; i < s.close.length; i++) {
                macd.update(s.close[i]);
                RandomSeries.assertClose(line[i], macd.line(), "line", i, seed);
                RandomSeries.assertClose(signal[i], macd.signal(), "signal", i, seed);
                RandomSeries.assertClose(line[i] - signal[i], macd.histogram(), "histogram", i, seed);
                assertThat(macd.ready()).isEqualTo(i + 1 >= 34);
            }
        }
    }
}

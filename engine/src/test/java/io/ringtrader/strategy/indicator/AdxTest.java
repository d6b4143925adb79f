package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdxTest {
    /** {+DI, -DI, ADX} at candle t, recomputed from scratch with Wilder's textbook steps. */
    static double[] naive(RandomSeries s, int t, int p) {
        double str = 0;
        double spdm = 0;
        double smdm = 0;
        double pdi = 0;
        double mdi = 0;
        double adx = Double.NaN;
        double dxSum = 0;
        int dxCount = 0;
        for (int k = 1; k <= t; k++) {
            final double up = s.high[k] - s.high[k - 1];
            final double down = s.low[k - 1] - s.low[k];
            final double pdm = up > down && up > 0 ? up : 0;
            final double mdm = down > up && down > 0 ? down : 0;
            final double tr = Math.max(s.high[k] - s.low[k], Math.max(Math.abs(s.high[k] - s.close[k - 1]),
                Math.abs(s.low[k] - s.close[k - 1])));
            if (k <= p) {
                str += tr;
                spdm += pdm;
                smdm += mdm;
            } else {
                str = str - str / p + tr;
                spdm = spdm - spdm / p + pdm;
                smdm = smdm - smdm / p + mdm;
            }
            if (k >= p) {
                pdi = str == 0 ? 0 : 100 * spdm / str;
                mdi = str == 0 ? 0 : 100 * smdm / str;
                final double dx = pdi + mdi == 0 ? 0 : 100 * Math.abs(pdi - mdi) / (pdi + mdi);
                dxCount++;
                if (dxCount < p) {
                    dxSum += dx;
                } else if (dxCount == p) {
                    adx = (dxSum + dx) / p;
                } else {
                    adx = (adx * (p - 1) + dx) / p;
                }
            }
        }
        return new double[] {pdi, mdi, adx};
    }

    @Test
    void shouldMatchNaiveDirectionalMovement() {
        for (long seed : RandomSeries.seeds()) {
            final RandomSeries s = new RandomSeries(seed, 500, 65_000);
            for (int period : new int[] {3, 14}) {
                final Adx adx = new Adx(period);
                for (int i = 0; i < s.close.length; i++) {
                    adx.update(s.high[i], s.low[i], s.close[i]);
                    final double[] expected = naive(s, i, period);
                    RandomSeries.assertClose(expected[0], adx.plusDi(), "+di", i, seed);
                    RandomSeries.assertClose(expected[1], adx.minusDi(), "-di", i, seed);
                    RandomSeries.assertClose(expected[2], adx.adx(), "adx", i, seed);
                    assertThat(adx.ready()).isEqualTo(i + 1 >= 2 * period);
                }
            }
        }
    }

    @Test
    void shouldReadStrongTrendOnSteadilyRisingCandles() {
        final Adx adx = new Adx(14);
        for (int i = 0; i < 60; i++) {
            adx.update(101 + i, 99 + i, 100.5 + i);
        }
        assertThat(adx.adx()).isGreaterThan(90);
        assertThat(adx.plusDi()).isGreaterThan(adx.minusDi());
    }
}

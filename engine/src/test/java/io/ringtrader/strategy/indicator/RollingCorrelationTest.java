package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingCorrelationTest {

    private static double naive(double[] x, double[] y, int end, int window) {
        final int start = Math.max(0, end - window);
        final int n = end - start;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = start; i < end; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = start; i < end; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void shouldMatchNaivePearsonOfLogReturnsOverSeededRandomSeries() {
        for (int run = 0; run < 20; run++) {
            final long seed = 1_000 + run;
            final Random rnd = new Random(seed);
            final int window = 5 + rnd.nextInt(200);
            final int steps = 3_000;
            final double[] px = new double[steps + 1];
            final double[] py = new double[steps + 1];
            px[0] = 100 + rnd.nextDouble() * 60_000;
            py[0] = 1 + rnd.nextDouble() * 3_000;
            final double beta = rnd.nextDouble() * 2 - 1;
            final double[] rx = new double[steps];
            final double[] ry = new double[steps];
            final RollingCorrelation corr = new RollingCorrelation(window);
            for (int i = 0; i < steps; i++) {
                final double common = rnd.nextGaussian() * 0.002;
                px[i + 1] = px[i] * Math.exp(common + rnd.nextGaussian() * 0.001);
                py[i + 1] = py[i] * Math.exp(beta * common + rnd.nextGaussian() * 0.001);
                rx[i] = Math.log(px[i + 1] / px[i]);
                ry[i] = Math.log(py[i + 1] / py[i]);
                corr.addPrices(px[i], px[i + 1], py[i], py[i + 1]);
                assertThat(corr.value()).as("seed %d step %d window %d", seed, i, window)
                    .isCloseTo(naive(rx, ry, i + 1, window), within(1e-9));
            }
            assertThat(corr.isFull()).isTrue();
        }
    }

    @Test
    void shouldReturnZeroForFlatSeriesAndTooFewPairs() {
        final RollingCorrelation corr = new RollingCorrelation(5);
        assertThat(corr.value()).isZero();
        corr.add(0.01, 0.02);
        assertThat(corr.value()).isZero();
        for (int i = 0; i < 10; i++) {
            corr.add(0.0, i * 0.001);
        }
        assertThat(corr.value()).isZero();
    }

    @Test
    void shouldGivePlusAndMinusOneForLinearSeries() {
        final RollingCorrelation up = new RollingCorrelation(10);
        final RollingCorrelation down = new RollingCorrelation(10);
        for (int i = 0; i < 25; i++) {
            final double x = Math.sin(i);
            up.add(x, 3 * x + 1);
            down.add(x, -2 * x);
        }
        assertThat(up.value()).isCloseTo(1.0, within(1e-12));
        assertThat(down.value()).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void shouldIgnoreNonFinitePairsAndForgetOnReset() {
        final RollingCorrelation corr = new RollingCorrelation(4);
        corr.add(Double.NaN, 1);
        corr.add(1, Double.POSITIVE_INFINITY);
        assertThat(corr.count()).isZero();
        corr.add(1, 1);
        corr.add(2, 2);
        assertThat(corr.count()).isEqualTo(2);
        corr.reset();
        assertThat(corr.count()).isZero();
        assertThat(corr.value()).isZero();
    }
}

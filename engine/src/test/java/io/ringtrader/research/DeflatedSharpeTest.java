package io.ringtrader.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {
    /**
     * The numerical example of Bailey and Lopez de Prado (2014), section 6: 100 trials, the best with an annualized
     * Sharpe ratio of 2.5 over 5 years of daily returns (T = 1250), skewness -3, kurtosis 10, and an annualized
     * variance of the trials' Sharpe ratios of 0.5: the bar is SR0 = 0.1132 per day and DSR = 0.9004.
     */
    @Test
    void shouldReproduceThePapersNumericalExample() {
        final double sr0 = DeflatedSharpe.expectedMaxSharpe(0.5 / 250, 100);
        assertThat(sr0).isCloseTo(0.1132, within(1e-4));
        final double dsr = DeflatedSharpe.probabilistic(2.5 / Math.sqrt(250), sr0, 1250, -3, 10);
        assertThat(dsr).isCloseTo(0.9004, within(5e-4));
        // one trial is not deflated: the bar is 0 and DSR is the probabilistic Sharpe ratio against 0
        assertThat(DeflatedSharpe.expectedMaxSharpe(0.5 / 250, 1)).isZero();
        assertThat(DeflatedSharpe.probabilistic(0, 0, 1250, 0, 3)).isEqualTo(0.5);
    }

    @Test
    void shouldCallTheBestOfManyPureNoiseTrialsInsignificantButATrueEdgeSignificant() {
        final Random random = new Random(7);
        final int trials = 50;
        final int periods = 1000;
        double noiseSum = 0;
        int rounds = 20;
        for (int round = 0; round < rounds; round++) {
            final double[][] r = noise(random, trials, periods);
            noiseSum += bestDeflated(r);
        }
        // naive PSR of the best of 50 noise trials would be ~0.99; deflated, it is a coin flip or worse
        assertThat(noiseSum / rounds).as("mean DSR of the best noise trial").isBetween(0.05, 0.75);

        final double[][] r = noise(random, trials, periods);
        for (int t = 0; t < periods; t++) {
            r[17][t] += 0.3; // a true per-period Sharpe ratio of 0.3
        }
        assertThat(bestDeflated(r)).isGreaterThan(0.99);
    }

    private static double[][] noise(Random random, int trials, int periods) {
        final double[][] r = new double[trials][periods];
        for (double[] row : r) {
            for (int t = 0; t < periods; t++) {
                row[t] = random.nextGaussian();
            }
        }
        return r;
    }

    private static double bestDeflated(double[][] r) {
        final double[] sharpes = new double[r.length];
        int best = 0;
        for (int n = 0; n < r.length; n++) {
            sharpes[n] = ReturnMoments.of(r[n], r[n].length).sharpe();
            best = sharpes[n] > sharpes[best] ? n : best;
        }
        return DeflatedSharpe.deflated(ReturnMoments.of(r[best], r[best].length), sharpes);
    }

    @Test
    void shouldComputeSampleMomentsOfKnownSeries() {
        final ReturnMoments m = ReturnMoments.of(new double[] {1, 2, 3, 4, 10}, 5);
        assertThat(m.mean()).isEqualTo(4.0);
        assertThat(m.stdDev()).isCloseTo(Math.sqrt(12.5), within(1e-12));
        // by hand: deviations -3 -2 -1 0 6, so m2 = 50 / 5 = 10, m3 = 180 / 5 = 36, m4 = 1394 / 5 = 278.8
        assertThat(m.skewness()).isCloseTo(36.0 / Math.pow(10, 1.5), within(1e-12));
        assertThat(m.kurtosis()).isCloseTo(2.788, within(1e-12));
        assertThat(ReturnMoments.of(new double[] {0, 0, 0}, 3).sharpe()).isZero();
    }
}

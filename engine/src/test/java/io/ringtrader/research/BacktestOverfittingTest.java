package io.ringtrader.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestOverfittingTest {
    private static double[][] noise(Random random, int trials, int periods) {
        final double[][] r = new double[trials][periods];
        for (double[] row : r) {
            for (int t = 0; t < periods; t++) {
                row[t] = 0.01 * random.nextGaussian();
            }
        }
        return r;
    }

    @Test
    void shouldFindTrialsOfPureLuckOverfitAboutHalfTheTime() {
        final long seed = 11;
        final Random random = new Random(seed);
        double sum = 0;
        final int rounds = 30;
        for (int i = 0; i < rounds; i++) {
            final BacktestOverfitting.Result r = BacktestOverfitting.estimate(noise(random, 10, 800), 8);
            assertThat(r.splits()).isEqualTo(70); // C(8, 4)
            sum += r.pbo();
        }
        assertThat(sum / rounds).as("mean PBO of noise, seed %d", seed).isBetween(0.4, 0.6);
    }

    @Test
    void shouldFindAGenuinelyBetterTrialNotOverfit() {
        final double[][] r = noise(new Random(5), 10, 800);
        for (int t = 0; t < 800; t++) {
            r[3][t] += 0.004; // a per-period Sharpe ratio of 0.4 against noise
        }
        final BacktestOverfitting.Result result = BacktestOverfitting.estimate(r, 16);
        assertThat(result.splits()).isEqualTo(12_870); // C(16, 8)
        assertThat(result.pbo()).isLessThan(0.02);
        assertThat(result.meanLogit()).isGreaterThan(1.5);
    }

    @Test
    void shouldFindASearchWhoseInSampleWinnerAlwaysGivesItBackOverfit() {
        // every trial's block levels sum to zero: what a trial gains in-sample it loses out-of-sample, so the
        // in-sample winner is among the worst out-of-sample in every split
        final Random random = new Random(3);
        final int blocks = 8;
        final double[][] r = new double[8][blocks * 50];
        for (double[] row : r) {
            final double[] level = new double[blocks];
            double mean = 0;
            for (int b = 0; b < blocks; b++) {
                level[b] = 0.01 * random.nextGaussian();
                mean += level[b] / blocks;
            }
            for (int t = 0; t < row.length; t++) {
                row[t] = level[t / 50] - mean + 0.001 * random.nextGaussian();
            }
        }
        final BacktestOverfitting.Result result = BacktestOverfitting.estimate(r, blocks);
        assertThat(result.pbo()).isGreaterThan(0.9);
        assertThat(result.meanLogit()).isLessThan(-1);
    }

    @Test
    void shouldRefuseOddBlocksOrOneTrial() {
        assertThatThrownBy(() -> BacktestOverfitting.estimate(new double[2][100], 5))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BacktestOverfitting.estimate(new double[1][100], 4))
            .isInstanceOf(IllegalArgumentException.class);
    }
}

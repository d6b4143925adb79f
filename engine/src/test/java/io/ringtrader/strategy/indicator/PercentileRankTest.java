package io.ringtrader.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PercentileRankTest {
    @Test
    void shouldRankAgainstTheLookbackOnly() {
        final PercentileRank rank = new PercentileRank(4);
        assertThat(rank.update(5)).isNaN();
        rank.update(1);
        rank.update(2);
        rank.update(3);
        // window {5,1,2,3}: 3 of 4 below 4
        assertThat(rank.update(4)).isEqualTo(0.75);
        // window now {1,2,3,4}: 5 is above all; 5 itself (first value) has left the window
        assertThat(rank.rank(5)).isEqualTo(1.0);
        assertThat(rank.rank(1)).isEqualTo(0.0);
        assertThat(rank.count()).isEqualTo(4);
    }

    @Test
    void shouldRankExactlyAsAScanOfTheWindowWithTiesZerosAndNaN() {
        for (long seed = 1; seed <= 20; seed++) {
            final SplittableRandom random = new SplittableRandom(seed);
            final int lookback = 1 + random.nextInt(300);
            final PercentileRank rank = new PercentileRank(lookback);
            final double[] window = new double[lookback];
            int held = 0;
            int head = 0;
            for (int i = 0; i < 5_000; i++) {
                final double v = next(random);
                final double probe = next(random);
                assertSame(rank.rank(probe), naive(window, held, probe), seed, i);
                final double expected = naive(window, held, v);
                if (random.nextBoolean()) {
                    assertSame(rank.update(v), expected, seed, i);
                } else {
                    rank.add(v);
                }
                window[head] = v;
                head = (head + 1) % lookback;
                held = Math.min(held + 1, lookback);
                assertThat(rank.count()).isEqualTo(held);
            }
        }
    }

    /** Equal bit for bit (NaN equals NaN). */
    private static void assertSame(double actual, double expected, long seed, int step) {
        assertThat(Double.doubleToLongBits(actual)).as("seed %d step %d: %s vs %s", seed, step, actual, expected)
            .isEqualTo(Double.doubleToLongBits(expected));
    }

    private static double next(SplittableRandom random) {
        return switch (random.nextInt(20)) {
            case 0 -> Double.NaN;
            case 1 -> 0.0;
            case 2 -> -0.0;
            case 3 -> Double.POSITIVE_INFINITY;
            default -> random.nextInt(50) / 7.0; // ties
        };
    }

    /** The fraction of the held values strictly below {@code value}, by a plain scan. */
    private static double naive(double[] window, int held, double value) {
        if (held == 0) {
            return Double.NaN;
        }
        int below = 0;
        for (int i = 0; i < held; i++) {
            below += window[i] < value ? 1 : 0;
        }
        return below / (double) held;
    }
}

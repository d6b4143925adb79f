package io.ringtrader.exchange;

import io.ringtrader.event.Regime;

import java.util.SplittableRandom;

/**
 * The simulator's market regime as a seeded Markov chain: each regime lasts an exponentially distributed time
 * (a few simulated minutes to hours), then jumps to another regime with fixed transition weights. Owned by the
 * simulator's thread.
 */
final class RegimeChain {
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long MIN_DURATION_NS = 3 * MINUTE_NS;
    /** Mean duration per regime in minutes, indexed by {@link Regime} code (0 unused). */
    private static final double[] MEAN_MINUTES = {0, 40, 40, 60, 15};
    /** Transition weights [from][to]; the diagonal is 0 so every switch changes the regime. */
    private static final double[][] TRANSITIONS = {
        {0, 0.25, 0.25, 0.25, 0.25},
        {0, 0, 0.20, 0.50, 0.30},
        {0, 0.20, 0, 0.50, 0.30},
        {0, 0.35, 0.35, 0, 0.30},
        {0, 0.30, 0.30, 0.40, 0},
    };

    private final SplittableRandom random;
    private byte regime;
    private long regimeEndNs;
    private long switches;

    RegimeChain(SplittableRandom random, long startNs) {
        this.random = random;
        this.regime = (byte) (1 + random.nextInt(4));
        this.regimeEndNs = startNs + duration(regime);
    }

    /** Advances the chain to {@code nowNs}; returns the regime in force. */
    byte at(long nowNs) {
        while (nowNs >= regimeEndNs) {
            regime = pick(TRANSITIONS[regime]);
            regimeEndNs += duration(regime);
            switches++;
        }
        return regime;
    }

    byte regime() {
        return regime;
    }

    long switches() {
        return switches;
    }

    private long duration(byte r) {
        final double minutes = -Math.log(1.0 - random.nextDouble()) * MEAN_MINUTES[r];
        return Math.max(MIN_DURATION_NS, (long) (minutes * MINUTE_NS));
    }

    private byte pick(double[] weights) {
        double u = random.nextDouble();
        byte last = 0;
        for (byte to = 1; to < weights.length; to++) {
            if (weights[to] <= 0) {
                continue;
            }
            last = to;
            u -= weights[to];
            if (u < 0) {
                return to;
            }
        }
        return last;
    }
}

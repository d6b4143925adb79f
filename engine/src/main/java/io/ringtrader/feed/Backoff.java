package io.ringtrader.feed;

import java.util.SplittableRandom;

/**
 * Capped exponential reconnect back-off with jitter: the n-th delay is drawn from [d/2, d] with
 * d = min(max, initial x 2^n), and never below {@code initial}, so many clients do not reconnect in lock step.
 * Used by the feed's I/O thread only.
 */
final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final SplittableRandom random;
    private int attempt;

    Backoff(long initialMs, long maxMs, long seed) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = new SplittableRandom(seed);
    }

    /** The next delay, ms; each call doubles the ceiling until {@code max}. */
    long nextDelayMs() {
        final int shift = Math.min(attempt, 30);
        final long ceiling = Math.min(maxMs, initialMs << shift);
        attempt++;
        final long half = ceiling / 2;
        return Math.max(initialMs, Math.min(maxMs, half + random.nextLong(ceiling - half + 1)));
    }

    /** After a healthy connection: start again from {@code initial}. */
    void reset() {
        attempt = 0;
    }

    int attempts() {
        return attempt;
    }
}

package io.ringtrader.config;

/**
 * The ring and how its stages map onto threads.
 *
 * @param ringSize               slots in the ring (a power of two)
 * @param threads                fused (one consumer thread runs every stage in order) or per-stage
 * @param waitStrategy           blocking, sleeping, yielding or busy-spin
 * @param shutdownTimeoutMs      how long a graceful stop waits for the ring to drain
 * @param backgroundIdle         how the queue-draining background agents wait when idle
 */
public record PipelineConfig(int ringSize, String threads, String waitStrategy, long shutdownTimeoutMs,
                             BackgroundIdle backgroundIdle) {

    /** The ring settings with the default background idle strategy (benchmarks and tests). */
    public PipelineConfig(int ringSize, String threads, String waitStrategy, long shutdownTimeoutMs) {
        this(ringSize, threads, waitStrategy, shutdownTimeoutMs, BackgroundIdle.BACKOFF);
    }

    /** Reads the {@code pipeline} section. */
    public static PipelineConfig read(ConfigNode n) {
        final int ringSize = (int) n.integer("ring_size", 8_192, 64, 1 << 22);
        if (Integer.bitCount(ringSize) != 1) {
            throw n.fail("ring_size", "must be a power of two, got " + ringSize);
        }
        return new PipelineConfig(ringSize,
            n.choice("threads", "fused", "fused", "per-stage"),
            n.choice("wait_strategy", "blocking", "blocking", "sleeping", "yielding", "busy-spin"),
            n.integer("shutdown_timeout_ms", 10_000, 100, 600_000),
            BackgroundIdle.named(n.choice("background_idle", BackgroundIdle.BACKOFF.configName(),
                BackgroundIdle.NAMES)));
    }
}

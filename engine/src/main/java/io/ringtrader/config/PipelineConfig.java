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
public record PipelineConfig(int ringSize, ThreadTopology threads, RingWait waitStrategy, long shutdownTimeoutMs,
                             BackgroundIdle backgroundIdle) {

    /**
     * The ring settings with the default background idle strategy (benchmarks and tests), the topology and wait
     * strategy named as configuration writes them.
     */
    public PipelineConfig(int ringSize, String threads, String waitStrategy, long shutdownTimeoutMs) {
        this(ringSize, ConfigNode.named(ThreadTopology.class, threads, "pipeline.threads"),
            ConfigNode.named(RingWait.class, waitStrategy, "pipeline.wait_strategy"), shutdownTimeoutMs,
            BackgroundIdle.BACKOFF);
    }

    /** Reads the {@code pipeline} section. */
    public static PipelineConfig read(ConfigNode n) {
        final int ringSize = (int) n.integer("ring_size", 8_192, 64, 1 << 22);
        if (Integer.bitCount(ringSize) != 1) {
            throw n.fail("ring_size", "must be a power of two, got " + ringSize);
        }
        return new PipelineConfig(ringSize,
            n.choice("threads", ThreadTopology.FUSED, ThreadTopology.class),
            n.choice("wait_strategy", RingWait.BLOCKING, RingWait.class),
            n.integer("shutdown_timeout_ms", 10_000, 100, 600_000),
            BackgroundIdle.named(n.choice("background_idle", BackgroundIdle.BACKOFF.configName(),
                BackgroundIdle.NAMES)));
    }
}

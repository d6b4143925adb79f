package io.ringtrader.config;

/**
 * The ring and how its stages map onto threads.
 *
 * @param ringSize               slots in the ring (a power of two)
 * @param threads                fused (one consumer thread runs every stage in order) or per-stage
 * @param waitStrategy           blocking, sleeping, yielding or busy-spin
 * @param shutdownTimeoutMs      how long a graceful stop waits for the ring to drain
 */
public record PipelineConfig(int ringSize, String threads, String waitStrategy, long shutdownTimeoutMs) {

    /** Reads the {@code pipeline} section. */
    public static PipelineConfig read(ConfigNode n) {
        final int ringSize = (int) n.integer("ring_size", 8_192, 64, 1 << 22);
        if (Integer.bitCount(ringSize) != 1) {
            throw n.fail("ring_size", "must be a power of two, got " + ringSize);
        }
        return new PipelineConfig(ringSize,
            n.choice("threads", "fused", "fused", "per-stage"),
            n.choice("wait_strategy", "blocking", "blocking", "sleeping", "yielding", "busy-spin"),
            n.integer("shutdown_timeout_ms", 10_000, 100, 600_000));
    }
}

package io.ringtrader.config;

/**
 * The level2 order books the feed keeps (the {@code feed.level2} section).
 *
 * @param enabled       subscribe level2 ({@code level2} on Advanced Trade, {@code level2_batch} on Exchange) for the
 *                      traded products and publish their top of book
 * @param maxFrameBytes largest level2 message accepted: real snapshots are several MB (BTC-USD about 5 MB); every
 *                      other message stays under {@code feed.max_frame_bytes}
 * @param maxLevels     price levels kept per side of a book; beyond it the levels farthest from the touch go
 */
public record Level2Config(boolean enabled, int maxFrameBytes, int maxLevels) {
    /** Reads {@code feed.level2}. */
    public static Level2Config read(ConfigNode n) {
        return new Level2Config(
            n.bool("enabled", true),
            (int) n.integer("max_frame_bytes", 16 << 20, 4_096, 256 << 20),
            (int) n.integer("max_levels", 200_000, 16, 4_000_000));
    }

    /** Built-in defaults (level2 on). */
    public static Level2Config defaults() {
        return read(ConfigNode.empty());
    }
}

package io.ringtrader.config;

import java.util.Locale;

/**
 * Where market data comes from and how the feed behaves.
 *
 * @param source              coinbase (live WebSocket), sim (built-in simulator over loopback), replay (a
 *                            recorded tape over loopback), journal (tail another process's journal)
 * @param protocol            advanced-trade or exchange
 * @param url                 endpoint override; empty means the protocol's public endpoint; {@code ws://}
 *                            only to a loopback host (checked before the engine creates any file)
 * @param idleTimeoutMs       no frame (heartbeats included) for this long means the connection is dead
 * @param reconnectInitialMs  first reconnect back-off
 * @param reconnectMaxMs      back-off cap
 * @param maxFrameBytes       largest WebSocket message accepted (fragments aggregated)
 * @param subscribePaceMs     pause between subscribe messages (Coinbase allows ~8 per second)
 * @param dedupWindow         trade ids remembered per product to drop repeats
 * @param speed               sim/replay: exchange seconds per wall second; 0 = as fast as possible
 * @param seed                sim: random seed
 * @param simHours            sim: length of the simulated session in hours; 0 = until stopped
 * @param replayFile          replay: JSON-lines tape of trades or frames
 * @param journalDir          journal: the journal to tail
 * @param pauseReadFreeFraction pause reading the socket when less than this fraction of the ring is free
 * @param level2              the level2 books ({@code feed.level2})
 */
public record FeedConfig(FeedSourceKind source, FeedProtocol protocol, String url, long idleTimeoutMs,
                         long reconnectInitialMs, long reconnectMaxMs, int maxFrameBytes, long subscribePaceMs,
                         int dedupWindow, double speed, long seed, double simHours, String replayFile,
                         String journalDir, double pauseReadFreeFraction, Level2Config level2) {

    /** Public endpoint of the Advanced Trade feed. */
    public static final String ADVANCED_TRADE_URL = "wss://advanced-trade-ws.coinbase.com";
    /** Public endpoint of the Exchange feed. */
    public static final String EXCHANGE_URL = "wss://ws-feed.exchange.coinbase.com";

    /** Reads the {@code feed} section. */
    public static FeedConfig read(ConfigNode n) {
        final FeedConfig c = new FeedConfig(
            n.choice("source", FeedSourceKind.COINBASE, FeedSourceKind.class),
            n.choice("protocol", FeedProtocol.ADVANCED_TRADE, FeedProtocol.class),
            n.string("url", ""),
            n.integer("idle_timeout_ms", 5_000, 500, 600_000),
            n.integer("reconnect_initial_ms", 500, 10, 60_000),
            n.integer("reconnect_max_ms", 30_000, 100, 600_000),
            (int) n.integer("max_frame_bytes", 1 << 20, 4_096, 64 << 20),
            n.integer("subscribe_pace_ms", 150, 0, 5_000),
            (int) n.integer("dedup_window", 4_096, 16, 1 << 20),
            n.decimal("speed", 1.0, 0.0, 1_000_000.0),
            n.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
            n.decimal("sim_hours", 0.0, 0.0, 24.0 * 365),
            n.string("replay_file", ""),
            n.string("journal_dir", ""),
            n.decimal("pause_read_free_fraction", 0.10, 0.0, 0.9),
            Level2Config.read(n.section("level2")));
        final String scheme = c.url.toLowerCase(Locale.ROOT);
        if (!c.url.isBlank() && !scheme.startsWith("wss://") && !scheme.startsWith("ws://")) {
            throw n.fail("url", "must start with wss:// (or ws:// for a loopback host), got '" + c.url + "'");
        }
        if (c.reconnectMaxMs < c.reconnectInitialMs) {
            throw n.fail("reconnect_max_ms", "must be at least reconnect_initial_ms (" + c.reconnectInitialMs + ")");
        }
        return c;
    }

    /** The largest message the transport admits: level2 snapshots when level2 is on, else max_frame_bytes. */
    public int transportFrameBytes() {
        return level2.enabled() ? Math.max(maxFrameBytes, level2.maxFrameBytes()) : maxFrameBytes;
    }

    /** The endpoint to connect to: the override, or the protocol's public endpoint. */
    public String effectiveUrl() {
        if (!url.isBlank()) {
            return url;
        }
        return protocol == FeedProtocol.EXCHANGE ? EXCHANGE_URL : ADVANCED_TRADE_URL;
    }

    /** This feed connecting to {@code newUrl} in {@code newProtocol} (the built-in exchange's loopback server). */
    public FeedConfig withEndpoint(FeedProtocol newProtocol, String newUrl) {
        return new FeedConfig(source, newProtocol, newUrl, idleTimeoutMs, reconnectInitialMs, reconnectMaxMs,
            maxFrameBytes, subscribePaceMs, dedupWindow, speed, seed, simHours, replayFile, journalDir,
            pauseReadFreeFraction, level2);
    }
}

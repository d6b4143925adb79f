package io.ringtrader.config;

/** Which Coinbase WebSocket protocol the feed speaks: {@code feed.protocol}. */
public enum FeedProtocol {
    /** Advanced Trade ({@code market_trades}, {@code level2}, {@code heartbeats}). */
    ADVANCED_TRADE,
    /** The Exchange feed ({@code matches}, {@code level2_batch}, {@code heartbeat}). */
    EXCHANGE;

    /** The name as written in engine.yaml and on the command line, e.g. {@code advanced-trade}. */
    public String configName() {
        return ConfigNode.configName(this);
    }

    @Override
    public String toString() {
        return configName();
    }
}

package io.ringtrader.config;

/** Where market data comes from: {@code feed.source}, {@code --feed}. */
public enum FeedSourceKind {
    /** Coinbase's public WebSocket feed. */
    COINBASE,
    /** The built-in exchange's seeded simulated market, over a loopback WebSocket. */
    SIM,
    /** The built-in exchange serving a recorded tape, over a loopback WebSocket. */
    REPLAY,
    /** Another engine's journal, tailed. */
    JOURNAL;

    /** The name as written in engine.yaml and on the command line, e.g. {@code coinbase}. */
    public String configName() {
        return ConfigNode.configName(this);
    }

    @Override
    public String toString() {
        return configName();
    }
}

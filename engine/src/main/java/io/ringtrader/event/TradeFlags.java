package io.ringtrader.event;

/** Bit flags carried in {@link MarketEvent#flags}. */
public final class TradeFlags {
    /** The trade came in a subscribe snapshot (it may predate the connection). */
    public static final int SNAPSHOT = 1;
    /**
     * Crash recovery: the event is re-read from this session's own journal, so the journal stages must not append
     * it (or its outputs) again.
     */
    public static final int REPLAYED = 1 << 1;
    /** The producer dropped events for this instrument just before this one (ring was full). */
    public static final int AFTER_DROP = 1 << 2;

    private TradeFlags() {
    }
}

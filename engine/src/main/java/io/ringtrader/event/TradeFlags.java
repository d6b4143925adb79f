package io.ringtrader.event;

/** Bit flags carried in {@link MarketEvent#flags}. */
public final class TradeFlags {
    /** The trade came in a subscribe snapshot (it may predate the connection). */
    public static final int SNAPSHOT = 1;
    /** The trade was replayed from a journal, not received live. */
    public static final int REPLAYED = 1 << 1;
    /** The producer dropped events for this instrument just before this one (ring was full). */
    public static final int AFTER_DROP = 1 << 2;

    private TradeFlags() {
    }
}

package io.ringtrader.event;

/** Kinds of input event a {@link MarketEvent} slot can carry; stored as a byte in the slot and in the journal. */
public final class EventType {
    /** An empty slot (should never be published). */
    public static final byte NONE = 0;
    /** One trade: instrument, exchange time, price, size, trade id. */
    public static final byte TRADE = 1;
    /** Exchange time advanced with no trade (a heartbeat); closes candles on quiet markets. */
    public static final byte HEARTBEAT = 2;
    /** Trades were lost for {@code instrumentId} (or every instrument when it is -1); {@code value} counts them. */
    public static final byte GAP = 3;
    /** Feed connection state changed; {@code value} holds a {@link FeedStatus} code. */
    public static final byte FEED_STATUS = 4;

    /**
     * A historical candle loaded at start-up (warm-up from Parquet), carried in {@link MarketEvent#history}: it
     * fills the candle store and strategy state without producing signals. Journaled as an input so that a replay
     * warms up exactly as the live session did.
     */
    public static final byte HISTORY_CANDLE = 5;

    /**
     * The top of an instrument's level2 book changed: best bid and ask with their sizes and the levels just behind
     * them, carried in {@link MarketEvent#quote}. A quote with no levels means the book is unknown (being rebuilt
     * after a gap or a reconnect, or crossed): stages must fall back to trades. Published by the feed when the top
     * levels change, at most once per product per frame, never per level2 update.
     */
    public static final byte QUOTE = 6;

    private EventType() {
    }

    /** A short lower-case name for logs and journal dumps. */
    public static String name(byte type) {
        return switch (type) {
            case TRADE -> "trade";
            case HEARTBEAT -> "heartbeat";
            case GAP -> "gap";
            case FEED_STATUS -> "feed_status";
            case HISTORY_CANDLE -> "history_candle";
            case QUOTE -> "quote";
            default -> "none";
        };
    }
}

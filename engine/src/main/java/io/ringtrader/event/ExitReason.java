package io.ringtrader.event;

/** Why an order exists: an entry, or the kind of exit it is. Stored as a byte in orders, fills and the log. */
public final class ExitReason {
    /** Not an exit: an entry (or a rebalance up to the target). */
    public static final byte NONE = 0;
    /** A SELL signal set the target below the position. */
    public static final byte SIGNAL = 1;
    public static final byte STOP_LOSS = 2;
    public static final byte TAKE_PROFIT = 3;
    public static final byte TRAILING_STOP = 4;
    /** The position was held for the maximum holding time. */
    public static final byte MAX_HOLD = 5;
    /** Drawdown protection sold everything ({@code risk.reduce_on_drawdown}). */
    public static final byte DRAWDOWN = 6;
    /** Number of codes, for per-kind counters. */
    public static final int COUNT = 7;

    private ExitReason() {
    }

    /** Lower-case name; the empty string for {@link #NONE} (the trade log's column for entries). */
    public static String name(byte reason) {
        return switch (reason) {
            case SIGNAL -> "signal";
            case STOP_LOSS -> "stop_loss";
            case TAKE_PROFIT -> "take_profit";
            case TRAILING_STOP -> "trailing_stop";
            case MAX_HOLD -> "max_hold";
            case DRAWDOWN -> "drawdown";
            default -> "";
        };
    }

    /** The reason named {@code name}; {@link #NONE} for the empty string, -1 when unknown. */
    public static byte parse(String name) {
        for (byte r = NONE; r < COUNT; r++) {
            if (name(r).equals(name)) {
                return r;
            }
        }
        return -1;
    }
}

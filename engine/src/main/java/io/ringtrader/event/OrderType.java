package io.ringtrader.event;

/** Kinds of paper order; stored as a byte in orders, fills, the journal and the state file. */
public final class OrderType {
    /** Fills in full at the next eligible trade, moved against us by the slippage; taker. */
    public static final byte MARKET = 1;
    /** Rests at its price; fills only when the tape trades through it, at its price, capped by the traded size. */
    public static final byte LIMIT = 2;
    /** A stop-market order: triggers when a trade reaches its stop price, then fills at that trade as a market. */
    public static final byte STOP = 3;
    /** A stop whose price follows the best trade price since it was armed at a fixed distance. */
    public static final byte TRAILING_STOP = 4;

    private OrderType() {
    }

    /** Lower-case name for the trade log, the state file and the journal dumps. */
    public static String name(byte type) {
        return switch (type) {
            case MARKET -> "market";
            case LIMIT -> "limit";
            case STOP -> "stop";
            case TRAILING_STOP -> "trailing_stop";
            default -> "none";
        };
    }

    /** The type named {@code name} (as written by {@link #name}), or 0 when unknown. */
    public static byte parse(String name) {
        for (byte t = MARKET; t <= TRAILING_STOP; t++) {
            if (name(t).equals(name)) {
                return t;
            }
        }
        return 0;
    }
}

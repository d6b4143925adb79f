package io.ringtrader.event;

/** Trade and order sides as bytes (Coinbase reports the maker side for trades; do not rely on it). */
public final class Side {
    public static final byte UNKNOWN = 0;
    public static final byte BUY = 1;
    public static final byte SELL = 2;

    private Side() {
    }

    /** "BUY", "SELL" or "UNKNOWN". */
    public static String name(byte side) {
        return side == BUY ? "BUY" : side == SELL ? "SELL" : "UNKNOWN";
    }

    /** The side named {@code name} as written by {@link #name}; {@link #UNKNOWN} otherwise. */
    public static byte parse(String name) {
        return "BUY".equals(name) ? BUY : "SELL".equals(name) ? SELL : UNKNOWN;
    }
}

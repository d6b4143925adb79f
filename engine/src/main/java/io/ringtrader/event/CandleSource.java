package io.ringtrader.event;

/**
 * Where a candle came from, stored with it in the Parquet archive ({@code source} column): built by the candle stage
 * from trades, downloaded from Coinbase's REST candles endpoint, or downloaded to repair a minute the live engine
 * had marked incomplete. Constants only.
 */
public final class CandleSource {
    /** Built from trades by the candle stage (the default, and what files without the column hold). */
    public static final byte TRADES = 0;
    /** Downloaded from the REST candles endpoint into a minute the archive did not have. */
    public static final byte REST = 1;
    /** Downloaded from REST over a trade-built minute that was marked incomplete. */
    public static final byte REST_REPAIR = 2;

    private static final String[] NAMES = {"trades", "rest", "rest_repair"};

    private CandleSource() {
    }

    /** The stored name of {@code source}: {@code trades}, {@code rest} or {@code rest_repair}. */
    public static String name(byte source) {
        return source >= 0 && source < NAMES.length ? NAMES[source] : NAMES[TRADES];
    }

    /** The source stored as {@code name}; throws for a name this version does not know. */
    public static byte parse(String name) {
        for (byte i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown candle source '" + name + "'");
    }
}

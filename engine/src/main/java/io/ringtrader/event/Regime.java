package io.ringtrader.event;

/** Market regimes the strategy stage detects per symbol, as bytes. */
public final class Regime {
    public static final byte UNKNOWN = 0;
    public static final byte TRENDING_UP = 1;
    public static final byte TRENDING_DOWN = 2;
    public static final byte RANGING = 3;
    public static final byte HIGH_VOLATILITY = 4;

    private Regime() {
    }

    /** Lower-case name, as written to the trade log and journal dumps. */
    public static String name(byte regime) {
        return switch (regime) {
            case TRENDING_UP -> "trending_up";
            case TRENDING_DOWN -> "trending_down";
            case RANGING -> "ranging";
            case HIGH_VOLATILITY -> "high_volatility";
            default -> "unknown";
        };
    }
}

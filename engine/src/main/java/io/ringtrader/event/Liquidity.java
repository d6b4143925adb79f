package io.ringtrader.event;

/** Whether a fill added liquidity (maker fee) or took it (taker fee). */
public final class Liquidity {
    public static final byte MAKER = 1;
    public static final byte TAKER = 2;

    private Liquidity() {
    }

    /** Lower-case name. */
    public static String name(byte liquidity) {
        return switch (liquidity) {
            case MAKER -> "maker";
            case TAKER -> "taker";
            default -> "none";
        };
    }
}

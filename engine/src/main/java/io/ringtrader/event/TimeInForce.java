package io.ringtrader.event;

/** How long a limit order may rest; stored as a byte. */
public final class TimeInForce {
    /** Good till cancelled (or until its expiry time, when it has one). */
    public static final byte GTC = 1;
    /** Immediate or cancel: matched against the first eligible trade only, the rest cancelled. */
    public static final byte IOC = 2;
    /** Maker only: rejected when it would take liquidity at placement. */
    public static final byte POST_ONLY = 3;

    private TimeInForce() {
    }

    /** Lower-case name. */
    public static String name(byte tif) {
        return switch (tif) {
            case GTC -> "gtc";
            case IOC -> "ioc";
            case POST_ONLY -> "post_only";
            default -> "none";
        };
    }

    /** The time in force named {@code name}, or 0 when unknown. */
    public static byte parse(String name) {
        for (byte t = GTC; t <= POST_ONLY; t++) {
            if (name(t).equals(name)) {
                return t;
            }
        }
        return 0;
    }
}

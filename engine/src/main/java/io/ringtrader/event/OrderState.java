package io.ringtrader.event;

/** The states an order passes through; every change is an {@link OrderUpdate} in the journal. */
public final class OrderState {
    /** Placed and working (a stop: armed, waiting for its trigger). */
    public static final byte ACCEPTED = 1;
    /** A stop's trigger was reached; it now fills as a market order. */
    public static final byte TRIGGERED = 2;
    public static final byte PARTIALLY_FILLED = 3;
    public static final byte FILLED = 4;
    public static final byte CANCELLED = 5;
    /** Its expiry time passed (an entry limit not filled in time). */
    public static final byte EXPIRED = 6;
    /** Refused at placement (the reason bits say why). */
    public static final byte REJECTED = 7;
    /** Its quantity or price was amended in place (cancel and replace, same id). */
    public static final byte REPLACED = 8;
    /** Number of codes, for per-state counters. */
    public static final int COUNT = 9;

    private OrderState() {
    }

    /** True for the states an order can leave again. */
    public static boolean open(byte state) {
        return state == ACCEPTED || state == TRIGGERED || state == PARTIALLY_FILLED || state == REPLACED;
    }

    /** Lower-case name. */
    public static String name(byte state) {
        return switch (state) {
            case ACCEPTED -> "accepted";
            case TRIGGERED -> "triggered";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELLED -> "cancelled";
            case EXPIRED -> "expired";
            case REJECTED -> "rejected";
            case REPLACED -> "replaced";
            default -> "none";
        };
    }

    /** The state named {@code name}, or 0 when unknown. */
    public static byte parse(String name) {
        for (byte s = ACCEPTED; s < COUNT; s++) {
            if (name(s).equals(name)) {
                return s;
            }
        }
        return 0;
    }
}

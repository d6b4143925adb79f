package io.ringtrader.event;

/** What a strategy vote or a combined signal asks for, as a byte. */
public final class Action {
    public static final byte HOLD = 0;
    public static final byte BUY = 1;
    public static final byte SELL = 2;

    private Action() {
    }

    /** "HOLD", "BUY" or "SELL". */
    public static String name(byte action) {
        return action == BUY ? "BUY" : action == SELL ? "SELL" : "HOLD";
    }
}

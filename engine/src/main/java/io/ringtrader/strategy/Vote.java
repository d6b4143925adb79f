package io.ringtrader.strategy;

import io.ringtrader.event.Action;

/**
 * One strategy's opinion on its instrument: an {@link Action}, a confidence in [0, 1] and a reason code (the
 * strategy's own constants; 0 and 1 are shared). A mutable, reused holder: {@link Strategy#vote} fills it in place.
 * Single-threaded.
 */
public final class Vote {
    /** No particular reason (plain HOLD). */
    public static final int REASON_NONE = 0;
    /** Not enough candles yet for the indicators. */
    public static final int REASON_WARMING_UP = 1;

    public byte action;
    public double confidence;
    public int reasonCode;

    /** Sets the vote; the confidence is clamped to [0, 1] (NaN becomes 0). */
    public void set(byte voteAction, double voteConfidence, int reason) {
        action = voteAction;
        confidence = voteConfidence >= 1.0 ? 1.0 : voteConfidence > 0.0 ? voteConfidence : 0.0;
        reasonCode = reason;
    }

    /** HOLD with no confidence. */
    public void hold(int reason) {
        set(Action.HOLD, 0.0, reason);
    }
}

package io.ringtrader.event;

/**
 * One combined trading signal for one instrument, with the regime and every strategy's vote behind it.
 * Mutable and reusable: lives inside a ring slot's {@link SignalBatch}.
 */
public final class Signal {
    /** Most strategies whose votes one signal can carry. */
    public static final int MAX_VOTES = 16;

    public int instrumentId;
    /** Exchange time the signal was generated at, epoch nanoseconds. */
    public long timestampNs;
    public byte action;
    /** Combined confidence in [0, 1]. */
    public double confidence;
    public byte regime;
    /** Id of the strategy whose vote weighed most (see the strategy registry for names); -1 if none. */
    public int leadStrategyId;
    /** True when the confidence was under the threshold: journaled, but not traded. */
    public boolean filtered;
    /** Last close the signal was computed on (E8). */
    public long referencePriceE8;
    public int voteCount;
    public final int[] voteStrategyIds = new int[MAX_VOTES];
    public final byte[] voteActions = new byte[MAX_VOTES];
    public final double[] voteConfidences = new double[MAX_VOTES];

    /** Clears the votes so the slot can be refilled. */
    public void reset() {
        voteCount = 0;
        leadStrategyId = -1;
        filtered = false;
        action = Action.HOLD;
        confidence = 0;
    }

    /** Appends one strategy's vote; extra votes beyond {@link #MAX_VOTES} are ignored. */
    public void addVote(int strategyId, byte voteAction, double voteConfidence) {
        if (voteCount < MAX_VOTES) {
            voteStrategyIds[voteCount] = strategyId;
            voteActions[voteCount] = voteAction;
            voteConfidences[voteCount] = voteConfidence;
            voteCount++;
        }
    }

    /** Copies every field of {@code other} into this signal. */
    public void copyFrom(Signal other) {
        instrumentId = other.instrumentId;
        timestampNs = other.timestampNs;
        action = other.action;
        confidence = other.confidence;
        regime = other.regime;
        leadStrategyId = other.leadStrategyId;
        filtered = other.filtered;
        referencePriceE8 = other.referencePriceE8;
        voteCount = other.voteCount;
        System.arraycopy(other.voteStrategyIds, 0, voteStrategyIds, 0, voteCount);
        System.arraycopy(other.voteActions, 0, voteActions, 0, voteCount);
        System.arraycopy(other.voteConfidences, 0, voteConfidences, 0, voteCount);
    }
}

package io.ringtrader.strategy;

import io.ringtrader.event.Action;

/**
 * What the strategy stage counted: candles, signals by outcome, and every strategy's votes. Written only by the
 * stage's thread (plain fields, no allocation); a metrics thread may read them and see slightly stale values.
 */
public final class StrategyCounters {
    long candlesSeen;
    long warmUpCandles;
    long incompleteCandles;
    long unknownInstrumentCandles;
    long outOfOrderCandles;
    long signalsWritten;
    long actionableSignals;
    long filteredSignals;
    long holdResults;
    long rateLimited;
    long batchFull;
    long strategyFailures;
    private final long[] buyVotes;
    private final long[] sellVotes;
    private final long[] holdVotes;

    StrategyCounters(int strategyCount) {
        buyVotes = new long[strategyCount];
        sellVotes = new long[strategyCount];
        holdVotes = new long[strategyCount];
    }

    void vote(int strategyId, byte action) {
        if (action == Action.BUY) {
            buyVotes[strategyId]++;
        } else if (action == Action.SELL) {
            sellVotes[strategyId]++;
        } else {
            holdVotes[strategyId]++;
        }
    }

    /** Candles fed through {@link StrategyHandler#onCandle} (the ring or a backtest), known instruments. */
    public long candlesSeen() {
        return candlesSeen;
    }

    /** Candles fed through {@link StrategyHandler#warmUp}. */
    public long warmUpCandles() {
        return warmUpCandles;
    }

    /** Candles that updated state but could not signal because they were incomplete. */
    public long incompleteCandles() {
        return incompleteCandles;
    }

    /** Candles for an instrument id outside the table (ignored). */
    public long unknownInstrumentCandles() {
        return unknownInstrumentCandles;
    }

    /** Candles ignored because their minute was not after the instrument's last one (duplicates, overlap). */
    public long outOfOrderCandles() {
        return outOfOrderCandles;
    }

    /** Signals written (actionable + filtered). */
    public long signalsWritten() {
        return signalsWritten;
    }

    /** BUY/SELL signals at or above the confidence threshold. */
    public long actionableSignals() {
        return actionableSignals;
    }

    /** Signals written with {@code filtered = true} (low confidence, or HOLD when emitted). */
    public long filteredSignals() {
        return filteredSignals;
    }

    /** Evaluations whose combined action was HOLD (written or not). */
    public long holdResults() {
        return holdResults;
    }

    /** Evaluations skipped because the instrument signalled less than the interval ago. */
    public long rateLimited() {
        return rateLimited;
    }

    /** Signals lost because the slot's signal batch was full. */
    public long batchFull() {
        return batchFull;
    }

    /** Strategies switched off for an instrument because they threw (each logged once). */
    public long strategyFailures() {
        return strategyFailures;
    }

    /** BUY votes cast by strategy {@code strategyId} in evaluations. */
    public long buyVotes(int strategyId) {
        return buyVotes[strategyId];
    }

    /** SELL votes cast by strategy {@code strategyId} in evaluations. */
    public long sellVotes(int strategyId) {
        return sellVotes[strategyId];
    }

    /** HOLD votes cast by strategy {@code strategyId} in evaluations. */
    public long holdVotes(int strategyId) {
        return holdVotes[strategyId];
    }
}

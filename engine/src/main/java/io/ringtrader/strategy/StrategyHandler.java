package io.ringtrader.strategy;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OutputBatch;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Signal;
import java.util.Arrays;

/**
 * The strategy stage: for every candle in {@code event.closedCandles} it updates that instrument's regime detector
 * and strategies, then may combine the strategies' votes, weighted by regime, into one {@link Signal} in
 * {@code event.signals}.
 *
 * <p>Rules: every candle updates state, but only a {@link Candle#complete complete} candle can produce a signal.
 * An instrument signals once it has seen {@code min_candles} candles (warm-up included) and at least
 * {@code signal_interval_seconds} of exchange time passed since its last ACTIONABLE signal (BUY/SELL at or above
 * {@code confidence_threshold}); in between nothing is written (counted as rate-limited). Signals under the
 * threshold are written with {@code filtered = true}; HOLD results are written filtered when
 * {@code emit_holds} is set, else omitted. The signal's time is the candle's close (open + 60 s).
 *
 * <p>Runs on one consumer thread (fused or its own); also usable off the ring (backtest) through
 * {@link #onCandle}. Deterministic: same candles give the same signals bit for bit. Allocation-free per candle.
 * Counters are plain fields written by that thread; other threads may read slightly stale values.
 */
public final class StrategyHandler implements EventHandler<MarketEvent> {
    /** Candles are one minute long: a signal is stamped with the candle's close. */
    public static final long CANDLE_NS = 60_000_000_000L;
    private static final long NEVER = Long.MIN_VALUE;

    private final StrategyConfig config;
    private final int instrumentCount;
    private final int strategyCount;
    private final Strategy[][] strategies;
    private final RegimeDetector[] regimes;
    private final double[][] weights;
    private final long[] candleCounts;
    private final long[] lastSignalNs;
    private final long intervalNs;
    private final Vote vote = new Vote();
    private final byte[] scratchActions;
    private final double[] scratchConfidences;
    private final long[] buyVotes;
    private final long[] sellVotes;
    private final long[] holdVotes;
    private long candlesSeen;
    private long warmUpCandles;
    private long incompleteCandles;
    private long unknownInstrumentCandles;
    private long signalsWritten;
    private long actionableSignals;
    private long filteredSignals;
    private long holdResults;
    private long rateLimited;
    private long batchFull;

    /** A stage running {@code registry}'s strategies for instruments {@code 0..instrumentCount-1}. */
    public StrategyHandler(StrategyConfig config, StrategyRegistry registry, int instrumentCount) {
        this.config = config;
        this.instrumentCount = instrumentCount;
        this.strategyCount = registry.size();
        if (strategyCount > Signal.MAX_VOTES) {
            throw new IllegalArgumentException("at most " + Signal.MAX_VOTES + " strategies, got " + strategyCount);
        }
        strategies = new Strategy[instrumentCount][strategyCount];
        regimes = new RegimeDetector[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            regimes[i] = new RegimeDetector(config.regime());
            for (int s = 0; s < strategyCount; s++) {
                strategies[i][s] = registry.strategy(s).factory().create(i);
            }
        }
        weights = new double[strategyCount][Regime.HIGH_VOLATILITY + 1];
        for (int s = 0; s < strategyCount; s++) {
            for (byte r = 0; r <= Regime.HIGH_VOLATILITY; r++) {
                weights[s][r] = registry.strategy(s).weights().weight(r);
            }
        }
        candleCounts = new long[instrumentCount];
        lastSignalNs = new long[instrumentCount];
        Arrays.fill(lastSignalNs, NEVER);
        intervalNs = config.signalIntervalSeconds() * 1_000_000_000L;
        buyVotes = new long[strategyCount];
        sellVotes = new long[strategyCount];
        holdVotes = new long[strategyCount];
        scratchActions = new byte[strategyCount];
        scratchConfidences = new double[strategyCount];
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        final OutputBatch<Candle> candles = event.closedCandles;
        for (int i = 0; i < candles.size(); i++) {
            onCandle(candles.get(i), event.signals);
        }
    }

    /** History loaded at start-up: updates state, never signals. */
    public void warmUp(Candle candle) {
        if (update(candle)) {
            warmUpCandles++;
        }
    }

    /**
     * Feeds one closed candle and writes the resulting signal, if any, into {@code out}; returns it (null when
     * nothing was written). The backtest calls this directly.
     */
    public Signal onCandle(Candle candle, OutputBatch<Signal> out) {
        if (!update(candle)) {
            return null;
        }
        candlesSeen++;
        final int id = candle.instrumentId;
        if (!candle.complete) {
            incompleteCandles++;
            return null;
        }
        if (candleCounts[id] < config.minCandles()) {
            return null;
        }
        final long closeNs = candle.openTimeNs + CANDLE_NS;
        if (lastSignalNs[id] != NEVER && closeNs - lastSignalNs[id] < intervalNs) {
            rateLimited++;
            return null;
        }
        return combine(id, candle, closeNs, out);
    }

    private boolean update(Candle candle) {
        final int id = candle.instrumentId;
        if (id < 0 || id >= instrumentCount) {
            unknownInstrumentCandles++;
            return false;
        }
        regimes[id].update(candle);
        final Strategy[] row = strategies[id];
        for (int s = 0; s < strategyCount; s++) {
            row[s].onCandle(candle);
        }
        candleCounts[id]++;
        return true;
    }

    private Signal combine(int id, Candle candle, long closeNs, OutputBatch<Signal> out) {
        final byte regime = regimes[id].regime();
        final Strategy[] row = strategies[id];
        double buy = 0;
        double sell = 0;
        double total = 0;
        // first pass: weighted sums per side
        for (int s = 0; s < strategyCount; s++) {
            row[s].vote(vote);
            scratchActions[s] = vote.action;
            scratchConfidences[s] = vote.confidence;
            count(s, vote.action);
            final double w = weights[s][regime];
            total += w;
            if (vote.action == Action.BUY) {
                buy += w * vote.confidence;
            } else if (vote.action == Action.SELL) {
                sell += w * vote.confidence;
            }
        }
        final byte action = buy > sell ? Action.BUY : sell > buy ? Action.SELL : Action.HOLD;
        final double confidence = total > 0 ? Math.min(1.0, Math.abs(buy - sell) / total) : 0.0;
        if (action == Action.HOLD) {
            holdResults++;
            if (!config.emitHolds()) {
                return null;
            }
        }
        final Signal signal = out.add();
        if (signal == null) {
            batchFull++;
            return null;
        }
        signal.reset();
        signal.instrumentId = id;
        signal.timestampNs = closeNs;
        signal.action = action;
        signal.confidence = confidence;
        signal.regime = regime;
        signal.referencePriceE8 = candle.closeE8;
        signal.filtered = action == Action.HOLD || confidence < config.confidenceThreshold();
        // second pass: record every vote and find the lead (largest weighted contribution to the winning side)
        double leadContribution = 0;
        for (int s = 0; s < strategyCount; s++) {
            signal.addVote(s, scratchActions[s], scratchConfidences[s]);
            final double contribution = weights[s][regime] * scratchConfidences[s];
            if (action != Action.HOLD && scratchActions[s] == action && contribution > leadContribution) {
                leadContribution = contribution;
                signal.leadStrategyId = s;
            }
        }
        signalsWritten++;
        if (signal.filtered) {
            filteredSignals++;
        } else {
            actionableSignals++;
            lastSignalNs[id] = closeNs;
        }
        return signal;
    }

    private void count(int strategyId, byte action) {
        if (action == Action.BUY) {
            buyVotes[strategyId]++;
        } else if (action == Action.SELL) {
            sellVotes[strategyId]++;
        } else {
            holdVotes[strategyId]++;
        }
    }

    /** Current regime of {@code instrumentId}. */
    public byte regime(int instrumentId) {
        return regimes[instrumentId].regime();
    }

    /** Candles fed through {@link #onCandle} (the ring or a backtest) for known instruments. */
    public long candlesSeen() {
        return candlesSeen;
    }

    /** Candles fed through {@link #warmUp}. */
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

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
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The strategy stage: for every candle in {@code event.closedCandles} it updates that instrument's regime detector
 * and strategies, then may combine the strategies' votes, weighted by regime, into one {@link Signal} in
 * {@code event.signals}.
 *
 * <p>Rules: every candle updates state, but only a {@link Candle#complete complete} candle can produce a
 * signal; a candle whose minute is not after the instrument's previous one is ignored and counted (history
 * overlapping the live feed is never applied twice). An instrument signals once it has seen {@code min_candles}
 * candles (warm-up included) and at least {@code signal_interval_seconds} of exchange time passed since its last
 * ACTIONABLE signal (BUY/SELL at or above {@code confidence_threshold}); in between nothing is written (counted
 * as rate-limited). Signals under the threshold are written with {@code filtered = true}; HOLD results are
 * written filtered when {@code emit_holds} is set, else omitted. The signal's time is the candle's close
 * (open + 60 s). Votes are combined by {@link VoteCombiner}.
 *
 * <p>Runs on one consumer thread (fused or its own); also usable off the ring (backtest) through
 * {@link #onCandle}. Deterministic: same candles give the same signals bit for bit. Allocation-free per candle.
 * See {@link StrategyCounters} for what it counts.
 */
public final class StrategyHandler implements EventHandler<MarketEvent> {
    /** Candles are one minute long: a signal is stamped with the candle's close. */
    public static final long CANDLE_NS = 60_000_000_000L;
    private static final long NEVER = Long.MIN_VALUE;
    private static final Logger LOG = LogManager.getLogger(StrategyHandler.class);

    private final StrategyConfig config;
    private final int instrumentCount;
    private final int strategyCount;
    private final Strategy[][] strategies;
    /** A strategy that threw is switched off for that instrument (votes HOLD): its state can no longer be trusted. */
    private final boolean[][] failed;
    private final StrategyRegistry registry;
    private final RegimeDetector[] regimes;
    private final double[][] weights;
    private final long[] candleCounts;
    private final long[] lastOpenTimeNs;
    private final long[] lastSignalNs;
    private final long intervalNs;
    private final Vote vote = new Vote();
    private final byte[] scratchActions;
    private final double[] scratchConfidences;
    private final double[] scratchWeights;
    private final VoteCombiner combiner = new VoteCombiner();
    private final StrategyCounters counters;
    /** Which strategies vote now; the others keep their indicators warm so a re-selection takes effect at once. */
    private final boolean[] enabled;
    private int enabledCount;
    private final StrategyReselector reselector;
    private boolean eventReplayed;

    /** A stage running all of {@code registry}'s strategies for instruments {@code 0..instrumentCount-1}. */
    public StrategyHandler(StrategyConfig config, StrategyRegistry registry, int instrumentCount) {
        this(config, registry, instrumentCount, registry.size(), null);
    }

    /**
     * A stage where the first {@code initiallyEnabled} strategies of {@code registry} vote and the rest only keep
     * warm; {@code reselector} (may be null) re-chooses the voting set on its schedule.
     */
    public StrategyHandler(StrategyConfig config, StrategyRegistry registry, int instrumentCount,
                           int initiallyEnabled, StrategyReselector reselector) {
        this.config = config;
        this.reselector = reselector;
        this.instrumentCount = instrumentCount;
        this.strategyCount = registry.size();
        this.registry = registry;
        failed = new boolean[instrumentCount][strategyCount];
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
        lastOpenTimeNs = new long[instrumentCount];
        Arrays.fill(lastOpenTimeNs, NEVER);
        Arrays.fill(lastSignalNs, NEVER);
        intervalNs = config.signalIntervalSeconds() * 1_000_000_000L;
        counters = new StrategyCounters(strategyCount);
        scratchActions = new byte[strategyCount];
        scratchConfidences = new double[strategyCount];
        scratchWeights = new double[strategyCount];
        enabled = new boolean[strategyCount];
        enabledCount = Math.max(1, Math.min(initiallyEnabled, strategyCount));
        for (int s = 0; s < enabledCount; s++) {
            enabled[s] = true;
        }
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        if (event.type == io.ringtrader.event.EventType.HISTORY_CANDLE) {
            warmUp(event.history);
            return;
        }
        eventReplayed = (event.flags & io.ringtrader.event.TradeFlags.REPLAYED) != 0;
        final long selectionsBefore = reselector == null ? 0 : reselector.selections();
        final OutputBatch<Candle> candles = event.closedCandles;
        for (int i = 0; i < candles.size(); i++) {
            onCandle(candles.get(i), event.signals);
        }
        if (reselector != null && reselector.selections() != selectionsBefore) {
            event.edgeChange = reselector.lastHadEdge() ? MarketEvent.EDGE : MarketEvent.NO_EDGE;
        }
    }

    /** History loaded at start-up: updates state, never signals. */
    public void warmUp(Candle candle) {
        if (update(candle)) {
            counters.warmUpCandles++;
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
        counters.candlesSeen++;
        final int id = candle.instrumentId;
        if (reselector != null) {
            final List<String> chosen = reselector.maybeSelect(candle.openTimeNs + CANDLE_NS, !eventReplayed);
            if (chosen != null) {
                enable(chosen);
            }
        }
        if (!candle.complete) {
            counters.incompleteCandles++;
            return null;
        }
        if (candleCounts[id] < config.minCandles()) {
            return null;
        }
        final long closeNs = candle.openTimeNs + CANDLE_NS;
        if (lastSignalNs[id] != NEVER && closeNs - lastSignalNs[id] < intervalNs) {
            counters.rateLimited++;
            return null;
        }
        return combine(id, candle, closeNs, out);
    }

    private boolean update(Candle candle) {
        final int id = candle.instrumentId;
        if (id < 0 || id >= instrumentCount) {
            counters.unknownInstrumentCandles++;
            return false;
        }
        if (candle.openTimeNs <= lastOpenTimeNs[id]) {
            // a minute seen before (history overlapping the live feed, a replayed batch): never count it twice
            counters.outOfOrderCandles++;
            return false;
        }
        lastOpenTimeNs[id] = candle.openTimeNs;
        regimes[id].update(candle);
        final Strategy[] row = strategies[id];
        final boolean[] off = failed[id];
        for (int s = 0; s < strategyCount; s++) {
            if (!off[s]) {
                try {
                    row[s].onCandle(candle);
                } catch (RuntimeException e) {
                    fail(id, s, e);
                }
            }
        }
        candleCounts[id]++;
        if (reselector != null) {
            reselector.record(candle);
        }
        return true;
    }

    /** Makes exactly the named strategies vote (names not in the registry are ignored; at least one votes). */
    void enable(List<String> names) {
        int count = 0;
        for (int s = 0; s < strategyCount; s++) {
            enabled[s] = names.contains(registry.name(s));
            if (enabled[s]) {
                count++;
            }
        }
        if (count == 0) {
            enabled[0] = true;
            count = 1;
        }
        enabledCount = count;
    }

    /** True when strategy {@code id} votes now. */
    public boolean enabled(int strategyId) {
        return enabled[strategyId];
    }

    private Signal combine(int id, Candle candle, long closeNs, OutputBatch<Signal> out) {
        final byte regime = regimes[id].regime();
        final Strategy[] row = strategies[id];
        final boolean[] off = failed[id];
        for (int s = 0; s < strategyCount; s++) {
            if (!enabled[s]) {
                scratchActions[s] = Action.HOLD;
                scratchConfidences[s] = 0;
                scratchWeights[s] = 0;
                continue;
            }
            vote.hold(Vote.REASON_NONE);
            if (!off[s]) {
                try {
                    row[s].vote(vote);
                } catch (RuntimeException e) {
                    fail(id, s, e);
                    vote.hold(Vote.REASON_NONE);
                }
            }
            scratchActions[s] = vote.action;
            scratchConfidences[s] = vote.confidence;
            scratchWeights[s] = weights[s][regime];
            counters.vote(s, vote.action);
        }
        combiner.combine(scratchActions, scratchConfidences, scratchWeights, strategyCount, enabledCount);
        final byte action = combiner.action();
        if (action == Action.HOLD) {
            counters.holdResults++;
            if (!config.emitHolds()) {
                return null;
            }
        }
        final Signal signal = out.add();
        if (signal == null) {
            counters.batchFull++;
            return null;
        }
        signal.reset();
        signal.instrumentId = id;
        signal.timestampNs = closeNs;
        signal.action = action;
        signal.confidence = combiner.confidence();
        signal.regime = regime;
        signal.leadStrategyId = combiner.leadStrategyId();
        signal.referencePriceE8 = candle.closeE8;
        signal.filtered = action == Action.HOLD || signal.confidence < config.confidenceThreshold();
        for (int s = 0; s < strategyCount; s++) {
            if (enabled[s]) {
                signal.addVote(s, scratchActions[s], scratchConfidences[s]);
            }
        }
        counters.signalsWritten++;
        if (signal.filtered) {
            counters.filteredSignals++;
        } else {
            counters.actionableSignals++;
            lastSignalNs[id] = closeNs;
        }
        return signal;
    }


    private void fail(int instrumentId, int strategyId, RuntimeException e) {
        // never let a strategy's bug escape into the ring: switch it off for this instrument, count, log once
        failed[instrumentId][strategyId] = true;
        counters.strategyFailures++;
        LOG.error("strategy {} threw on instrument {}; it votes HOLD for that instrument from now on",
            registry.name(strategyId), instrumentId, e);
    }

    /** Current regime of {@code instrumentId}. */
    public byte regime(int instrumentId) {
        return regimes[instrumentId].regime();
    }

    /** What this stage counted so far. */
    public StrategyCounters counters() {
        return counters;
    }

    /** True unless a strategy re-selection is computing off the ring. */
    public boolean reselectionIdle() {
        return reselector == null || reselector.idle();
    }
}

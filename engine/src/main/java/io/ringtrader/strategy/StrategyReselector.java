package io.ringtrader.strategy;

import io.ringtrader.candle.CandleStore;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Rfc3339;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Re-chooses the active strategies on a schedule in exchange time (every {@code strategies.selection
 * .interval_hours}, on the boundaries of that interval, e.g. daily at 00:00 UTC): every candidate is evaluated
 * walk-forward by the {@link StrategySelector} on the candles the strategy stage has seen (its own copy of the last
 * days), and the best ones become the active set.
 * <p>The evaluation runs every candidate through the order layer over days of candles (seconds of work), so it
 * must not hold up the stage: at the boundary the stage copies the history and hands it to a background thread,
 * keeps trading with the current set, and takes the result at the first candle closing {@code apply_after_minutes}
 * of exchange time after the boundary, waiting for it only if it is not done by then (replay at full speed).
 * Deterministic: the same candles give the same choices, applied at the same exchange times, so replay and recovery
 * reproduce them.
 */
public final class StrategyReselector {
    private boolean lastHadEdge = true;
    private static final Logger LOG = LogManager.getLogger(StrategyReselector.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final StrategySelector selector;
    private final CandleStore history;
    private final List<String> candidates;
    private final long intervalNs;
    private final long applyAfterNs;
    private final Consumer<String> notes;
    /** One worker, started on demand and gone when idle, so an engine that stops leaves no thread behind. */
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
            final Thread t = new Thread(r, "strategy-selection");
            t.setDaemon(true);
            return t;
        });
    private long nextDueNs = NEVER;
    private long selections;
    private Future<StrategySelector.Selection> pending;
    /** The voting set now: the incumbents a re-selection is biased towards (see {@code switch_margin}). */
    private List<String> active;
    private long pendingBoundaryNs;
    private long pendingStartedNs;

    /**
     * Evaluates {@code candidates} (the first {@code initiallyActive} of them vote at the start) every
     * {@code intervalNs} of exchange time over up to {@code retentionDays} of candles of {@code instrumentCount}
     * instruments, applying each choice {@code applyAfterNs} after its boundary; each choice is logged and handed
     * to {@code notes} (journal).
     */
    public StrategyReselector(StrategySelector selector, List<String> candidates, int initiallyActive,
                              int instrumentCount, int retentionDays, long intervalNs, long applyAfterNs,
                              Consumer<String> notes) {
        if (intervalNs <= 0 || applyAfterNs < 0 || applyAfterNs >= intervalNs) {
            throw new IllegalArgumentException("need 0 <= apply delay < interval, got " + applyAfterNs + " and "
                + intervalNs);
        }
        this.applyAfterNs = applyAfterNs;
        this.selector = selector;
        this.candidates = List.copyOf(candidates);
        this.active = List.copyOf(candidates.subList(0, Math.max(1, Math.min(initiallyActive, candidates.size()))));
        this.history = new CandleStore(instrumentCount, retentionDays);
        this.intervalNs = intervalNs;
        this.notes = notes;
    }

    /** Remembers one accepted candle (warm-up or live). */
    void record(Candle candle) {
        history.append(candle);
    }

    /**
     * Called for each accepted candle closing at {@code closeNs}: starts an evaluation when a schedule boundary was
     * crossed, and returns its choice once {@code closeNs} is {@code apply_after} past that boundary, else null. The
     * first boundary is the one after the first candle seen.
     */
    List<String> maybeSelect(long closeNs, boolean journal) {
        List<String> chosen = null;
        if (pending != null && closeNs >= pendingBoundaryNs + applyAfterNs) {
            chosen = apply(journal);
        }
        if (nextDueNs == NEVER) {
            nextDueNs = (Math.floorDiv(closeNs, intervalNs) + 1) * intervalNs;
            return chosen;
        }
        if (closeNs < nextDueNs) {
            return chosen;
        }
        if (pending != null) {
            // a jump over a whole interval (a long gap in the data): the older evaluation is applied now
            chosen = apply(journal);
        }
        pendingBoundaryNs = nextDueNs;
        nextDueNs = (Math.floorDiv(closeNs, intervalNs) + 1) * intervalNs;
        final List<Candle[]> perInstrument = new ArrayList<>();
        for (int id = 0; id < history.instrumentCount(); id++) {
            final Candle[] candles = new Candle[history.size(id)];
            for (int i = 0; i < candles.length; i++) {
                candles[i] = new Candle();
                history.get(id, i, candles[i]);
            }
            perInstrument.add(candles);
        }
        pendingStartedNs = System.nanoTime();
        final List<String> incumbents = active;
        pending = worker.submit(() -> selector.select(perInstrument, candidates, incumbents));
        if (applyAfterNs == 0) {
            chosen = apply(journal);
        }
        return chosen;
    }

    /** Takes the pending evaluation's result (waiting for it if need be), logs and journals it. */
    private List<String> apply(boolean journal) {
        final StrategySelector.Selection selection;
        try {
            selection = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the strategy re-selection", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("strategy re-selection failed", e.getCause());
        } finally {
            pending = null;
        }
        final long tookMs = (System.nanoTime() - pendingStartedNs) / 1_000_000;
        selections++;
        lastHadEdge = !selection.reason().contains(StrategySelector.NO_EDGE);
        final StringBuilder text = new StringBuilder("strategy-reselection at=");
        Rfc3339.appendSeconds(text, pendingBoundaryNs);
        text.append(" active=").append(String.join(",", selection.chosen())).append(" reason=")
            .append(selection.reason());
        LOG.info("{} (applied {} min later; {} ms of wall time from start to use)", text,
            applyAfterNs / 60_000_000_000L, tookMs);
        for (String line : selection.evidence(selector.metric())) {
            LOG.info("Strategy re-selection: {}", line);
        }
        if (journal && notes != null) {
            notes.accept(text.toString());
        }
        active = selection.chosen();
        return selection.chosen();
    }

    /** True when the last selection found a strategy with a positive score net of costs. */
    public boolean lastHadEdge() {
        return lastHadEdge;
    }

    /** True when no evaluation is computing on the worker (what is pending is not state a snapshot can hold). */
    public boolean idle() {
        return pending == null;
    }

    /** Selections run so far. */
    public long selections() {
        return selections;
    }
}

package io.ringtrader.strategy;

import io.ringtrader.candle.CandleStore;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Rfc3339;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Re-chooses the active strategies on a schedule in exchange time (every {@code strategies.selection
 * .interval_hours}, on the boundaries of that interval, e.g. daily at 00:00 UTC): every candidate is evaluated
 * walk-forward by the {@link StrategySelector} on the candles the strategy stage has seen (its own copy of the last
 * days), and the best ones become the active set. Runs on the strategy stage's thread, once per interval (tens of
 * milliseconds; allocation is fine there). Deterministic: the same candles give the same choices at the same
 * exchange times, so replay and recovery reproduce them.
 */
public final class StrategyReselector {
    private boolean lastHadEdge = true;
    private static final Logger LOG = LogManager.getLogger(StrategyReselector.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final StrategySelector selector;
    private final CandleStore history;
    private final List<String> candidates;
    private final long intervalNs;
    private final Consumer<String> notes;
    private long nextDueNs = NEVER;
    private long selections;

    /**
     * Evaluates {@code candidates} every {@code intervalNs} of exchange time over up to {@code retentionDays} of
     * candles of {@code instrumentCount} instruments; each choice is logged and handed to {@code notes} (journal).
     */
    public StrategyReselector(StrategySelector selector, List<String> candidates, int instrumentCount,
                              int retentionDays, long intervalNs, Consumer<String> notes) {
        if (intervalNs <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.selector = selector;
        this.candidates = List.copyOf(candidates);
        this.history = new CandleStore(instrumentCount, retentionDays);
        this.intervalNs = intervalNs;
        this.notes = notes;
    }

    /** Remembers one accepted candle (warm-up or live). */
    void record(Candle candle) {
        history.append(candle);
    }

    /**
     * Called for each accepted candle closing at {@code closeNs}: returns the new choice when a schedule boundary
     * was crossed, else null. The first boundary is the one after the first candle seen.
     */
    List<String> maybeSelect(long closeNs, boolean journal) {
        if (nextDueNs == NEVER) {
            nextDueNs = (Math.floorDiv(closeNs, intervalNs) + 1) * intervalNs;
            return null;
        }
        if (closeNs < nextDueNs) {
            return null;
        }
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
        final StrategySelector.Selection selection = selector.select(perInstrument, candidates);
        selections++;
        lastHadEdge = !selection.reason().contains(StrategySelector.NO_EDGE);
        final StringBuilder text = new StringBuilder("strategy-reselection at=");
        Rfc3339.appendSeconds(text, closeNs);
        text.append(" active=").append(String.join(",", selection.chosen())).append(" reason=")
            .append(selection.reason());
        LOG.info("{}", text);
        for (StrategySelector.Ranking r : selection.rankings()) {
            LOG.info(String.format(Locale.ROOT, "  ranking: %-16s score=%9.4f trades=%5d%s", r.name(), r.score(),
                r.metrics().trades(), r.qualified() ? "" : " (not qualified)"));
        }
        if (journal && notes != null) {
            notes.accept(text.toString());
        }
        return selection.chosen();
    }

    /** True when the last selection found a strategy with a positive score net of costs. */
    public boolean lastHadEdge() {
        return lastHadEdge;
    }

    /** Selections run so far. */
    public long selections() {
        return selections;
    }
}

package io.ringtrader.candle;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.CandleConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OutputBatch;
import io.ringtrader.event.TradeFlags;
import java.util.Arrays;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The candle stage: builds 1-minute OHLCV candles per instrument from TRADE events bucketed by exchange time.
 * A minute closes once the highest exchange time seen (live trades of any instrument, heartbeats) reaches its end
 * plus the grace; quiet minutes after an instrument's first trade become zero-volume candles at the previous close.
 * Snapshot trades (the last trades Coinbase resends per product at every connect) close only their own product's
 * minutes: products' snapshots arrive one after another and reach up to minutes apart, so one product's snapshot
 * must never close another's minute before that product's snapshot landed. Lost trades (a gap, a disconnect) make
 * every minute from the oldest still open through the minute of the loss incomplete. A disconnect or a restart only
 * may have lost trades: an instrument whose trade ids are known stays undecided until its next trade, which proves
 * the stream seamless (the next id) or not (a later id, or the feed's gap event), and only then are its open minutes
 * incomplete or not; a minute that must close while undecided closes incomplete. So a restart that missed nothing
 * (Coinbase resends each product's last trades on subscribe) builds the candles an uninterrupted session would.
 * {@code QUOTE} events add the book's side of each minute (best bid and ask at the close, mean spread and
 * top-of-book depth, see {@link BookMinutes}); they never move the clock.
 * Closed candles go, in instrument-id then time order, to the slot's {@code closedCandles}, to the
 * {@link CandleStore} and to the {@link ClosedCandleSink}. Runs on one consumer thread and allocates nothing per
 * event; {@link #warmUp} must be called before the ring starts; counters may be read (stale) from other threads.
 */
public final class CandleHandler implements EventHandler<MarketEvent> {
    private static final Logger LOG = LogManager.getLogger(CandleHandler.class);
    private static final long NONE = Long.MIN_VALUE;

    private final int instrumentCount;
    private final long graceNs;
    private final int fillerCap;
    private final CandleStore store;
    private final ClosedCandleSink sink;
    private final OpenMinutes open;
    private final BookMinutes bookMinutes;
    private final Candle scratch = new Candle();
    /** Next minute to emit per instrument; NONE until its first trade. */
    private final long[] nextMinute;
    /** Minute of the first trade after start: it and earlier minutes are partial (restart), so incomplete. */
    private final long[] restartMinute;
    /** Last minute loaded by warm-up: trades for it or earlier are late. */
    private final long[] warmedMinute;
    private final long[] lastCloseE8;
    /** Per instrument: the last minute emitted (a snapshot may close an instrument ahead of the shared clock). */
    private final long[] emittedThroughMinute;
    /** Per instrument: minutes up to here (not yet emitted when trades were lost) close incomplete. */
    private final long[] lostThroughMinute;
    /** Per instrument: highest exchange trade id seen, -1 if none (ids are consecutive per product). */
    private final long[] lastTradeId;
    /**
     * Per instrument: after a disconnect or restart, minutes up to here close incomplete unless the next trade
     * continues the trade ids; NONE when nothing is undecided.
     */
    private final long[] undecidedThroughMinute;
    private long maxTimeNs = NONE;
    private long lastClosableMinute = NONE;
    /**
     * After a connect, each product's snapshot (its last trades, possibly minutes old) is still to come: until it
     * comes (or the product's first live trade, or {@link #SNAPSHOT_WAIT_NS} of exchange time), other products'
     * trades and heartbeats do not close that product's minutes.
     */
    private final boolean[] awaitingSnapshot;
    private int awaiting;
    private long awaitStartNs = NONE;
    /** How long after a connect's first live event a product's minutes wait for its snapshot. */
    static final long SNAPSHOT_WAIT_NS = 120_000_000_000L;

    private long trades;
    private long rejectedTrades;
    private long lateTrades;
    private long candlesClosed;
    private long fillerCandles;
    private long incompleteCandles;
    private long sinkOverflows;
    private long batchOverflows;
    private long skippedMinutes;

    /** A handler for instruments {@code 0..instrumentCount-1}, storing into {@code store}, copying to {@code sink}. */
    public CandleHandler(CandleConfig config, int instrumentCount, CandleStore store, ClosedCandleSink sink) {
        if (store.instrumentCount() < instrumentCount) {
            throw new IllegalArgumentException("store holds " + store.instrumentCount() + " instruments, need "
                + instrumentCount);
        }
        this.instrumentCount = instrumentCount;
        this.graceNs = config.graceMs() * 1_000_000L;
        this.fillerCap = store.capacity();
        this.store = store;
        this.sink = sink;
        this.open = new OpenMinutes(instrumentCount, graceNs);
        this.bookMinutes = new BookMinutes(instrumentCount, open.slotsPerInstrument() + 2, CandleStore.MINUTE_NS);
        this.nextMinute = filled(instrumentCount);
        this.restartMinute = filled(instrumentCount);
        this.warmedMinute = filled(instrumentCount);
        this.lastCloseE8 = new long[instrumentCount];
        this.lostThroughMinute = filled(instrumentCount);
        this.emittedThroughMinute = filled(instrumentCount);
        this.lastTradeId = new long[instrumentCount];
        Arrays.fill(lastTradeId, -1);
        this.undecidedThroughMinute = filled(instrumentCount);
        this.awaitingSnapshot = new boolean[instrumentCount];
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        switch (event.type) {
            case EventType.TRADE -> onTrade(event);
            case EventType.HEARTBEAT -> advance(event.timestampNs, event.closedCandles);
            case EventType.GAP -> {
                markLost(event.instrumentId, event.timestampNs);
                decideLost(event.instrumentId);
            }
            case EventType.HISTORY_CANDLE -> warmUp(event.history);
            case EventType.QUOTE -> {
                if (event.instrumentId >= 0 && event.instrumentId < instrumentCount) {
                    bookMinutes.onQuote(event.instrumentId, event.timestampNs, event.quote);
                }
            }
            case EventType.FEED_STATUS -> {
                if (event.value == FeedStatus.CONNECTED) {
                    Arrays.fill(awaitingSnapshot, true);
                    awaiting = instrumentCount;
                    awaitStartNs = NONE;
                }
                if (event.value == FeedStatus.DISCONNECTED || event.value == FeedStatus.RESTARTED) {
                    markMaybeLost();
                    for (int id = 0; id < instrumentCount; id++) {
                        bookMinutes.forget(id, Math.max(event.timestampNs, maxTimeNs));
                    }
                }
            }
            default -> {
            }
        }
    }

    /**
     * Loads one persisted candle into the store at start-up (oldest first): it becomes the close that fillers
     * continue from, and its minute counts as closed. Returns false when the store refused it (out of order).
     */
    public boolean warmUp(Candle candle) {
        if (candle.instrumentId < 0 || candle.instrumentId >= instrumentCount || !store.append(candle)) {
            return false;
        }
        lastCloseE8[candle.instrumentId] = candle.closeE8;
        warmedMinute[candle.instrumentId] = Math.floorDiv(candle.openTimeNs, CandleStore.MINUTE_NS);
        return true;
    }

    /** Bulk {@link #warmUp(Candle)} in iteration order; returns how many candles were accepted. */
    public int warmUp(Iterable<Candle> candles) {
        int accepted = 0;
        for (Candle c : candles) {
            if (warmUp(c)) {
                accepted++;
            }
        }
        return accepted;
    }

    private void onTrade(MarketEvent e) {
        final int id = e.instrumentId;
        final long priceE8 = e.priceE8;
        final long sizeE8 = e.sizeE8;
        final long notional = OpenMinutes.notional(priceE8, sizeE8);
        if (id < 0 || id >= instrumentCount || priceE8 <= 0 || sizeE8 <= 0 || notional == FixedPoint.INVALID) {
            rejectedTrades++;
            return;
        }
        final long ts = e.timestampNs;
        decideContinuity(id, e.tradeId);
        if ((e.flags & TradeFlags.SNAPSHOT) != 0) {
            closeOwnMinutes(id, ts, e.closedCandles);
        } else {
            if (awaitingSnapshot[id]) {
                stopAwaiting(id, e.closedCandles); // its live trades have begun: the snapshot is behind us
            }
            advance(ts, e.closedCandles);
        }
        final long minute = Math.floorDiv(ts, CandleStore.MINUTE_NS);
        if ((minute <= lastClosableMinute && !awaitingSnapshot[id]) || minute <= warmedMinute[id]
            || minute <= emittedThroughMinute[id]) {
            lateTrades++;
            if (Long.bitCount(lateTrades) == 1) {
                LOG.warn("Late trade for a closed minute ignored (instrument {}, ts {}): {} so far", id, ts,
                    lateTrades);
            }
            return;
        }
        if (nextMinute[id] == NONE || minute < nextMinute[id]) {
            nextMinute[id] = minute;
        }
        if (restartMinute[id] == NONE) {
            restartMinute[id] = minute;
        }
        final int s = open.claim(id, minute);
        open.add(s, ts, priceE8, sizeE8, notional);
        if ((e.flags & TradeFlags.AFTER_DROP) != 0) {
            open.incomplete[s] = true;
        }
        trades++;
    }

    /** The last minute that exchange time {@code timestampNs} closes. */
    private long closableAt(long timestampNs) {
        return Math.floorDiv(timestampNs - graceNs, CandleStore.MINUTE_NS) - 1;
    }

    /** A snapshot trade: closes the minutes of its own instrument that are over, leaving the shared clock alone. */
    private void closeOwnMinutes(int id, long timestampNs, OutputBatch<Candle> out) {
        final long closable = closableAt(timestampNs);
        if (closable > lastClosableMinute || awaitingSnapshot[id]) {
            closeUpTo(id, closable, out);
        }
    }

    /** {@code id}'s snapshot is in: its minutes close with the shared clock again, from where it stands. */
    private void stopAwaiting(int id, OutputBatch<Candle> out) {
        awaitingSnapshot[id] = false;
        awaiting--;
        if (lastClosableMinute != NONE) {
            closeUpTo(id, lastClosableMinute, out);
        }
    }

    /** Moves exchange time forward to {@code timestampNs} and closes every minute that is now over. */
    private void advance(long timestampNs, OutputBatch<Candle> out) {
        if (timestampNs <= maxTimeNs) {
            return;
        }
        maxTimeNs = timestampNs;
        if (awaiting > 0) {
            if (awaitStartNs == NONE) {
                awaitStartNs = timestampNs;
            } else if (timestampNs - awaitStartNs > SNAPSHOT_WAIT_NS) {
                for (int id = 0; id < instrumentCount; id++) {
                    if (awaitingSnapshot[id]) {
                        stopAwaiting(id, out); // a product with no snapshot (no trades lately) waits no longer
                    }
                }
            }
        }
        final long closable = closableAt(timestampNs);
        if (closable <= lastClosableMinute) {
            return;
        }
        lastClosableMinute = closable;
        for (int id = 0; id < instrumentCount; id++) {
            if (!awaitingSnapshot[id]) {
                closeUpTo(id, closable, out);
            }
        }
    }

    private void closeUpTo(int id, long closable, OutputBatch<Candle> out) {
        long m = nextMinute[id];
        if (m == NONE) {
            return;
        }
        while (m <= closable) {
            final int s = open.find(id, m);
            if ((s < 0 || open.tradeCount[s] == 0) && closable - m >= fillerCap) {
                // A huge jump in exchange time: emit at most a retention's worth of fillers, never skip trades.
                final long target = Math.min(open.firstTradedMinute(id, m, closable), closable - fillerCap + 1);
                if (target > m) {
                    skippedMinutes += target - m;
                    m = target;
                    continue;
                }
            }
            emit(id, m, s, out);
            emittedThroughMinute[id] = m;
            m++;
        }
        nextMinute[id] = m;
    }

    private void emit(int id, long minute, int s, OutputBatch<Candle> out) {
        final Candle c = scratch;
        c.instrumentId = id;
        c.openTimeNs = minute * CandleStore.MINUTE_NS;
        boolean incomplete = minute <= restartMinute[id] || minute <= lostThroughMinute[id]
            || minute <= undecidedThroughMinute[id];
        if (s >= 0 && open.tradeCount[s] > 0) {
            c.openE8 = open.openE8[s];
            c.highE8 = open.highE8[s];
            c.lowE8 = open.lowE8[s];
            c.closeE8 = open.closeE8[s];
            c.volumeE8 = open.volumeE8[s];
            c.notionalE8 = open.notionalE8[s];
            c.tradeCount = open.tradeCount[s];
        } else {
            final long close = lastCloseE8[id];
            c.openE8 = close;
            c.highE8 = close;
            c.lowE8 = close;
            c.closeE8 = close;
            c.volumeE8 = 0;
            c.notionalE8 = 0;
            c.tradeCount = 0;
            fillerCandles++;
        }
        if (s >= 0) {
            incomplete |= open.incomplete[s];
            open.release(s);
        }
        c.complete = !incomplete;
        bookMinutes.close(id, minute, c);
        lastCloseE8[id] = c.closeE8;
        candlesClosed++;
        if (incomplete) {
            incompleteCandles++;
        }
        final Candle slot = out.add();
        if (slot != null) {
            slot.copyFrom(c);
        } else {
            batchOverflows++;
        }
        store.append(c);
        if (!sink.offer(c)) {
            sinkOverflows++;
            if (Long.bitCount(sinkOverflows) == 1) {
                LOG.warn("Candle sink full, candle not persisted (instrument {}): {} so far", id, sinkOverflows);
            }
        }
    }

    /**
     * Trades were lost for an instrument (-1 = all) before {@code timestampNs} (NONE: now): every minute not yet
     * emitted up to that time, or up to the latest exchange time if later, closes incomplete.
     */
    private void markLost(int instrumentId, long timestampNs) {
        final long through = Math.max(maxTimeNs, timestampNs);
        if (through == NONE) {
            return; // nothing built yet; the first minute after start is incomplete anyway
        }
        final long minute = Math.floorDiv(through, CandleStore.MINUTE_NS);
        final int from = instrumentId < 0 ? 0 : instrumentId;
        final int to = instrumentId < 0 ? instrumentCount : Math.min(instrumentId + 1, instrumentCount);
        for (int id = from; id < to; id++) {
            if (minute > lostThroughMinute[id]) {
                lostThroughMinute[id] = minute;
            }
        }
    }

    /**
     * A disconnect or a restart: trades may have been lost. Instruments with known trade ids wait for their next
     * trade to tell; the others lose every minute not yet emitted, as for a gap.
     */
    private void markMaybeLost() {
        if (maxTimeNs == NONE) {
            return;
        }
        final long minute = Math.floorDiv(maxTimeNs, CandleStore.MINUTE_NS);
        for (int id = 0; id < instrumentCount; id++) {
            if (lastTradeId[id] < 0) {
                markLost(id, NONE);
            } else if (minute > undecidedThroughMinute[id]) {
                undecidedThroughMinute[id] = minute;
            }
        }
    }

    /** The first trade after a disconnect decides: the next trade id means nothing was lost in between. */
    private void decideContinuity(int id, long tradeId) {
        if (undecidedThroughMinute[id] != NONE && (tradeId < 0 || tradeId > lastTradeId[id])) {
            if (tradeId != lastTradeId[id] + 1) {
                lostThroughMinute[id] = Math.max(lostThroughMinute[id], undecidedThroughMinute[id]);
            }
            undecidedThroughMinute[id] = NONE;
        }
        if (tradeId > lastTradeId[id]) {
            lastTradeId[id] = tradeId;
        }
    }

    /** A gap event: the undecided minutes of {@code instrumentId} (-1: all) are lost (marked already). */
    private void decideLost(int instrumentId) {
        final int from = instrumentId < 0 ? 0 : instrumentId;
        final int to = instrumentId < 0 ? instrumentCount : Math.min(instrumentId + 1, instrumentCount);
        for (int id = from; id < to; id++) {
            if (undecidedThroughMinute[id] != NONE) {
                lostThroughMinute[id] = Math.max(lostThroughMinute[id], undecidedThroughMinute[id]);
                undecidedThroughMinute[id] = NONE;
            }
        }
    }

    /** Trades merged into candles. */
    public long trades() {
        return trades;
    }

    /** Trades ignored for a non-positive price or size, an unknown instrument or an absurd notional. */
    public long rejectedTrades() {
        return rejectedTrades;
    }

    /** Trades for minutes already closed (counted, never merged). */
    public long lateTrades() {
        return lateTrades;
    }

    /** Candles closed (including fillers). */
    public long candlesClosed() {
        return candlesClosed;
    }

    /** Zero-volume candles emitted for quiet minutes. */
    public long fillerCandles() {
        return fillerCandles;
    }

    /** Closed candles flagged incomplete (gap, drop, disconnect or restart). */
    public long incompleteCandles() {
        return incompleteCandles;
    }

    /** Candles the sink had no room for (not persisted by it). */
    public long sinkOverflows() {
        return sinkOverflows;
    }

    /** Candles that did not fit in the slot's output batch (strategies did not see them; the store has them). */
    public long batchOverflows() {
        return batchOverflows;
    }

    /** Quiet minutes not emitted as fillers because exchange time jumped by more than the retention. */
    public long skippedMinutes() {
        return skippedMinutes;
    }

    private static long[] filled(int n) {
        final long[] a = new long[n];
        Arrays.fill(a, NONE);
        return a;
    }
}

package io.ringtrader.exchange;

import io.netty.channel.EventLoop;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Instruments;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The loopback exchange's market: pulls events from the {@link MarketSource} on the market clock, batches trades
 * into {@code update} frames, sends heartbeats and a tape's level2 changes as they come, keeps the snapshot
 * history and fans frames out to the subscribed {@link ClientSession}s. Everything runs on the one event loop
 * thread that also serves every connection, so no state here is shared; the counters are volatile for readers on
 * other threads.
 *
 * <p>Backpressure: the pump stops whenever a subscribed connection is not writable and resumes from its
 * writability event, so nothing is buffered without bound and the event loop never blocks. At speed 0 it runs
 * only while someone subscribes to trades; at speed > 0 the clock follows the wall clock from the first subscribe
 * (bursting to catch up after a pause).
 */
final class MarketPump implements Runnable {
    private static final Logger LOG = LogManager.getLogger(MarketPump.class);
    private static final int EVENTS_PER_RUN = 4_096;

    private final EventLoop loop;
    private final MarketSource source;
    private final ExchangeOptions options;
    private final AdvancedTradeEncoder encoder;
    private final TradeHistory history;
    private final List<ClientSession> sessions = new ArrayList<>();
    private final List<SimEvent> batch = new ArrayList<>();
    private final SimEvent next = new SimEvent();
    private final CompletableFuture<Void> sessionEnded = new CompletableFuture<>();
    private int batchSize;
    private long batchEndNs;
    private boolean hasNext;
    private boolean started;
    private boolean startPending;
    private boolean ended;
    private boolean runScheduled;
    private long startWallNs;
    private long startExchangeNs;
    private long exchangeNowNs;
    private long heartbeatCounter;
    volatile long framesSent;
    volatile long tradesSent;
    volatile long sourceTrades;
    volatile int clients;

    MarketPump(EventLoop loop, Instruments instruments, MarketSource source, ExchangeOptions options) {
        this.loop = loop;
        this.source = source;
        this.options = options;
        this.encoder = new AdvancedTradeEncoder(instruments);
        this.history = new TradeHistory(instruments.size(), options.snapshotSize());
    }

    /** Reads the first event so replies before the market starts carry the session's start time. */
    void prime() {
        hasNext = source.next(next);
        startExchangeNs = hasNext ? next.timestampNs : 0;
        exchangeNowNs = startExchangeNs;
    }

    AdvancedTradeEncoder encoder() {
        return encoder;
    }

    TradeHistory history() {
        return history;
    }

    /** The source's level2 book, or null. */
    SimBook book() {
        return source.book();
    }

    /** The tape's level2 books, or null. */
    TapeBook tapeBook() {
        return source.tapeBook();
    }

    long exchangeNowNs() {
        return exchangeNowNs;
    }

    boolean ended() {
        return ended;
    }

    CompletableFuture<Void> sessionEnded() {
        return sessionEnded;
    }

    void register(ClientSession session) {
        sessions.add(session);
        clients = sessions.size();
    }

    void unregister(ClientSession session) {
        sessions.remove(session);
        clients = sessions.size();
        schedule();
    }

    /** A connection subscribed to trades: the market clock starts (after the start delay) with the first one. */
    void tradesSubscribed() {
        if (started) {
            schedule();
        } else if (!startPending) {
            startPending = true;
            if (options.startDelayMs() == 0) {
                startClock();
            } else {
                loop.schedule(this::startClock, options.startDelayMs(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void startClock() {
        started = true;
        startWallNs = System.nanoTime();
        LOG.info("market clock started at {}", CoinbaseTime.rfc3339(startExchangeNs));
        schedule();
    }

    /** The exchange is closing before the source ended: release the source. */
    void shutdown() {
        if (!ended) {
            ended = true;
            source.close();
        }
    }

    /** Runs the pump soon, unless a run is already pending. */
    void schedule() {
        if (!runScheduled && started && !ended) {
            runScheduled = true;
            loop.execute(this);
        }
    }

    void countFrame(int trades) {
        framesSent++;
        tradesSent += trades;
    }

    @Override
    public void run() {
        runScheduled = false;
        if (!started || ended) {
            return;
        }
        try {
            pump();
        } finally {
            for (int i = 0; i < sessions.size(); i++) {
                sessions.get(i).flush();
            }
        }
    }

    private void pump() {
        for (int budget = EVENTS_PER_RUN; budget > 0; budget--) {
            if (!allWritable()) {
                return; // a writability event reschedules us
            }
            if (!hasNext) {
                flushBatch(batchEndNs);
                endSession();
                return;
            }
            if (options.speed() == 0) {
                if (!anyTradeSubscriber()) {
                    return; // paused until someone subscribes again
                }
            } else {
                final long nowWallNs = System.nanoTime();
                if (batchSize > 0 && wallTimeOf(batchEndNs) <= nowWallNs) {
                    flushBatch(batchEndNs);
                    continue;
                }
                long dueWallNs = wallTimeOf(next.timestampNs);
                if (dueWallNs > nowWallNs) {
                    if (batchSize > 0) {
                        dueWallNs = Math.min(dueWallNs, wallTimeOf(batchEndNs));
                    }
                    runScheduled = true;
                    loop.schedule(this, dueWallNs - nowWallNs, TimeUnit.NANOSECONDS);
                    return;
                }
            }
            process(next);
            hasNext = source.next(next);
        }
        runScheduled = true;
        loop.execute(this);
    }

    private void process(SimEvent event) {
        final long t = event.timestampNs;
        exchangeNowNs = Math.max(exchangeNowNs, t);
        if (event.type == EventType.TRADE) {
            sourceTrades++;
            if (batchSize > 0 && t >= batchEndNs) {
                flushBatch(batchEndNs);
            }
            if (batchSize == 0) {
                batchEndNs = Math.floorDiv(t, options.batchIntervalNs()) * options.batchIntervalNs()
                    + options.batchIntervalNs();
            }
            if (batchSize == batch.size()) {
                batch.add(new SimEvent());
            }
            batch.get(batchSize++).copyFrom(event);
        } else if (event.isLevel2()) {
            final TapeBook book = source.tapeBook();
            for (int i = 0; i < sessions.size(); i++) {
                sessions.get(i).sendTapeLevel2(event, book);
            }
        } else if (event.type == EventType.HEARTBEAT) {
            flushBatch(Math.min(batchEndNs, t));
            heartbeatCounter++;
            final long monotonicNs = t - startExchangeNs;
            final SimBook book = source.book();
            for (int i = 0; i < sessions.size(); i++) {
                if (book != null && book.built()) {
                    sessions.get(i).sendBook(t, book); // the book as this second starts
                }
                sessions.get(i).sendHeartbeat(t, heartbeatCounter, monotonicNs);
            }
        }
    }

    private void flushBatch(long timestampNs) {
        if (batchSize == 0) {
            return;
        }
        for (int i = 0; i < batchSize; i++) {
            history.add(batch.get(i));
        }
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).sendUpdate(timestampNs, batch, batchSize);
        }
        batchSize = 0;
    }

    private void endSession() {
        ended = true;
        LOG.info("end of session at {}: {} trades from the source, {} frames and {} trades sent to {} connections",
            CoinbaseTime.rfc3339(exchangeNowNs), sourceTrades, framesSent, tradesSent, sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).endOfSession();
        }
        source.close();
        sessionEnded.complete(null);
    }

    private boolean allWritable() {
        for (int i = 0; i < sessions.size(); i++) {
            if (!sessions.get(i).writableOrIdle()) {
                return false;
            }
        }
        return true;
    }

    private boolean anyTradeSubscriber() {
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).subscribedToTrades()) {
                return true;
            }
        }
        return false;
    }

    private long wallTimeOf(long exchangeNs) {
        return startWallNs + (long) ((exchangeNs - startExchangeNs) / options.speed());
    }
}

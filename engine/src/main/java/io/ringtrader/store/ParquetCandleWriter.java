package io.ringtrader.store;

import io.ringtrader.agent.AgentThread;
import io.ringtrader.candle.ClosedCandleSink;
import io.ringtrader.config.BackgroundIdle;
import io.ringtrader.config.PersistenceConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.files.WriteFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.Agent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Persists closed candles to Parquet on its own background thread: {@code data/{SYM}_1m_historical.parquet} (the
 * rolling retention window) and {@code data/candles/{SYM}/{YYYY-MM-DD}.parquet} (one file per UTC day), each
 * rewritten atomically every {@code parquet_flush_seconds} of wall-clock time and on {@link #close()}.
 *
 * <p>Threading: {@link #offer} is called by exactly one thread (the ring consumer running the candle stage); it
 * copies into a pre-allocated single-producer queue, never blocks and never allocates (a full queue is counted and
 * the candle dropped). The queue is drained by the {@code parquet-writer} agent on its own thread ({@link #onStart},
 * {@link #doWork} and {@link #onClose} run there only). {@link #start()} and {@link #close()} are called by the
 * wiring thread; counters may be read from any thread.
 */
public final class ParquetCandleWriter implements ClosedCandleSink, Agent, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ParquetCandleWriter.class);
    private volatile WriteFailures failures = new WriteFailures();
    /** How long {@link #close()} waits for the last flush (a shutdown must not hang on a stuck disk). */
    public static final long CLOSE_TIMEOUT_MS = 60_000;

    private final Path dataDir;
    private final List<String> symbols;
    private final SymbolCandles[] perSymbol;
    private final CandleHandoff queue;
    private final CandleView view;
    private final long flushIntervalNs;
    /** Agent-thread state: the drain buffer and when the next timed flush is due. */
    private final Candle scratch = new Candle();
    private long nextFlushNs;
    private volatile AgentThread agent;
    private volatile boolean flushRequested;
    private volatile boolean healthy = true;
    private volatile String lastFailure = "";
    private volatile long flushes;
    private volatile long flushFailures;
    private volatile long filesWritten;
    private volatile long candlesWritten;
    private volatile long tempFilesRemoved;
    /** Producer-side counters: written by the offering thread only. */
    private volatile long offered;
    private volatile long overflows;
    private volatile long unknownInstruments;
    /** Candles from REST to put in place of incomplete ones: any thread offers, the agent applies. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Candle> repairs =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long repaired;
    private volatile long repairsRefused;

    /**
     * A writer for {@code symbols} (index = instrument id) under {@code dataDir}, keeping {@code retentionDays} in
     * the rolling file, with a hand-off queue of {@code queueCapacity} candles (rounded up to a power of two; size
     * it for the largest burst, e.g. fillers after a long outage: 65,536 is about 5 MB).
     */
    public ParquetCandleWriter(Path dataDir, List<String> symbols, PersistenceConfig config, int retentionDays,
                               int queueCapacity) {
        this.dataDir = dataDir;
        this.symbols = List.copyOf(symbols);
        this.perSymbol = new SymbolCandles[symbols.size()];
        for (int i = 0; i < perSymbol.length; i++) {
            perSymbol[i] = new SymbolCandles(symbols.get(i), dataDir, retentionDays,
                CandleParquetFiles.codec(config.parquetCompression()));
        }
        this.queue = new CandleHandoff(queueCapacity);
        this.view = new CandleView(symbols.size(), retentionDays);
        this.flushIntervalNs = TimeUnit.SECONDS.toNanos(config.parquetFlushSeconds());
    }

    /** Starts the writer with the default idle strategy (see {@link #start(BackgroundIdle)}). */
    public void start() {
        start(BackgroundIdle.BACKOFF);
    }

    /**
     * Starts the writer agent waiting as {@code idle} says while the queue is empty; it first removes temp files
     * left by a crash and loads the rolling files.
     */
    public void start(BackgroundIdle idle) {
        agent = AgentThread.start(this, idle);
    }

    @Override
    public boolean offer(Candle candle) {
        final int id = candle.instrumentId;
        if (id < 0 || id >= perSymbol.length) {
            unknownInstruments++;
            return false;
        }
        if (!queue.offer(candle)) {
            overflows++;
            return false;
        }
        offered++;
        return true;
    }

    /** Asks the writer thread to flush now (e.g. before a backtest reads the files); does not wait. */
    public void requestFlush() {
        flushRequested = true;
    }

    /**
     * Stops the writer after it has drained the queue and flushed every file; waits for it, at most
     * {@link #CLOSE_TIMEOUT_MS} (then {@link #stopped()} is false and the writer is left to finish on its own).
     */
    @Override
    public void close() {
        final AgentThread running = agent;
        if (running != null && !running.stopped()) {
            running.close(CLOSE_TIMEOUT_MS);
        }
    }

    /** False while the writer thread runs (before {@link #close()}, or when close gave up waiting for it). */
    public boolean stopped() {
        final AgentThread running = agent;
        return running == null || running.stopped();
    }

    @Override
    public String roleName() {
        return "parquet-writer";
    }

    /** Agent thread: removes temp files left by a crash and loads the rolling files. */
    @Override
    public void onStart() {
        try {
            tempFilesRemoved = CandleParquetFiles.cleanTempFiles(dataDir);
        } catch (IOException e) {
            LOG.error("Cannot clean temp files under {}: {}", dataDir, e.toString());
        }
        for (int i = 0; i < perSymbol.length; i++) {
            perSymbol[i].load();
            perSymbol[i].publishTo(view, i);
        }
        LOG.info("Parquet candle writer started: {} symbols under {}, flush every {} s", symbols.size(), dataDir,
            TimeUnit.NANOSECONDS.toSeconds(flushIntervalNs));
        nextFlushNs = System.nanoTime() + flushIntervalNs;
    }

    /**
     * Hands over REST's candle {@code rest} of instrument {@code instrumentId} (taken over, not copied) to replace
     * an incomplete trade-built one at the next flush ({@link SymbolCandles#repair}); a complete trade-built
     * candle is kept. Any thread (the background repair); off the hot path, so it may allocate.
     */
    public void repair(int instrumentId, Candle rest) {
        rest.instrumentId = instrumentId;
        repairs.add(rest);
    }

    /** Agent thread: moves queued candles into the files' buffers, and rewrites the files when a flush is due. */
    @Override
    public int doWork() {
        final int drained = drain() + applyRepairs();
        if (flushRequested || System.nanoTime() - nextFlushNs >= 0) {
            flushRequested = false;
            flushAll();
            nextFlushNs = System.nanoTime() + flushIntervalNs;
            return drained + 1;
        }
        return drained;
    }

    /** Agent thread, at {@link #close()}: drains what is still queued and flushes every file one last time. */
    @Override
    public void onClose() {
        drain();
        applyRepairs();
        flushAll();
        LOG.info("Parquet candle writer stopped: {} candles written, {} flushes, {} failures, {} dropped (queue"
            + " full)", candlesWritten, flushes, flushFailures, overflows);
    }

    private int drain() {
        int n = 0;
        while (queue.poll(scratch)) {
            final Candle copy = new Candle();
            copy.copyFrom(scratch);
            perSymbol[copy.instrumentId].add(copy);
            view.add(copy);
            n++;
        }
        candlesWritten += n;
        return n;
    }

    private int applyRepairs() {
        int n = 0;
        for (Candle rest = repairs.poll(); rest != null; rest = repairs.poll()) {
            if (rest.instrumentId >= 0 && rest.instrumentId < perSymbol.length
                && perSymbol[rest.instrumentId].repair(rest)) {
                repaired++;
            } else {
                repairsRefused++;
            }
            n++;
        }
        return n;
    }

    /** Candles replaced by REST's ({@code rest_repair}, or {@code rest} for a missing minute). */
    public long repaired() {
        return repaired;
    }

    /** REST candles not used: the minute held a complete trade-built candle (or one from REST already). */
    public long repairsRefused() {
        return repairsRefused;
    }

    private void flushAll() {
        boolean ok = true;
        for (int i = 0; i < perSymbol.length; i++) {
            try {
                filesWritten += perSymbol[i].flush();
            } catch (IOException | RuntimeException e) {
                ok = false;
                flushFailures++;
                lastFailure = symbols.get(i) + ": " + e;
                LOG.log(failures.levelFor("parquet " + symbols.get(i)),
                    "Writing candle files of {} failed (kept in memory, retried next flush)", symbols.get(i), e);
            }
        }
        flushes++;
        healthy = ok;
    }

    /** Reports write failures through the engine's {@code failures} (one ERROR per engine, not one per writer). */
    public void reportFailuresTo(WriteFailures engineFailures) {
        this.failures = engineFailures;
    }

    /** The candles this writer holds, for readers off the ring (filled by the writer thread as it drains). */
    public CandleView view() {
        return view;
    }

    /** Candles accepted by {@link #offer}. */
    public long offered() {
        return offered;
    }

    /** Candles dropped because the queue was full. */
    public long overflows() {
        return overflows;
    }

    /** Candles refused for an instrument id without a symbol. */
    public long unknownInstruments() {
        return unknownInstruments;
    }

    /** Candles taken off the queue by the writer thread. */
    public long candlesWritten() {
        return candlesWritten;
    }

    /** Flush rounds completed (successful or not). */
    public long flushes() {
        return flushes;
    }

    /** Files that failed to write (each is retried at the next flush). */
    public long flushFailures() {
        return flushFailures;
    }

    /** Files written. */
    public long filesWritten() {
        return filesWritten;
    }

    /** Temp files from an interrupted run removed at start-up. */
    public long tempFilesRemoved() {
        return tempFilesRemoved;
    }

    /** False after a flush with an I/O error, until a flush succeeds: the app should stop trading and say so. */
    public boolean healthy() {
        return healthy;
    }

    /** Description of the last write failure, or empty. */
    public String lastFailure() {
        return lastFailure;
    }
}

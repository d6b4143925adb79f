package io.ringtrader.portfolio;

import io.ringtrader.agent.AgentThread;
import io.ringtrader.config.BackgroundIdle;
import io.ringtrader.event.Fill;
import io.ringtrader.event.Instruments;
import io.ringtrader.files.WriteFailures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.agrona.concurrent.Agent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Background writer of the trade log and the state file: the {@code trade-log-writer} agent, which drains the
 * {@link PortfolioOutbox} on its own thread; per batch it appends the fills' CSV rows, flushes and fsyncs the log,
 * then saves the latest snapshot of the batch atomically, so the state file never reflects a fill the log does not
 * hold. At start it repairs a torn last line. On an I/O error it stops writing and reports {@link #failed()} (the
 * app should stop trading). Lifecycle: {@link #start()} once, {@link #close()} once after the producer (handler)
 * has stopped; {@link #doWork}, {@link #onClose} and the {@link PortfolioOutbox.Consumer} callbacks run on the
 * agent's thread only.
 */
public final class TradeLogWriter implements AutoCloseable, Agent, PortfolioOutbox.Consumer {
    private static final Logger LOG = LogManager.getLogger(TradeLogWriter.class);
    private volatile WriteFailures failures = new WriteFailures();
    /** How long {@link #close()} waits for the last batch to be written. */
    private static final long CLOSE_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(10);

    private final Path tradeLog;
    private final Path stateFile;
    private final Instruments instruments;
    private final IntFunction<String> strategyNames;
    private final PortfolioOutbox outbox;
    private final PortfolioSnapshot pending;
    private final StringBuilder rows = new StringBuilder(64 * 1024);
    private volatile AgentThread agent;
    private volatile boolean failed;
    private volatile long rowsWritten;
    private boolean hasPending;
    private long loggedOverflows;
    private FileChannel channel;

    /**
     * A writer appending to {@code tradeLog} and rewriting {@code stateFile}, naming strategies with
     * {@code strategyNames} (a lead strategy id of -1 is written as {@code risk}).
     */
    public TradeLogWriter(Path tradeLog, Path stateFile, Instruments instruments, IntFunction<String> strategyNames,
                          PortfolioOutbox outbox, int orderSlots) {
        this.tradeLog = tradeLog;
        this.stateFile = stateFile;
        this.instruments = instruments;
        this.strategyNames = strategyNames;
        this.outbox = outbox;
        this.pending = new PortfolioSnapshot(instruments.size(), orderSlots);
    }

    /** Starts a session with no restored state: repairs a torn last line, then {@link #start(long)}. */
    public void start() throws IOException {
        start(-1);
    }

    /** {@link #start(long, BackgroundIdle)} with the default idle strategy. */
    public void start(long restoredTradeCount) throws IOException {
        start(restoredTradeCount, BackgroundIdle.BACKOFF);
    }

    /**
     * Repairs and opens the trade log (header on a new file), then starts the agent, waiting as {@code idle} says
     * while the outbox is empty. With {@code restoredTradeCount} >= 0 (the {@code trade_count} of the state file
     * loaded at start), rows beyond that count are cut: the journal replay after the state's index writes them
     * again.
     */
    public void start(long restoredTradeCount, BackgroundIdle idle) throws IOException {
        final Path dir = tradeLog.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final long cut = TradeLogFile.repair(tradeLog);
        if (cut > 0) {
            LOG.warn("Trade log {}: cut a torn last line of {} bytes left by an unclean stop", tradeLog, cut);
        }
        final long stale = TradeLogFile.trimToRows(tradeLog, restoredTradeCount);
        if (stale > 0) {
            LOG.warn("Trade log {}: cut {} rows newer than the state file; the journal replay writes them again",
                tradeLog, stale);
        }
        channel = FileChannel.open(tradeLog, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        if (channel.size() == 0) {
            write((TradeLogFormat.HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            channel.force(true);
        }
        agent = AgentThread.start(this, idle);
    }

    @Override
    public String roleName() {
        return "trade-log-writer";
    }

    /** Agent thread: writes one batch of what the outbox holds; 0 when it held nothing (or the writer failed). */
    @Override
    public int doWork() {
        return writeBatch() ? 1 : 0;
    }

    /** Drains what is queued and writes it; returns false when nothing was queued. */
    private boolean writeBatch() {
        if (failed) {
            return false;
        }
        reportOverflows();
        if (outbox.drain(this) == 0) {
            return false;
        }
        try {
            if (rows.length() > 0) {
                write(rows.toString().getBytes(StandardCharsets.UTF_8));
                rows.setLength(0);
                channel.force(false);
            }
            if (hasPending) {
                StateFile.save(pending, instruments, stateFile);
                hasPending = false;
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            LOG.log(failures.levelFor("trade log"),
                "Trade log / state file write failed ({} / {}); no further fills are persisted: {}", tradeLog,
                stateFile, e.toString(), e);
        }
        return true;
    }

    @Override
    public void onFill(Fill fill) {
        final String strategy = fill.strategyId < 0 ? "risk" : String.valueOf(strategyNames.apply(fill.strategyId));
        TradeLogFormat.appendRow(rows, fill, instruments.get(fill.instrumentId).symbol(), strategy);
        rowsWritten++;
    }

    @Override
    public void onSnapshot(PortfolioSnapshot snapshot) {
        pending.copyFrom(snapshot);
        hasPending = true;
    }

    private void reportOverflows() {
        final long overflows = outbox.overflows();
        if (overflows != loggedOverflows) {
            LOG.error("Trade log queue overflowed: {} fills dropped so far (their rows are lost)",
                overflows);
            loggedOverflows = overflows;
        }
    }

    private void write(byte[] bytes) throws IOException {
        final ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** True after an I/O error: the files stopped being updated. */
    public boolean failed() {
        return failed;
    }

    /** Rows appended since start (any thread). */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** Reports its write failure through the engine's {@code failures} (one ERROR per engine, not one per writer). */
    public void reportFailuresTo(WriteFailures engineFailures) {
        this.failures = engineFailures;
    }

    /**
     * Stops the agent, which writes what is still queued (fills, then the final snapshot) and closes the log; waits
     * at most 10 s for it (then an error is logged and the log is left open to the agent).
     */
    @Override
    public void close() {
        final AgentThread running = agent;
        if (running != null) {
            running.close(CLOSE_TIMEOUT_MS);
        }
    }

    /** Agent thread, at {@link #close()}: drains the outbox to the end, then closes the log. */
    @Override
    public void onClose() {
        while (writeBatch()) {
            // drain until empty
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.error("Closing the trade log {} failed: {}", tradeLog, e.toString());
        }
    }
}

package io.ringtrader.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.ringtrader.event.BrokenInvariantException;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.files.WriteFailures;
import io.ringtrader.journal.JournalWriteException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * What happens when a stage throws. Bad data must not stall the ring (Disruptor's default handler stops the
 * consumer and the producer then blocks for ever once the ring wraps): count, log at a bounded rate, move on.
 * A {@link BrokenInvariantException} (journal or portfolio broken) instead halts cleanly: trading stops and the
 * engine shuts down with exit code 1.
 */
final class StageExceptionHandler implements ExceptionHandler<MarketEvent> {
    private static final long LOG_EVERY_NS = 10_000_000_000L;
    private final Logger log = LogManager.getLogger(StageExceptionHandler.class);
    private final StopSignal stop;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong brokenAfterHalt = new AtomicLong();
    private volatile long lastLogNs = System.nanoTime() - LOG_EVERY_NS;
    private volatile boolean halted;
    private volatile WriteFailures failures = new WriteFailures();

    StageExceptionHandler(StopSignal stop) {
        this.stop = stop;
    }

    /** Reports a journal write failure through the engine's {@code failures} (one ERROR per engine). */
    void reportFailuresTo(WriteFailures engineFailures) {
        this.failures = engineFailures;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, MarketEvent event) {
        if (ex instanceof BrokenInvariantException) {
            if (halted) {
                // already stopping: the events still in the ring (a whole recovery's worth) would each log a trace
                final long n = brokenAfterHalt.incrementAndGet();
                if (Long.bitCount(n) == 1) {
                    log.warn("{} more events hit a broken invariant after trading stopped (ring sequence {}): {}", n,
                        sequence, ex.getMessage());
                }
                return;
            }
            halted = true;
            // a journal that cannot be written is a write failure: FATAL only when no other writer failed first
            final boolean consequence = ex.getCause() instanceof JournalWriteException
                && failures.levelFor("journal") != Level.ERROR;
            log.log(consequence ? Level.WARN : Level.FATAL, "Broken invariant at ring sequence {} ({}): {}; trading"
                + " stops", sequence, event, ex.getMessage(), ex);
            stop.trigger(StopSignal.Reason.FAILURE, "broken invariant: " + ex.getMessage());
            return;
        }
        final long n = errors.incrementAndGet();
        final long now = System.nanoTime();
        if (now - lastLogNs >= LOG_EVERY_NS) {
            lastLogNs = now;
            log.error("Stage failed on ring sequence {} ({}), event skipped; {} such errors so far", sequence, event,
                n, ex);
        }
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        log.fatal("A stage failed to start", ex);
        stop.trigger(StopSignal.Reason.FAILURE, "stage start failed: " + ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        log.error("A stage failed while shutting down", ex);
    }

    /** Events skipped because a stage threw. */
    long errors() {
        return errors.get();
    }

    /** True once a broken invariant halted trading. */
    boolean halted() {
        return halted;
    }
}

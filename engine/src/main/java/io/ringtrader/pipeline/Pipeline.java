package io.ringtrader.pipeline;

import io.ringtrader.config.ThreadTopology;
import io.ringtrader.config.RingWait;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringtrader.config.PipelineConfig;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Disruptor ring and its consumer stages, in pipeline order. Single producer (the feed's I/O thread or a
 * replay reader), pre-allocated {@link MarketEvent} slots; the stages run fused on one thread or a thread each.
 *
 * <p>The engine's threads (the same table is in the README). Each owns its state; they meet only through the ring,
 * single-producer queues, seqlock views and files. The five background agents are Agrona agents run by
 * {@code io.ringtrader.agent.AgentThread}; the queue-draining ones idle as {@code pipeline.background_idle} says.
 * <table>
 * <caption>Threads</caption>
 * <tr><th>thread</th><th>owns</th><th>fed by</th></tr>
 * <tr><td>{@code main}</td><td>the wiring: configuration, the stages, start-up (recovery, warm-up) and the
 *     shutdown order below</td><td>the command line; the stop signal</td></tr>
 * <tr><td>{@code feed-io-*} (Netty I/O)</td><td>the WebSocket connection, frame decoding, level2 books, the
 *     trade dedup; the ring's single producer in live, sim and tape sessions</td><td>the socket (Coinbase, or
 *     the built-in exchange on {@code loopback-exchange-*})</td></tr>
 * <tr><td>{@code ring-stage-0} (fused; per-stage: {@code ring-stage-0..n})</td><td>every stage's state: journal
 *     appender, candles, strategies, risk, orders, portfolio, output journal</td><td>the ring</td></tr>
 * <tr><td>{@code journal-source} (agent)</td><td>a journal reader and its read-ahead batch; the ring's producer
 *     in replay, recovery and {@code --feed journal}</td><td>tailing the journal</td></tr>
 * <tr><td>{@code parquet-writer} (agent)</td><td>the candle Parquet files and the candle view</td><td>the
 *     candle stage's hand-off queue</td></tr>
 * <tr><td>{@code trade-log-writer} (agent)</td><td>{@code live_trades.csv} and {@code portfolio_state.json}
 *     </td><td>the portfolio stage's outbox (fills, then snapshots)</td></tr>
 * <tr><td>{@code status-display} (agent)</td><td>the console table</td><td>the portfolio's seqlock view and the
 *     telemetry health line, every {@code portfolio.status_interval_seconds}</td></tr>
 * <tr><td>{@code telemetry} (agent)</td><td>the folded latency histograms, trades/s</td><td>the stages' latency
 *     recorders, the counters and the writers' health flags, every second</td></tr>
 * <tr><td>{@code dashboard-http-*} (Netty)</td><td>the dashboard's HTTP connections</td><td>views only: portfolio,
 *     signals, strategies, candles, counters, the trade log and state files</td></tr>
 * <tr><td>{@code strategy-selection} (pool of one, started on demand)</td><td>one strategy re-selection at a
 *     time</td><td>a task from the strategy stage, which takes the result once its apply time passes</td></tr>
 * <tr><td>{@code rest-repair} (agent, {@code history.repair_after_reconnect})</td><td>REST requests repairing
 *     incomplete archived minutes</td><td>the feed's reconnect count and the archive files; its candles go to
 *     the Parquet writer's repair queue</td></tr>
 * </table>
 * Shutdown order ({@code EngineRunner}): the source (feed or {@code journal-source}), {@code rest-repair}, the
 * ring drains and its
 * consumers stop, the trade-log writer (its last batch and snapshot), the Parquet writer (its last flush), the
 * journal, the status display, telemetry (a last log line), the metrics endpoint, the dashboard.
 */
public final class Pipeline {
    /** How long a halted consumer thread may take to run its handlers' onShutdown. */
    private static final long SHUTDOWN_JOIN_MS = 5_000;

    private final Disruptor<MarketEvent> disruptor;
    private final RingPublisher publisher;
    private final StageExceptionHandler exceptionHandler;

    /** Reports the journal's write failure through the engine's {@code failures}. */
    public void reportFailuresTo(io.ringtrader.files.WriteFailures failures) {
        exceptionHandler.reportFailuresTo(failures);
    }
    /** The consumer threads; drainAndStop joins them so every handler's onShutdown has run when it returns. */
    private final List<Thread> consumers = new CopyOnWriteArrayList<>();

    /** Builds (does not start) a ring running {@code stages} in order. */
    @SuppressWarnings("unchecked")
    public Pipeline(PipelineConfig config, int instrumentCount, List<EventHandler<MarketEvent>> stages,
                    StopSignal stop) {
        final int capacity = Math.max(1, instrumentCount);
        disruptor = new Disruptor<>(() -> new MarketEvent(capacity), config.ringSize(), consumerThreads(),
            ProducerType.SINGLE, waitStrategy(config.waitStrategy()));
        exceptionHandler = new StageExceptionHandler(stop);
        disruptor.setDefaultExceptionHandler(exceptionHandler);
        if (config.threads() == ThreadTopology.PER_STAGE && stages.size() > 1) {
            EventHandlerGroup<MarketEvent> group = disruptor.handleEventsWith(stages.get(0));
            for (int i = 1; i < stages.size(); i++) {
                group = group.then(stages.get(i));
            }
        } else {
            disruptor.handleEventsWith(new FusedHandler(stages, exceptionHandler));
        }
        publisher = new RingPublisher(disruptor.getRingBuffer(), capacity);
    }

    /** The wait strategy named in configuration. */
    public static WaitStrategy waitStrategy(RingWait wait) {
        return switch (wait) {
            case BLOCKING -> new BlockingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
        };
    }

    private ThreadFactory consumerThreads() {
        final AtomicInteger n = new AtomicInteger();
        return r -> {
            final Thread t = new Thread(r, "ring-stage-" + n.getAndIncrement());
            t.setDaemon(true);
            consumers.add(t);
            return t;
        };
    }

    /** Starts the consumer threads. */
    public void start() {
        disruptor.start();
    }

    /** The producer's door into the ring. */
    public RingPublisher publisher() {
        return publisher;
    }

    /** Sequence of the last event published into the ring (-1 before the first). */
    public long lastPublished() {
        return disruptor.getRingBuffer().getCursor();
    }

    /**
     * Sequence up to which every stage has processed every event. A thread that reads this and finds it at or
     * past an event's sequence also sees everything the stages wrote while processing that event (the consumers
     * publish their sequences with release semantics and this reads them with acquire semantics).
     */
    public long processedThrough() {
        return disruptor.getRingBuffer().getMinimumGatingSequence();
    }

    /** The ring itself (for telemetry). */
    public RingBuffer<MarketEvent> ring() {
        return disruptor.getRingBuffer();
    }

    /**
     * Waits until every published event went through every stage, then stops the consumers. Returns false if the
     * ring did not drain within {@code timeoutMs} (a stuck stage must not hang shutdown for ever); the consumers
     * are halted either way.
     */
    public boolean drainAndStop(long timeoutMs) {
        boolean drained;
        try {
            disruptor.shutdown(timeoutMs, TimeUnit.MILLISECONDS);
            drained = true;
        } catch (TimeoutException e) {
            disruptor.halt();
            drained = false;
        }
        // halt() only signals the consumers. Their handlers' onShutdown (the portfolio's final state snapshot, the
        // journal writers' close) must have run before the caller closes the writers they hand work to.
        for (Thread consumer : consumers) {
            try {
                consumer.join(SHUTDOWN_JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            drained &= !consumer.isAlive();
        }
        return drained;
    }

    /** Events skipped because a stage threw. */
    public long stageErrors() {
        return exceptionHandler.errors();
    }

    /** True once a broken invariant halted trading. */
    public boolean halted() {
        return exceptionHandler.halted();
    }
}

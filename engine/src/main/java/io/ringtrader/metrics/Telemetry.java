package io.ringtrader.metrics;

import io.ringtrader.agent.AgentThread;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.agrona.concurrent.Agent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Background telemetry: folds the stages' latency recorders into histograms, logs counters and latencies every
 * {@code metrics.log_interval_seconds}, and renders the health line of the status display (trades/s, p99,
 * gaps, reconnects). Wall-clock cadence is fine here: nothing it does feeds back into the pipeline. Runs as the
 * {@code telemetry} agent, which samples and runs the writers' health checks once a second on its own thread;
 * {@link #logNow()} and {@link #health()} may be called from any thread.
 */
public final class Telemetry implements Agent, AutoCloseable {
    private static final long SAMPLE_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    private final Logger log = LogManager.getLogger(Telemetry.class);
    private final Counters counters;
    private final LatencyTracker latency;
    private final Supplier<String> sourceSummary;
    private final long logIntervalMs;
    /** Agent thread: when the next sample and the next log lines are due. */
    private long nextSampleNs;
    private long nextLogMs;
    private AgentThread agent;
    private long lastTrades;
    private long lastSampleNs = System.nanoTime();
    private volatile double tradesPerSecond;
    private final java.util.List<java.util.function.Supplier<String>> healthChecks = new java.util.ArrayList<>();
    private volatile java.util.function.Consumer<String> onUnhealthy = text -> { };

    public Telemetry(Counters counters, LatencyTracker latency, Supplier<String> sourceSummary,
                     long logIntervalSeconds) {
        this.counters = counters;
        this.latency = latency;
        this.sourceSummary = sourceSummary;
        this.logIntervalMs = logIntervalSeconds * 1000;
    }

    /**
     * Adds a writer health check: it returns null while healthy, else what failed. The first failure is reported
     * to {@code onUnhealthy} (the engine stops trading and shuts down with exit code 1).
     */
    public void addHealthCheck(java.util.function.Supplier<String> check) {
        healthChecks.add(check);
    }

    public void onUnhealthy(java.util.function.Consumer<String> action) {
        this.onUnhealthy = action;
    }

    public void start() {
        nextSampleNs = System.nanoTime() + SAMPLE_INTERVAL_NS;
        nextLogMs = System.currentTimeMillis() + logIntervalMs;
        agent = AgentThread.start(this, AgentThread.timerIdle());
    }

    @Override
    public String roleName() {
        return "telemetry";
    }

    /** Agent thread: once a second, samples, runs the health checks and, when due, logs. */
    @Override
    public int doWork() {
        final long nowNs = System.nanoTime();
        if (nowNs - nextSampleNs < 0) {
            return 0;
        }
        nextSampleNs = nowNs + SAMPLE_INTERVAL_NS;
        sample();
        for (java.util.function.Supplier<String> check : healthChecks) {
            final String failure = check.get();
            if (failure != null) {
                // the writer logged its failure (the cause) as the one ERROR; this is the consequence
                log.warn("A writer failed: {}. Trading stops and the engine shuts down.", failure);
                onUnhealthy.accept(failure);
                break;
            }
        }
        if (System.currentTimeMillis() >= nextLogMs) {
            nextLogMs += logIntervalMs;
            logNow();
        }
        return 1;
    }

    private synchronized void sample() {
        latency.sample();
        final long now = System.nanoTime();
        final long trades = counters.total("ringtrader_candle_trades_total");
        tradesPerSecond = (trades - lastTrades) * 1e9 / Math.max(1, now - lastSampleNs);
        lastTrades = trades;
        lastSampleNs = now;
    }

    /** Logs one line of counters, latencies and the source's summary. */
    public void logNow() {
        sample();
        log.info("counters: {}", counters.summary());
        log.info("latency: {}", latency.summary());
        log.info("source: {}", sourceSummary.get());
    }

    /** One line for the status display. */
    public String health() {
        final int e2e = latency.indexOf("end_to_end");
        return String.format(Locale.ROOT, "feed %.0f trades/s | end-to-end p99 %.1f us | gaps %d | reconnects %d"
                + " | rejects %d | drops %d", tradesPerSecond, latency.percentile(e2e, 99) / 1000.0,
            counters.total("ringtrader_feed_gaps_total"), counters.total("ringtrader_feed_reconnects_total"),
            counters.total("ringtrader_feed_rejects_total"), counters.total("ringtrader_ring_drops_total"));
    }

    /** Stops the agent (waits at most 2 s). */
    @Override
    public void close() {
        if (agent != null) {
            agent.close(2_000);
        }
    }
}

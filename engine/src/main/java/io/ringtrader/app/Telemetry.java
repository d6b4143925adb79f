package io.ringtrader.app;

import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.LatencyTracker;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Background telemetry: folds the stages' latency recorders into histograms, logs counters and latencies every
 * {@code metrics.log_interval_seconds}, and renders the health line of the status display (trades/s, p99,
 * gaps, reconnects). Wall-clock cadence is fine here: nothing it does feeds back into the pipeline.
 */
final class Telemetry implements AutoCloseable {
    private final Logger log = LogManager.getLogger(Telemetry.class);
    private final Counters counters;
    private final LatencyTracker latency;
    private final Supplier<String> sourceSummary;
    private final long logIntervalMs;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastTrades;
    private long lastSampleNs = System.nanoTime();
    private volatile double tradesPerSecond;
    private final java.util.List<java.util.function.Supplier<String>> healthChecks = new java.util.ArrayList<>();
    private volatile java.util.function.Consumer<String> onUnhealthy = text -> { };

    Telemetry(Counters counters, LatencyTracker latency, Supplier<String> sourceSummary, long logIntervalSeconds) {
        this.counters = counters;
        this.latency = latency;
        this.sourceSummary = sourceSummary;
        this.logIntervalMs = logIntervalSeconds * 1000;
        this.thread = new Thread(this::loop, "telemetry");
        this.thread.setDaemon(true);
    }

    /**
     * Adds a writer health check: it returns null while healthy, else what failed. The first failure is reported
     * to {@code onUnhealthy} (the engine stops trading and shuts down with exit code 1).
     */
    void addHealthCheck(java.util.function.Supplier<String> check) {
        healthChecks.add(check);
    }

    void onUnhealthy(java.util.function.Consumer<String> action) {
        this.onUnhealthy = action;
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long nextLogMs = System.currentTimeMillis() + logIntervalMs;
        while (running) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
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
        }
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
    void logNow() {
        sample();
        log.info("counters: {}", counters.summary());
        log.info("latency: {}", latency.summary());
        log.info("source: {}", sourceSummary.get());
    }

    /** One line for the status display. */
    String health() {
        final int e2e = latency.indexOf("end_to_end");
        return String.format(Locale.ROOT, "feed %.0f trades/s | end-to-end p99 %.1f us | gaps %d | reconnects %d"
                + " | rejects %d | drops %d", tradesPerSecond, latency.percentile(e2e, 99) / 1000.0,
            counters.total("ringtrader_feed_gaps_total"), counters.total("ringtrader_feed_reconnects_total"),
            counters.total("ringtrader_feed_rejects_total"), counters.total("ringtrader_ring_drops_total"));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

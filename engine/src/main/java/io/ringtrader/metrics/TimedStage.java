package io.ringtrader.metrics;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.MarketEvent;

/** Wraps a stage and records how long each event spends in it (two {@code nanoTime} reads, no allocation). */
public final class TimedStage implements EventHandler<MarketEvent> {
    private final EventHandler<MarketEvent> stage;
    private final LatencyTracker tracker;
    private final int index;

    /** Times {@code stage} into histogram {@code index} of {@code tracker}. */
    public TimedStage(EventHandler<MarketEvent> stage, LatencyTracker tracker, int index) {
        this.stage = stage;
        this.tracker = tracker;
        this.index = index;
    }

    @Override
    public void onStart() {
        stage.onStart();
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) throws Exception {
        final long start = System.nanoTime();
        stage.onEvent(event, sequence, endOfBatch);
        tracker.record(index, System.nanoTime() - start);
    }

    @Override
    public void onShutdown() {
        stage.onShutdown();
    }

    @Override
    public String toString() {
        return "timed(" + stage + ")";
    }
}

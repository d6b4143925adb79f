package io.ringtrader.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.TradeFlags;
import io.ringtrader.metrics.LatencyTracker;

/**
 * Last stage: records end-to-end latency (frame decoded -> every stage done), notices the feed's END_OF_FEED
 * marker once every stage has processed everything before it and asks the engine to stop, and counts events that
 * went all the way through (for the final log line; start-up waits on {@link Pipeline#processedThrough()}).
 */
public final class SessionControlHandler implements EventHandler<MarketEvent> {
    private final StopSignal stop;
    private final LatencyTracker latency;
    private final int latencyIndex;
    private volatile long processed;
    private volatile long lastExchangeTimeNs;

    public SessionControlHandler(StopSignal stop, LatencyTracker latency, int latencyIndex) {
        this.stop = stop;
        this.latency = latency;
        this.latencyIndex = latencyIndex;
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        if (event.receivedNs > 0 && event.type == EventType.TRADE && (event.flags & TradeFlags.REPLAYED) == 0) {
            latency.record(latencyIndex, System.nanoTime() - event.receivedNs);
        }
        if (event.timestampNs > lastExchangeTimeNs) {
            lastExchangeTimeNs = event.timestampNs;
        }
        if (event.type == EventType.FEED_STATUS && event.value == FeedStatus.END_OF_FEED) {
            stop.trigger(StopSignal.Reason.END_OF_FEED, "the feed ended");
        }
        processed++;
    }

    /** Continues from a snapshot taken at {@code exchangeTimeNs} (a later feed continues after it). */
    public void resumeAt(long exchangeTimeNs) {
        if (exchangeTimeNs > lastExchangeTimeNs) {
            lastExchangeTimeNs = exchangeTimeNs;
        }
    }

    /** Events that went through every stage. */
    public long processed() {
        return processed;
    }

    /** Latest exchange time seen at the end of the pipeline, epoch ns. */
    public long lastExchangeTimeNs() {
        return lastExchangeTimeNs;
    }
}

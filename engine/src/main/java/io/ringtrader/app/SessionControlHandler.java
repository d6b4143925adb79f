package io.ringtrader.app;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.MarketEvent;

/**
 * Last stage: notices the feed's END_OF_FEED marker (simulated session over, tape finished) once every stage has
 * processed everything before it, and asks the engine to stop. It also tracks end-to-end progress for telemetry.
 */
final class SessionControlHandler implements EventHandler<MarketEvent> {
    private final StopSignal stop;
    private volatile long processed;
    private volatile long lastExchangeTimeNs;

    SessionControlHandler(StopSignal stop) {
        this.stop = stop;
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        processed++;
        if (event.timestampNs > lastExchangeTimeNs) {
            lastExchangeTimeNs = event.timestampNs;
        }
        if (event.type == EventType.FEED_STATUS && event.value == FeedStatus.END_OF_FEED) {
            stop.trigger(StopSignal.Reason.END_OF_FEED, "the feed ended");
        }
    }

    /** Events that went through every stage. */
    long processed() {
        return processed;
    }

    /** Latest exchange time seen at the end of the pipeline, epoch ns. */
    long lastExchangeTimeNs() {
        return lastExchangeTimeNs;
    }
}

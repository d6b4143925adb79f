package io.ringtrader.app;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.MarketEvent;
import java.util.List;

/**
 * Runs every stage in pipeline order on one consumer thread (the "fused" topology): on a 2-core machine this is
 * microseconds where a thread per stage is milliseconds (see BENCHMARKS.md).
 */
final class FusedHandler implements EventHandler<MarketEvent> {
    private final EventHandler<MarketEvent>[] stages;

    @SuppressWarnings({"unchecked", "rawtypes"})
    FusedHandler(List<EventHandler<MarketEvent>> stages) {
        this.stages = stages.toArray(new EventHandler[0]);
    }

    @Override
    public void onStart() {
        for (EventHandler<MarketEvent> stage : stages) {
            stage.onStart();
        }
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) throws Exception {
        for (EventHandler<MarketEvent> stage : stages) {
            stage.onEvent(event, sequence, endOfBatch);
        }
    }

    @Override
    public void onShutdown() {
        for (EventHandler<MarketEvent> stage : stages) {
            stage.onShutdown();
        }
    }
}

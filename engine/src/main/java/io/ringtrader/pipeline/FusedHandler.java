package io.ringtrader.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import io.ringtrader.event.MarketEvent;
import java.util.List;

/**
 * Runs every stage in pipeline order on one consumer thread (the "fused" topology): on a 2-core machine this is
 * microseconds where a thread per stage is milliseconds (see BENCHMARKS.md).
 *
 * <p>Like the thread-per-stage topology, every stage sees every event: when one stage throws, the failure goes to
 * the exception handler (which counts and skips bad data, or halts on a broken invariant) and the later stages,
 * session control included, still run for that event. Otherwise a single throwing stage would hide the event from
 * session control, and whatever waits on session control's count (start-up recovery) would never see it.
 */
final class FusedHandler implements EventHandler<MarketEvent> {
    private final EventHandler<MarketEvent>[] stages;
    private final ExceptionHandler<? super MarketEvent> exceptions;

    @SuppressWarnings({"unchecked", "rawtypes"})
    FusedHandler(List<EventHandler<MarketEvent>> stages, ExceptionHandler<? super MarketEvent> exceptions) {
        this.stages = stages.toArray(new EventHandler[0]);
        this.exceptions = exceptions;
    }

    @Override
    public void onStart() {
        for (EventHandler<MarketEvent> stage : stages) {
            try {
                stage.onStart();
            } catch (Throwable ex) {
                exceptions.handleOnStartException(ex);
            }
        }
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        for (EventHandler<MarketEvent> stage : stages) {
            try {
                stage.onEvent(event, sequence, endOfBatch);
            } catch (Throwable ex) {
                exceptions.handleEventException(ex, sequence, event);
            }
        }
    }

    @Override
    public void onShutdown() {
        for (EventHandler<MarketEvent> stage : stages) {
            try {
                stage.onShutdown();
            } catch (Throwable ex) {
                exceptions.handleOnShutdownException(ex);
            }
        }
    }
}

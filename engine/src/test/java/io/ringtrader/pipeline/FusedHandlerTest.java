package io.ringtrader.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import io.ringtrader.event.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusedHandlerTest {

    /** Records what reached the exception handler, in order. */
    private static final class RecordingHandler implements ExceptionHandler<MarketEvent> {
        final List<String> calls = new ArrayList<>();

        @Override
        public void handleEventException(Throwable ex, long sequence, MarketEvent event) {
            calls.add("event " + sequence + ": " + ex.getMessage());
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            calls.add("start: " + ex.getMessage());
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            calls.add("shutdown: " + ex.getMessage());
        }
    }

    /** A stage that notes every call, and throws on the events (and at the lifecycle points) it is told to. */
    private static final class Stage implements EventHandler<MarketEvent> {
        final String name;
        final boolean throwing;
        final List<String> seen;

        Stage(String name, boolean throwing, List<String> seen) {
            this.name = name;
            this.throwing = throwing;
            this.seen = seen;
        }

        @Override
        public void onStart() {
            seen.add(name + " start");
            if (throwing) {
                throw new IllegalStateException(name + " cannot start");
            }
        }

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            seen.add(name + " " + sequence);
            if (throwing && event.tradeId % 2 == 0) {
                throw new IllegalArgumentException(name + " rejects trade " + event.tradeId);
            }
        }

        @Override
        public void onShutdown() {
            seen.add(name + " shutdown");
            if (throwing) {
                throw new IllegalStateException(name + " cannot shut down");
            }
        }
    }

    @Test
    void aThrowingStageDoesNotStopTheLaterStagesSeeingTheEvent() {
        final List<String> seen = new ArrayList<>();
        final RecordingHandler errors = new RecordingHandler();
        final FusedHandler fused = new FusedHandler(List.of(new Stage("a", false, seen), new Stage("b", true, seen),
            new Stage("control", false, seen)), errors);
        final MarketEvent event = new MarketEvent(1);

        fused.onStart();
        for (long seq = 0; seq < 3; seq++) {
            event.tradeId = seq;
            fused.onEvent(event, seq, true);
        }
        fused.onShutdown();

        assertThat(seen).containsExactly("a start", "b start", "control start",
            "a 0", "b 0", "control 0", "a 1", "b 1", "control 1", "a 2", "b 2", "control 2",
            "a shutdown", "b shutdown", "control shutdown");
        assertThat(errors.calls).containsExactly("start: b cannot start", "event 0: b rejects trade 0",
            "event 2: b rejects trade 2", "shutdown: b cannot shut down");
    }
}

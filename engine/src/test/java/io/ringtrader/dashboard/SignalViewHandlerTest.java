package io.ringtrader.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.ringtrader.event.Action;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Signal;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stage that feeds the dashboard's signal view: allocation-free, and readers always see whole signals. */
class SignalViewHandlerTest {
    private static final int N = 4;

    private static void fill(MarketEvent e, long i) {
        e.signals.clear();
        final Signal s = e.signals.add();
        s.reset();
        s.instrumentId = (int) (i % N);
        s.timestampNs = i * 60_000_000_000L;
        s.action = (i & 1) == 0 ? Action.BUY : Action.SELL;
        // every field derives from i, so a torn read shows as fields that disagree
        s.confidence = (i % 1000) / 1000.0;
        s.regime = (byte) (i % (Regime.HIGH_VOLATILITY + 1));
        s.leadStrategyId = (int) (i % 3);
        s.referencePriceE8 = i * 100;
        s.filtered = i % 5 == 0;
    }

    @Test
    void shouldPublishTheLatestSignalOfEachSymbol() {
        final SignalView view = new SignalView(N);
        final SignalViewHandler handler = new SignalViewHandler(view);
        final MarketEvent e = new MarketEvent(16);
        final SignalView.Copy copy = new SignalView.Copy();
        assertThat(view.read(1, copy)).as("nothing yet").isFalse();
        for (long i = 1; i <= 10; i++) {
            fill(e, i);
            handler.onEvent(e, i, true);
        }
        assertThat(view.read(1, copy)).isTrue();
        assertThat(copy.timestampNs).isEqualTo(9 * 60_000_000_000L);
        assertThat(copy.action).isEqualTo(Action.SELL);
        assertThat(copy.referencePriceE8).isEqualTo(900);
        assertThat(copy.count).isEqualTo(3); // 1, 5, 9
        e.signals.clear();
        handler.onEvent(e, 11, true);
        assertThat(view.read(1, copy)).isTrue();
        assertThat(copy.count).as("an event without signals changes nothing").isEqualTo(3);
    }

    @Test
    void shouldNotAllocatePerEvent() {
        final SignalView view = new SignalView(N);
        final SignalViewHandler handler = new SignalViewHandler(view);
        final MarketEvent e = new MarketEvent(16);
        final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        long measured = 0;
        for (int round = 0; round < 3; round++) {
            final long before = threads.getThreadAllocatedBytes(thread);
            for (long i = 0; i < 200_000; i++) {
                fill(e, i);
                handler.onEvent(e, i, true);
            }
            measured = threads.getThreadAllocatedBytes(thread) - before;
        }
        System.out.printf("signal view stage: allocated %d bytes over 200000 events%n", measured);
        assertThat(measured).as("bytes allocated over 200k events after warm-up").isLessThan(16 * 1024);
    }

    @Test
    @Timeout(60)
    void shouldNeverShowATornSignalToAConcurrentReader() throws Exception {
        final SignalView view = new SignalView(N);
        final SignalViewHandler handler = new SignalViewHandler(view);
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicReference<String> torn = new AtomicReference<>();
        final AtomicLong reads = new AtomicLong();
        final Thread reader = new Thread(() -> {
            final SignalView.Copy c = new SignalView.Copy();
            while (running.get() && torn.get() == null) {
                for (int id = 0; id < N; id++) {
                    if (!view.read(id, c)) {
                        continue;
                    }
                    reads.incrementAndGet();
                    final long i = c.timestampNs / 60_000_000_000L;
                    if (c.referencePriceE8 != i * 100 || c.confidence != (i % 1000) / 1000.0
                        || c.leadStrategyId != (int) (i % 3) || c.filtered != (i % 5 == 0) || i % N != id) {
                        torn.set("instrument " + id + " showed time of signal " + i + " with price "
                            + c.referencePriceE8);
                    }
                }
            }
        }, "signal-view-reader");
        reader.start();
        final MarketEvent e = new MarketEvent(16);
        for (long i = 1; i <= 2_000_000 && torn.get() == null; i++) {
            fill(e, i);
            handler.onEvent(e, i, true);
        }
        running.set(false);
        reader.join();
        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
    }
}

package io.ringtrader.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.PipelineConfig;
import io.ringtrader.event.BrokenInvariantException;
import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.feed.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineTest {

    /** Stage 1 annotates the slot; stage 2 reads the annotation: checks ordering in both topologies. */
    private static final class Annotate implements EventHandler<MarketEvent> {
        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            event.value = event.tradeId * 2;
        }
    }

    private static final class Record implements EventHandler<MarketEvent> {
        final List<Long> seen = new ArrayList<>();
        final long slowEvery;

        Record(long slowEvery) {
            this.slowEvery = slowEvery;
        }

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            if (event.tradeId == 13) {
                throw new IllegalArgumentException("bad data in trade 13");
            }
            if (slowEvery > 0 && event.tradeId % slowEvery == 0) {
                LockSupport.parkNanos(100_000);
            }
            synchronized (seen) {
                seen.add(event.value);
            }
        }
    }

    private static void publishAll(RingPublisher publisher, int n) {
        for (int i = 0; i < n; i++) {
            long seq;
            while ((seq = publisher.tryClaimWaiting()) < 0) {
                Thread.onSpinWait();
            }
            final MarketEvent e = publisher.slot(seq);
            e.type = EventType.TRADE;
            e.tradeId = i;
            publisher.publish(seq, seq);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fused", "per-stage"})
    void shouldDrainEveryPublishedEventOnShutdownInOrderSkippingBadOnes(String threads) {
        final Record record = new Record(97);
        final Pipeline pipeline = new Pipeline(new PipelineConfig(64, threads, "sleeping", 30_000), 2,
            List.of(new Annotate(), record), new StopSignal());
        pipeline.start();
        publishAll(pipeline.publisher(), 5_000);
        assertThat(pipeline.drainAndStop(30_000)).isTrue();
        assertThat(record.seen).hasSize(4_999);
        for (int i = 0, expected = 0; i < record.seen.size(); i++, expected++) {
            if (expected == 13) {
                expected++;
            }
            assertThat(record.seen.get(i)).isEqualTo(expected * 2L);
        }
        assertThat(pipeline.stageErrors()).isEqualTo(1);
        assertThat(pipeline.halted()).isFalse();
    }

    /** Slow to shut down, like a stage closing a Chronicle appender before the portfolio's final snapshot. */
    private static final class SlowShutdown implements EventHandler<MarketEvent> {
        volatile boolean shutDown;

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        }

        @Override
        public void onShutdown() {
            LockSupport.parkNanos(50_000_000L);
            shutDown = true;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fused", "per-stage"})
    void shouldReturnFromDrainAndStopOnlyAfterEveryStageRanItsShutdown(String threads) {
        final SlowShutdown first = new SlowShutdown();
        final SlowShutdown last = new SlowShutdown();
        final Pipeline pipeline = new Pipeline(new PipelineConfig(64, threads, "sleeping", 30_000), 1,
            List.of(first, new Annotate(), last), new StopSignal());
        pipeline.start();
        publishAll(pipeline.publisher(), 10);
        assertThat(pipeline.drainAndStop(30_000)).isTrue();
        assertThat(first.shutDown).isTrue();
        assertThat(last.shutDown).as("the last stage's onShutdown ran before drainAndStop returned").isTrue();
    }

    @Test
    void shouldHaltOnABrokenInvariant() throws InterruptedException {
        final StopSignal stop = new StopSignal();
        final EventHandler<MarketEvent> broken = (event, sequence, endOfBatch) -> {
            throw new BrokenInvariantException("cash went negative");
        };
        final Pipeline pipeline = new Pipeline(new PipelineConfig(64, "fused", "blocking", 5_000), 1,
            List.of(broken), stop);
        pipeline.start();
        publishAll(pipeline.publisher(), 1);
        assertThat(stop.await(30_000)).isTrue();
        assertThat(stop.reason()).isEqualTo(StopSignal.Reason.FAILURE);
        assertThat(stop.detail()).contains("cash went negative");
        assertThat(pipeline.halted()).isTrue();
        pipeline.drainAndStop(5_000);
    }

    @Test
    void shouldLogOnlyTheFirstBrokenInvariantWithItsTraceWhileTheRingDrains() {
        // a recovery pushes a whole journal through a stage broken on every event: one FATAL, not one per event
        final StopSignal stop = new StopSignal();
        final StageExceptionHandler handler = new StageExceptionHandler(stop);
        final MarketEvent event = new MarketEvent(4);
        try (LogCapture log = new LogCapture(StageExceptionHandler.class.getName())) {
            for (int i = 0; i < 10_000; i++) {
                handler.handleEventException(new BrokenInvariantException("broken at " + i), i, event);
            }
            List<String> lines = log.lines();
            for (int i = 0; i < 100 && lines.size() < 15; i++) {
                LockSupport.parkNanos(20_000_000L);
                lines = log.lines();
            }
            assertThat(lines).hasSize(15);
            assertThat(lines.get(0)).startsWith("FATAL Broken invariant at ring sequence 0").contains("broken at 0");
            assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("WARN ")
                && l.contains("more events hit a broken invariant after trading stopped"));
        }
        assertThat(handler.halted()).isTrue();
        assertThat(stop.reason()).isEqualTo(StopSignal.Reason.FAILURE);
        assertThat(stop.detail()).contains("broken at 0");
    }

    @Test
    void shouldCountDropsInsteadOfBlockingWhenTheRingIsFull() {
        final Pipeline pipeline = new Pipeline(new PipelineConfig(64, "fused", "blocking", 5_000), 2,
            List.of(new Annotate()), new StopSignal());
        // Not started: nothing consumes, so the ring fills and further trades are dropped, not waited for.
        int accepted = 0;
        for (int i = 0; i < 100; i++) {
            if (pipeline.publisher().publishTrade(1, i, 1, 1, i, (byte) 0, 0, i, 0)) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(64);
        assertThat(pipeline.publisher().drops()).isEqualTo(36);
    }
}

package io.ringtrader.source;

import io.ringtrader.pipeline.StopSignal;
import io.ringtrader.pipeline.Pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.BackgroundIdle;
import io.ringtrader.config.PipelineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.journal.Journal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSourceTest {
    @TempDir
    Path dir;

    /** Records the trade ids and feed statuses the ring delivered, in order. */
    private static final class Seen implements EventHandler<MarketEvent> {
        final List<Long> trades = new ArrayList<>();
        final List<Long> statuses = new ArrayList<>();

        @Override
        public synchronized void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
            if (event.type == EventType.TRADE) {
                trades.add(event.tradeId);
            } else if (event.type == EventType.FEED_STATUS) {
                statuses.add(event.value);
            }
        }

        synchronized int tradeCount() {
            return trades.size();
        }
    }

    private static void appendTrades(Journal.Writer w, long from, long to) {
        final MarketEvent e = new MarketEvent(1);
        for (long id = from; id < to; id++) {
            e.clear();
            e.type = EventType.TRADE;
            e.tradeId = id;
            e.timestampNs = 1_000_000_000L * (id + 1);
            e.priceE8 = 100;
            e.sizeE8 = 1;
            w.appendInput(e);
            if (id % 100 == 0) {
                w.appendCandle(new Candle()); // a derived record: not republished
            }
        }
    }

    private static void await(BooleanSupplier condition) {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void shouldReplayEveryInputThroughASmallRingThenEndTheFeedAndStopItself() {
        final Seen seen = new Seen();
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            try (Journal.Writer w = journal.writer()) {
                appendTrades(w, 0, 3_000);
                final MarketEvent end = new MarketEvent(1);
                end.type = EventType.FEED_STATUS;
                end.value = FeedStatus.END_OF_FEED; // the recorded session's end is not republished
                w.appendInput(end);
            }
            final Pipeline pipeline = new Pipeline(new PipelineConfig(64, "fused", "sleeping", 10_000), 1,
                List.of(seen), new StopSignal());
            pipeline.start();
            final JournalSource source = JournalSource.replay(journal, 0, null,
                BackgroundIdle.BACKOFF);
            assertThat(source.roleName()).isEqualTo("journal-source");
            source.start(pipeline.publisher());
            await(source::finished);
            source.close();
            assertThat(pipeline.drainAndStop(10_000)).isTrue();
            assertThat(source.failure()).isNull();
            assertThat(source.published()).isEqualTo(3_000);
        }
        assertThat(seen.trades).hasSize(3_000);
        for (int i = 0; i < 3_000; i++) {
            assertThat(seen.trades.get(i)).isEqualTo(i);
        }
        assertThat(seen.statuses).containsExactly(FeedStatus.END_OF_FEED);
    }

    @Test
    void shouldFollowAJournalOnItsOwnDaemonThreadUntilClosed() {
        final Seen seen = new Seen();
        try (Journal journal = Journal.open(dir.resolve("journal")); Journal.Writer w = journal.writer()) {
            appendTrades(w, 0, 10);
            final Pipeline pipeline = new Pipeline(new PipelineConfig(64, "fused", "sleeping", 10_000), 1,
                List.of(seen), new StopSignal());
            pipeline.start();
            final JournalSource source = JournalSource.tail(journal,
                BackgroundIdle.SLEEPING);
            source.start(pipeline.publisher());
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("journal-source"))
                .isNotEmpty().allMatch(Thread::isDaemon);
            await(() -> seen.tradeCount() == 10);
            appendTrades(w, 10, 25);
            await(() -> seen.tradeCount() == 25);
            assertThat(source.finished()).as("a followed journal has no end").isFalse();
            source.close();
            assertThat(source.finished()).isTrue();
            assertThat(pipeline.drainAndStop(10_000)).isTrue();
            assertThat(source.maxFeedSequence()).isPositive();
        }
        assertThat(seen.statuses).isEmpty();
    }
}

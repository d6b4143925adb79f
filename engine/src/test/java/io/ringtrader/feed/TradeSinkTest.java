package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.EventType;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Side;
import io.ringtrader.event.TradeFlags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TradeSinkTest {
    private final FeedStats stats = new FeedStats();

    @ParameterizedTest
    @ValueSource(longs = {3L, 99L, 123_456L})
    void shouldPublishInTimeThenIdOrderLikeANaiveSort(long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final TestRing ring = new TestRing(1 << 12, 2);
        final TradeSink sink = new TradeSink(ring.publisher, stats, 2, 4_096, 1_000);
        final TradeFields t = fields(2);
        final List<long[]> naive = new ArrayList<>();
        sink.begin();
        for (int i = 0; i < 500; i++) {
            t.instrumentId = random.nextInt(2);
            t.tradeId = 10_000L * t.instrumentId + i;
            t.timeNs = 1_000L * random.nextInt(50); // many equal times
            t.priceE8 = 1 + i;
            t.sizeE8 = 1;
            t.side = Side.BUY;
            sink.add(t);
            naive.add(new long[] {t.timeNs, t.tradeId});
        }
        sink.publish(1, 0);
        naive.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        final List<MarketEvent> trades = ring.trades();
        assertThat(trades).hasSize(500);
        for (int i = 0; i < trades.size(); i++) {
            assertThat(new long[] {trades.get(i).timestampNs, trades.get(i).tradeId}).as("seed %d #%d", seed, i)
                .containsExactly(naive.get(i));
        }
    }

    @Test
    void shouldFlagOnlyTheSnapshotPartOfAMessage() {
        final TestRing ring = new TestRing(64, 1);
        final TradeSink sink = new TradeSink(ring.publisher, stats, 1, 64, 16);
        final TradeFields t = fields(1);
        sink.begin();
        add(sink, t, 0, 2, 20);
        add(sink, t, 0, 1, 10);
        sink.markSnapshot(0);
        add(sink, t, 0, 3, 30);
        sink.publish(5, 0);
        assertThat(ring.trades()).extracting(e -> e.tradeId + ":" + (e.flags & TradeFlags.SNAPSHOT))
            .containsExactly("1:1", "2:1", "3:0");
    }

    @Test
    void shouldCountDropsWhenTheRingIsFullAndPublishTheGapAfterwards() {
        final TestRing ring = new TestRing(8, 1);
        final TradeSink sink = new TradeSink(ring.publisher, stats, 1, 64, 64);
        final TradeFields t = fields(1);
        sink.begin();
        for (int i = 1; i <= 12; i++) {
            add(sink, t, 0, i, i);
        }
        sink.publish(1, 0);
        assertThat(stats.trades()).isEqualTo(8);
        assertThat(stats.drops()).isEqualTo(4);
        assertThat(ring.trades()).hasSize(8); // drains the ring
        sink.begin();
        add(sink, t, 0, 13, 13);
        sink.publish(2, 0);
        final List<MarketEvent> events = ring.drain();
        final MarketEvent gap = events.get(events.size() - 2);
        assertThat(gap.type).isEqualTo(EventType.GAP);
        assertThat(gap.value).isEqualTo(4);
        assertThat(events.get(events.size() - 1).tradeId).isEqualTo(13);
    }

    @Test
    void shouldReportATradeIdJumpOnce() {
        final TestRing ring = new TestRing(64, 1);
        final TradeSink sink = new TradeSink(ring.publisher, stats, 1, 64, 16);
        final TradeFields t = fields(1);
        sink.begin();
        add(sink, t, 0, 1, 1);
        sink.publish(1, 0);
        sink.lastTradeId(0, 5, 2, 0);
        sink.lastTradeId(0, 5, 3, 0);
        sink.begin();
        add(sink, t, 0, 6, 6);
        sink.publish(2, 0);
        assertThat(ring.ofType(EventType.GAP)).extracting(e -> e.value).containsExactly(4L);
        assertThat(stats.gaps()).isEqualTo(1);
    }

    private static TradeFields fields(int instruments) {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < instruments; i++) {
            symbols.add("S" + i);
        }
        return new TradeFields(Instruments.of(symbols, "USD"));
    }

    private static void add(TradeSink sink, TradeFields t, int instrument, long id, long timeNs) {
        t.instrumentId = instrument;
        t.tradeId = id;
        t.timeNs = timeNs;
        t.priceE8 = 100;
        t.sizeE8 = 1;
        t.side = Side.SELL;
        assertThat(sink.add(t)).isTrue();
    }
}

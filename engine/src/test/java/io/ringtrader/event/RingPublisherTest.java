package io.ringtrader.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.junit.jupiter.api.Test;

class RingPublisherTest {

    @Test
    void shouldCountDropsAndPrecedeTheNextTradeWithAGapFlaggedAfterDrop() {
        final RingBuffer<MarketEvent> ring = RingBuffer.createSingleProducer(() -> new MarketEvent(2), 4);
        final Sequence consumer = new Sequence(-1);
        ring.addGatingSequences(consumer);
        final RingPublisher publisher = new RingPublisher(ring, 2);
        for (int i = 0; i < 4; i++) {
            assertThat(publisher.publishTrade(1, i, 100, 1, i, Side.BUY, 0, i, 0)).isTrue();
        }
        assertThat(publisher.publishTrade(1, 4, 100, 1, 4, Side.BUY, 0, 4, 0)).isFalse();
        assertThat(publisher.publishTrade(1, 5, 100, 1, 5, Side.BUY, 0, 5, 0)).isFalse();
        assertThat(publisher.drops()).isEqualTo(2);
        consumer.set(3); // the consumer caught up
        assertThat(publisher.publishTrade(1, 6, 100, 1, 6, Side.BUY, 0, 6, 0)).isTrue();
        final MarketEvent gap = ring.get(4);
        assertThat(gap.type).isEqualTo(EventType.GAP);
        assertThat(gap.instrumentId).isEqualTo(1);
        assertThat(gap.value).isEqualTo(2);
        final MarketEvent trade = ring.get(5);
        assertThat(trade.tradeId).isEqualTo(6);
        assertThat(trade.flags & TradeFlags.AFTER_DROP).isNotZero();
        assertThat(publisher.publishTrade(1, 7, 100, 1, 7, Side.BUY, 0, 7, 0)).isTrue();
        assertThat(ring.get(6).flags & TradeFlags.AFTER_DROP).isZero();
        assertThat(publisher.published()).isEqualTo(7);
    }
}

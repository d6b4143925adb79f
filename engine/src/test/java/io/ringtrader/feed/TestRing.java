package io.ringtrader.feed;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import java.util.ArrayList;
import java.util.List;

/** A real Disruptor ring polled by the test thread: copies of every published event, in order. */
final class TestRing {
    final RingBuffer<MarketEvent> ring;
    final RingPublisher publisher;
    private final Sequence consumed = new Sequence(-1);
    private final List<MarketEvent> events = new ArrayList<>();

    TestRing(int size, int instruments) {
        ring = RingBuffer.createSingleProducer(() -> new MarketEvent(4), size, new BlockingWaitStrategy());
        ring.addGatingSequences(consumed);
        publisher = new RingPublisher(ring, instruments);
    }

    /** Copies what was published since the last call and frees those slots. */
    synchronized List<MarketEvent> drain() {
        final long available = ring.getCursor();
        for (long s = consumed.get() + 1; s <= available; s++) {
            final MarketEvent copy = new MarketEvent(1);
            copy.copyInputFrom(ring.get(s));
            events.add(copy);
        }
        consumed.set(available);
        return new ArrayList<>(events);
    }

    /** Frees every published slot without looking at it (allocation-free, for cost measurements). */
    void skipAll() {
        consumed.set(ring.getCursor());
    }

    /** Like {@link #drain()} but returns only the events published since the previous call. */
    synchronized List<MarketEvent> drainNew() {
        final int before = events.size();
        drain();
        return new ArrayList<>(events.subList(before, events.size()));
    }

    /** Copies of every event seen so far (without draining new ones). */
    synchronized List<MarketEvent> seen() {
        return new ArrayList<>(events);
    }

    List<MarketEvent> ofType(byte type) {
        final List<MarketEvent> result = new ArrayList<>();
        for (MarketEvent e : drain()) {
            if (e.type == type) {
                result.add(e);
            }
        }
        return result;
    }

    List<MarketEvent> trades() {
        return ofType(EventType.TRADE);
    }

    boolean hasStatus(long code) {
        for (MarketEvent e : ofType(EventType.FEED_STATUS)) {
            if (e.value == code) {
                return true;
            }
        }
        return false;
    }
}

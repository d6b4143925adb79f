package io.ringtrader.portfolio;

import io.ringtrader.event.Fill;
import io.ringtrader.order.OrderBook;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-producer single-consumer ring of pre-allocated entries carrying fills and portfolio snapshots, in order,
 * from the risk/portfolio handler (producer, never blocks: a full ring counts an overflow and drops the entry) to
 * the {@link TradeLogWriter} (consumer). Allocation-free on both sides after construction.
 */
public final class PortfolioOutbox {
    /** Receives drained entries on the consumer thread. */
    public interface Consumer {
        /** One fill, valid only during the call. */
        void onFill(Fill fill);

        /** One state snapshot, valid only during the call. */
        void onSnapshot(PortfolioSnapshot snapshot);
    }

    private static final byte FILL = 1;
    private static final byte SNAPSHOT = 2;

    private final int mask;
    private final byte[] kinds;
    private final Fill[] fills;
    private final PortfolioSnapshot[] snapshots;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    private long head;
    private long consumedCache;

    /** A ring of {@code capacity} entries (rounded up to a power of two) for {@code instrumentCount} instruments. */
    public PortfolioOutbox(int capacity, int instrumentCount, int orderSlots) {
        final int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        mask = size - 1;
        kinds = new byte[size];
        fills = new Fill[size];
        snapshots = new PortfolioSnapshot[size];
        for (int i = 0; i < size; i++) {
            fills[i] = new Fill();
            snapshots[i] = new PortfolioSnapshot(instrumentCount, orderSlots);
        }
    }

    /** Producer: queues a copy of {@code fill}; false (and counted) when the ring is full. */
    public boolean offerFill(Fill fill) {
        if (!hasRoom()) {
            return false;
        }
        final int i = (int) head & mask;
        kinds[i] = FILL;
        fills[i].copyFrom(fill);
        published.setRelease(++head);
        return true;
    }

    /** Producer: queues a snapshot of {@code portfolio} and its orders; false (and counted) when full. */
    public boolean offerSnapshot(Portfolio portfolio, OrderBook book) {
        if (!hasRoom()) {
            return false;
        }
        final int i = (int) head & mask;
        kinds[i] = SNAPSHOT;
        snapshots[i].copyFrom(portfolio, book);
        published.setRelease(++head);
        return true;
    }

    private boolean hasRoom() {
        if (head - consumedCache > mask) {
            consumedCache = consumed.getAcquire();
            if (head - consumedCache > mask) {
                overflows.setRelease(overflows.getPlain() + 1);
                return false;
            }
        }
        return true;
    }

    /** Consumer: hands every published entry to {@code consumer} in order; returns how many. */
    public int drain(Consumer consumer) {
        final long from = consumed.getPlain();
        final long to = published.getAcquire();
        for (long s = from; s < to; s++) {
            final int i = (int) s & mask;
            if (kinds[i] == FILL) {
                consumer.onFill(fills[i]);
            } else {
                consumer.onSnapshot(snapshots[i]);
            }
            consumed.setRelease(s + 1);
        }
        return (int) (to - from);
    }

    /** Entries dropped because the ring was full (any thread). */
    public long overflows() {
        return overflows.getAcquire();
    }

    /** Entries published and not yet drained (approximate from other threads). */
    public long backlog() {
        return published.getAcquire() - consumed.getAcquire();
    }
}

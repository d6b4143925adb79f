package io.ringtrader.portfolio;

import io.ringtrader.event.Fill;
import io.ringtrader.order.OrderBook;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From the risk/portfolio handler (producer, never blocks) to the {@link TradeLogWriter} (consumer): every fill,
 * in order, through a single-producer single-consumer ring of pre-allocated entries (a full ring counts an overflow
 * and drops the fill), and the account's latest state snapshot through a triple buffer. Snapshots conflate: the
 * writer only ever saves the newest state, so the producer copies into one of three buffers that stay warm in its
 * cache instead of into a cold ring slot per change (that copy was most of a signal's cost). The consumer takes
 * the newest snapshot BEFORE it drains the fills and hands it over after them, so a state it saves never reflects
 * a fill it has not written (the state may only lag the trade log, which recovery already handles).
 * Allocation-free on both sides after construction.
 */
public final class PortfolioOutbox {
    /** Receives drained entries on the consumer thread. */
    public interface Consumer {
        /** One fill, valid only during the call. */
        void onFill(Fill fill);

        /** The newest state snapshot, valid only during the call. */
        void onSnapshot(PortfolioSnapshot snapshot);
    }

    /** Set in {@link #middle} when it holds a snapshot the consumer has not taken. */
    private static final int FRESH = 4;
    private static final int INDEX = 3;

    private final int mask;
    private final Fill[] fills;
    private final PortfolioSnapshot[] snapshots = new PortfolioSnapshot[3];
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    /** The buffer between the two sides: its index, plus {@link #FRESH}. */
    private final AtomicInteger middle = new AtomicInteger(1);
    /** Producer-owned buffer index. */
    private int back;
    /** Consumer-owned buffer index. */
    private int front = 2;
    private long head;
    private long consumedCache;

    /**
     * A ring of {@code capacity} fills (rounded up to a power of two) and three snapshots for
     * {@code instrumentCount} instruments with {@code orderSlots} order slots each.
     */
    public PortfolioOutbox(int capacity, int instrumentCount, int orderSlots) {
        final int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        mask = size - 1;
        fills = new Fill[size];
        for (int i = 0; i < size; i++) {
            fills[i] = new Fill();
        }
        for (int i = 0; i < snapshots.length; i++) {
            snapshots[i] = new PortfolioSnapshot(instrumentCount, orderSlots);
        }
    }

    /** Producer: queues a copy of {@code fill}; false (and counted) when the ring is full. */
    public boolean offerFill(Fill fill) {
        if (head - consumedCache > mask) {
            consumedCache = consumed.getAcquire();
            if (head - consumedCache > mask) {
                overflows.setRelease(overflows.getPlain() + 1);
                return false;
            }
        }
        final int i = (int) head & mask;
        fills[i].copyFrom(fill);
        published.setRelease(++head);
        return true;
    }

    /**
     * Producer: publishes a snapshot of {@code portfolio} and its orders as the newest state, replacing one the
     * consumer has not taken yet. Never fails; returns true.
     */
    public boolean offerSnapshot(Portfolio portfolio, OrderBook book) {
        snapshots[back].copyFrom(portfolio, book);
        back = middle.getAndSet(back | FRESH) & INDEX;
        return true;
    }

    /**
     * Consumer: hands every published fill to {@code consumer} in order, then the newest snapshot if one was
     * published since the last drain; returns how many entries it handed over.
     */
    public int drain(Consumer consumer) {
        final boolean fresh = (middle.get() & FRESH) != 0;
        if (fresh) {
            front = middle.getAndSet(front) & INDEX;
        }
        final long from = consumed.getPlain();
        final long to = published.getAcquire();
        for (long s = from; s < to; s++) {
            consumer.onFill(fills[(int) s & mask]);
            consumed.setRelease(s + 1);
        }
        if (fresh) {
            consumer.onSnapshot(snapshots[front]);
        }
        return (int) (to - from) + (fresh ? 1 : 0);
    }

    /** Fills dropped because the ring was full (any thread). */
    public long overflows() {
        return overflows.getAcquire();
    }

    /** Fills published and not yet drained (approximate from other threads). */
    public long backlog() {
        return published.getAcquire() - consumed.getAcquire();
    }
}

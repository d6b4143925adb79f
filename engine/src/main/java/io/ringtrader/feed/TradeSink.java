package io.ringtrader.feed;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.event.TradeFlags;

/**
 * Collects the trades of one message, puts them in exchange order (Coinbase lists them newest first), drops
 * repeats, reports trade-id gaps, and publishes the rest as one batch of ring slots. Never blocks: a full ring is
 * counted as drops (the {@link RingPublisher} then owes the ring a gap event). Used by the feed's I/O thread only.
 */
final class TradeSink {
    private final RingPublisher publisher;
    private final FeedStats stats;
    private TradeDedup dedup;
    private final int capacity;
    private final int[] instrument;
    private final long[] tradeId;
    private final long[] timeNs;
    private final long[] priceE8;
    private final long[] sizeE8;
    private final byte[] side;
    private final int[] flags;
    private final int[] order;
    private final int[] scratch;
    private final int[] kept;
    /** Per instrument: a publishTrade failed and no later one succeeded, so the publisher holds pending drops. */
    private final boolean[] owesGap;
    /** Per instrument: trade ids up to here were already reported missing (heartbeat last_trade_id). */
    private final long[] reportedUpTo;
    private int count;
    private long lastExchangeNs;

    TradeSink(RingPublisher publisher, FeedStats stats, int instruments, int dedupWindow, int capacity) {
        this.publisher = publisher;
        this.stats = stats;
        this.dedup = new TradeDedup(instruments, dedupWindow);
        this.capacity = capacity;
        instrument = new int[capacity];
        tradeId = new long[capacity];
        timeNs = new long[capacity];
        priceE8 = new long[capacity];
        sizeE8 = new long[capacity];
        side = new byte[capacity];
        flags = new int[capacity];
        order = new int[capacity];
        scratch = new int[capacity];
        kept = new int[capacity];
        owesGap = new boolean[instruments];
        reportedUpTo = new long[instruments];
        java.util.Arrays.fill(reportedUpTo, -1);
    }

    /** Continues from what was published before a restart (before the first message; same dedup window). */
    void resumeFrom(FeedResume resume) {
        if (resume.dedup().window() != dedup.window() || resume.dedup().instrumentCount() != owesGap.length) {
            throw new IllegalArgumentException("the resume memory was built for another feed configuration");
        }
        dedup = resume.dedup();
    }

    /** Starts a new message. */
    void begin() {
        count = 0;
    }

    /** Trades added since {@link #begin()}. */
    int count() {
        return count;
    }

    /** Flags the trades added from index {@code from} on as snapshot trades. */
    void markSnapshot(int from) {
        for (int i = from; i < count; i++) {
            flags[i] |= TradeFlags.SNAPSHOT;
        }
    }

    /** Adds a validated trade; false if the message holds more trades than the sink can take. */
    boolean add(TradeFields t) {
        if (count == capacity) {
            return false;
        }
        instrument[count] = t.instrumentId;
        tradeId[count] = t.tradeId;
        timeNs[count] = t.timeNs;
        priceE8[count] = t.priceE8;
        sizeE8[count] = t.sizeE8;
        side[count] = t.side;
        flags[count] = 0;
        count++;
        return true;
    }

    /** Orders, filters and publishes the trades added since {@link #begin()}. */
    void publish(long feedSequence, long receivedNs) {
        if (count == 0) {
            return;
        }
        sortOldestFirst();
        int n = 0;
        boolean anyOwed = false;
        for (int k = 0; k < count; k++) {
            final int i = order[k];
            final int id = instrument[i];
            final long known = Math.max(dedup.highest(id), reportedUpTo[id]);
            if (!dedup.firstSeen(id, tradeId[i])) {
                stats.duplicate();
                continue;
            }
            if (known >= 0 && tradeId[i] > known + 1) {
                gap(id, timeNs[i], tradeId[i] - known - 1, receivedNs);
            }
            anyOwed |= owesGap[id];
            advanceTime(timeNs[i]);
            kept[n++] = i;
        }
        if (n == 0) {
            return;
        }
        if (!anyOwed && publisher.remainingCapacity() >= n) {
            final long hi = publisher.tryClaim(n);
            if (hi >= 0) {
                final long lo = hi - n + 1;
                for (int k = 0; k < n; k++) {
                    fill(publisher.slot(lo + k), kept[k], feedSequence, receivedNs);
                }
                publisher.publish(lo, hi);
                stats.trades(n);
                return;
            }
        }
        for (int k = 0; k < n; k++) {
            final int i = kept[k];
            if (publisher.publishTrade(instrument[i], timeNs[i], priceE8[i], sizeE8[i], tradeId[i], side[i], flags[i],
                feedSequence, receivedNs)) {
                owesGap[instrument[i]] = false;
                stats.trades(1);
            } else {
                owesGap[instrument[i]] = true;
                stats.drop();
            }
        }
    }

    /** Exchange heartbeat: the product's last trade id; a value ahead of what was seen means trades were lost. */
    void lastTradeId(int id, long lastTradeId, long timestampNs, long receivedNs) {
        final long known = Math.max(dedup.highest(id), reportedUpTo[id]);
        if (dedup.highest(id) >= 0 && lastTradeId > known) {
            gap(id, timestampNs, lastTradeId - known, receivedNs);
            reportedUpTo[id] = lastTradeId;
        }
    }

    /** Latest exchange time seen (trades and heartbeats); stamps feed status events. */
    long lastExchangeNs() {
        return lastExchangeNs;
    }

    /** Exchange time advanced (a heartbeat). */
    void advanceTime(long timestampNs) {
        if (timestampNs > lastExchangeNs) {
            lastExchangeNs = timestampNs;
        }
    }

    /** Highest trade id published (or dropped) for an instrument, -1 if none. */
    long highest(int id) {
        return dedup.highest(id);
    }

    /** Reports {@code missing} lost events for an instrument (-1: every instrument). */
    void gap(int id, long timestampNs, long missing, long receivedNs) {
        stats.gap(missing);
        publisher.publishGap(id, timestampNs, missing, receivedNs);
        RejectLog.LOG.warn("gap: {} events missing for instrument {}", missing, id);
    }

    private void fill(MarketEvent e, int i, long feedSequence, long receivedNs) {
        e.type = EventType.TRADE;
        e.instrumentId = instrument[i];
        e.timestampNs = timeNs[i];
        e.priceE8 = priceE8[i];
        e.sizeE8 = sizeE8[i];
        e.tradeId = tradeId[i];
        e.side = side[i];
        e.flags = flags[i];
        e.feedSequence = feedSequence;
        e.receivedNs = receivedNs;
    }

    /** Coinbase lists newest first: reverse, then merge-sort only if that is still not in order. */
    private void sortOldestFirst() {
        boolean sorted = true;
        for (int k = 0; k < count; k++) {
            order[k] = count - 1 - k;
            if (k > 0 && before(order[k], order[k - 1])) {
                sorted = false;
            }
        }
        if (!sorted) {
            mergeSort();
        }
    }

    private boolean before(int a, int b) {
        return timeNs[a] < timeNs[b] || (timeNs[a] == timeNs[b] && tradeId[a] < tradeId[b]);
    }

    private void mergeSort() {
        int[] src = order;
        int[] dst = scratch;
        for (int width = 1; width < count; width <<= 1) {
            for (int lo = 0; lo < count; lo += 2 * width) {
                final int mid = Math.min(lo + width, count);
                final int hi = Math.min(lo + 2 * width, count);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (a < mid && (b >= hi || !before(src[b], src[a]))) {
                        dst[k] = src[a++];
                    } else {
                        dst[k] = src[b++];
                    }
                }
            }
            final int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, count);
        }
    }
}

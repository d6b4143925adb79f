package io.ringtrader.event;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * The single producer's door into the ring: claims slots without ever blocking (a full ring is counted as a drop,
 * never waited on), clears and fills them, and publishes. After a drop, the next event published for the same
 * instrument carries {@link TradeFlags#AFTER_DROP} and a {@link EventType#GAP} event is published first, so the
 * candle stage marks the minute incomplete. Used by exactly one thread at a time (the feed's I/O thread, or a
 * replay reader); not thread-safe.
 */
public final class RingPublisher {
    private final RingBuffer<MarketEvent> ring;
    private final long[] pendingDropsByInstrument;
    private long pendingDropsAll;
    private long drops;
    private long published;
    private boolean justFlushedDrops;

    /** Publishes into {@code ring}, tracking drops for {@code instrumentCount} instruments. */
    public RingPublisher(RingBuffer<MarketEvent> ring, int instrumentCount) {
        this.ring = ring;
        this.pendingDropsByInstrument = new long[instrumentCount];
    }

    /** Slots still free: the feed pauses reading its socket when this gets low. */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    /** Ring size. */
    public int bufferSize() {
        return ring.getBufferSize();
    }

    /** Events dropped because the ring was full, since start. */
    public long drops() {
        return drops;
    }

    /** Events published since start. */
    public long published() {
        return published;
    }

    /**
     * Claims {@code n} consecutive slots, already cleared. Returns the highest claimed sequence, or -1 (and counts
     * {@code n} drops) when the ring has no room. The caller fills {@link #slot(long)} for each sequence from
     * {@code hi - n + 1} to {@code hi}, then calls {@link #publish(long, long)}.
     */
    public long tryClaim(int n) {
        final long hi = claim(n);
        if (hi < 0) {
            drops += n;
        }
        return hi;
    }

    private long claim(int n) {
        try {
            final long hi = ring.tryNext(n);
            for (long s = hi - n + 1; s <= hi; s++) {
                ring.get(s).clear();
            }
            return hi;
        } catch (InsufficientCapacityException e) {
            return -1;
        }
    }

    /**
     * Claims one cleared slot, or returns -1 when the ring is full without counting a drop: for producers that may
     * wait (journal replay), unlike the network feed which never does.
     */
    public long tryClaimWaiting() {
        return claim(1);
    }

    /** Claims {@code n} cleared slots (highest sequence returned) or -1 when full, without counting a drop. */
    public long tryClaimWaiting(int n) {
        return claim(n);
    }

    /** The slot at a claimed sequence. */
    public MarketEvent slot(long sequence) {
        return ring.get(sequence);
    }

    /** Publishes claimed slots {@code lo..hi}. */
    public void publish(long lo, long hi) {
        ring.publish(lo, hi);
        published += hi - lo + 1;
    }

    /** Records that an event for {@code instrumentId} (-1: all) was lost before reaching the ring. */
    public void recordDrop(int instrumentId) {
        drops++;
        if (instrumentId >= 0 && instrumentId < pendingDropsByInstrument.length) {
            pendingDropsByInstrument[instrumentId]++;
        } else {
            pendingDropsAll++;
        }
    }

    /** Publishes one trade; false (counted as a drop) if the ring is full. */
    public boolean publishTrade(int instrumentId, long timestampNs, long priceE8, long sizeE8, long tradeId,
                                byte side, int flags, long feedSequence, long receivedNs) {
        if (!flushPendingDrops(instrumentId, timestampNs, receivedNs)) {
            recordDrop(instrumentId);
            return false;
        }
        final long seq = claim(1);
        if (seq < 0) {
            recordDrop(instrumentId);
            return false;
        }
        final MarketEvent e = ring.get(seq);
        e.type = EventType.TRADE;
        e.instrumentId = instrumentId;
        e.timestampNs = timestampNs;
        e.priceE8 = priceE8;
        e.sizeE8 = sizeE8;
        e.tradeId = tradeId;
        e.side = side;
        e.flags = justFlushedDrops ? flags | TradeFlags.AFTER_DROP : flags;
        justFlushedDrops = false;
        e.feedSequence = feedSequence;
        e.receivedNs = receivedNs;
        publish(seq, seq);
        return true;
    }

    /**
     * Publishes the top of book of {@code instrumentId} at exchange time {@code timestampNs}; false when the ring is
     * full. A lost quote is not a lost trade: no gap is owed (the next quote replaces it), the caller counts it.
     */
    public boolean publishQuote(int instrumentId, long timestampNs, Quote quote, long feedSequence,
                                long receivedNs) {
        final long seq = claim(1);
        if (seq < 0) {
            return false;
        }
        final MarketEvent e = ring.get(seq);
        e.type = EventType.QUOTE;
        e.instrumentId = instrumentId;
        e.timestampNs = timestampNs;
        e.feedSequence = feedSequence;
        e.receivedNs = receivedNs;
        e.quote.copyFrom(quote);
        publish(seq, seq);
        return true;
    }

    /** Publishes a time advance (heartbeat) at exchange time {@code timestampNs}. */
    public boolean publishHeartbeat(long timestampNs, long feedSequence, long receivedNs) {
        return countDrop(publishSimple(EventType.HEARTBEAT, -1, timestampNs, 0, feedSequence, receivedNs));
    }

    /** Publishes a gap of {@code missing} events (0 if unknown) for an instrument (-1: all). */
    public boolean publishGap(int instrumentId, long timestampNs, long missing, long receivedNs) {
        return countDrop(publishSimple(EventType.GAP, instrumentId, timestampNs, missing, -1, receivedNs));
    }

    /** Publishes a feed status change ({@link FeedStatus} code). */
    public boolean publishStatus(long statusCode, long timestampNs, long receivedNs) {
        return countDrop(publishSimple(EventType.FEED_STATUS, -1, timestampNs, statusCode, -1, receivedNs));
    }

    private boolean countDrop(boolean published) {
        if (!published) {
            drops++;
        }
        return published;
    }

    private boolean publishSimple(byte type, int instrumentId, long timestampNs, long value, long feedSequence,
                                  long receivedNs) {
        final long seq = claim(1);
        if (seq < 0) {
            return false;
        }
        final MarketEvent e = ring.get(seq);
        e.type = type;
        e.instrumentId = instrumentId;
        e.timestampNs = timestampNs;
        e.value = value;
        e.feedSequence = feedSequence;
        e.receivedNs = receivedNs;
        publish(seq, seq);
        return true;
    }

    /** Before the next event of an instrument, turns its pending drops into a gap event. */
    private boolean flushPendingDrops(int instrumentId, long timestampNs, long receivedNs) {
        if (pendingDropsAll > 0) {
            if (!publishSimple(EventType.GAP, -1, timestampNs, pendingDropsAll, -1, receivedNs)) {
                return false;
            }
            pendingDropsAll = 0;
            justFlushedDrops = true;
        }
        if (instrumentId >= 0 && instrumentId < pendingDropsByInstrument.length
            && pendingDropsByInstrument[instrumentId] > 0) {
            if (!publishSimple(EventType.GAP, instrumentId, timestampNs, pendingDropsByInstrument[instrumentId], -1,
                receivedNs)) {
                return false;
            }
            pendingDropsByInstrument[instrumentId] = 0;
            justFlushedDrops = true;
        }
        return true;
    }
}

package io.ringtrader.feed;

import io.ringtrader.event.Quote;

/**
 * One product's level2 book: bids and asks in {@link BookSide}s, valid only between a snapshot and the next loss
 * (a sequence gap, a reconnect, a resubscribe): until a fresh snapshot arrives, updates are ignored and no level
 * from before is kept. Tracks whether the book is crossed (best bid at or above best ask). Owned by the feed's I/O
 * thread; not thread-safe.
 */
final class Level2Book {
    final BookSide bids;
    final BookSide asks;
    private boolean valid;
    private boolean inSnapshot;
    private long snapshots;
    private long updatesIgnored;
    private long repeatedLevels;

    /** A book holding at most {@code maxLevels} per side. */
    Level2Book(int maxLevels) {
        bids = new BookSide(true, maxLevels);
        asks = new BookSide(false, maxLevels);
    }

    /** True between a snapshot and the next {@link #invalidate()}. */
    boolean valid() {
        return valid;
    }

    /** Snapshots applied since start. */
    long snapshots() {
        return snapshots;
    }

    /** Updates that arrived while the book waited for a snapshot (ignored). */
    long updatesIgnored() {
        return updatesIgnored;
    }

    /** Prices a snapshot listed twice (merged). */
    long repeatedLevels() {
        return repeatedLevels;
    }

    /** Levels dropped on both sides because a side was full. */
    long droppedLevels() {
        return bids.droppedLevels() + asks.droppedLevels();
    }

    /** Forgets every level and ignores updates until the next snapshot. */
    void invalidate() {
        valid = false;
        inSnapshot = false;
        bids.clear();
        asks.clear();
    }

    /** Starts a snapshot: every level from before is forgotten. */
    void beginSnapshot() {
        inSnapshot = true;
        bids.beginSnapshot();
        asks.beginSnapshot();
    }

    /** One level of the snapshot in progress. */
    void snapshotLevel(boolean bid, long priceE8, long sizeE8) {
        if (inSnapshot) {
            (bid ? bids : asks).appendSnapshot(priceE8, sizeE8);
        }
    }

    /** Ends the snapshot: the book is valid from here on. */
    void endSnapshot() {
        if (!inSnapshot) {
            return;
        }
        repeatedLevels += bids.endSnapshot() + asks.endSnapshot();
        inSnapshot = false;
        valid = true;
        snapshots++;
    }

    /**
     * An update with the absolute size at a price (0 deletes); ignored while the book is not valid. Returns the rank
     * it touched (0 = the best level), or -1 when nothing changed.
     */
    int update(boolean bid, long priceE8, long sizeE8) {
        if (!valid) {
            updatesIgnored++;
            return -1;
        }
        return (bid ? bids : asks).set(priceE8, sizeE8);
    }

    /** True when both sides have levels and the best bid is at or above the best ask. */
    boolean crossed() {
        return bids.levels() > 0 && asks.levels() > 0 && bids.priceE8(0) >= asks.priceE8(0);
    }

    /** Writes the top {@link Quote#DEPTH} levels per side into {@code out} (empty when not valid). */
    void topInto(Quote out) {
        out.clear();
        if (!valid) {
            return;
        }
        out.bidLevels = Math.min(Quote.DEPTH, bids.levels());
        for (int i = 0; i < out.bidLevels; i++) {
            out.bidPriceE8[i] = bids.priceE8(i);
            out.bidSizeE8[i] = bids.sizeE8(i);
        }
        out.askLevels = Math.min(Quote.DEPTH, asks.levels());
        for (int i = 0; i < out.askLevels; i++) {
            out.askPriceE8[i] = asks.priceE8(i);
            out.askSizeE8[i] = asks.sizeE8(i);
        }
    }
}

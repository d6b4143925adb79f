package io.ringtrader.feed;

import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;

/**
 * What the feed had already published before a restart: per product the trade ids inside the dedup window and the
 * highest one. Kept on the ring by the pipeline's feed-memory stage from every journaled trade (so a snapshot
 * carries it), and a {@link #copy} is handed to the new {@link FeedClient} before it connects, so the last trades
 * Coinbase resends on subscribe are dropped as repeats instead of being merged into the candles a second time, and
 * trades missed while the engine was down show up as a trade-id gap.
 *
 * <p>Filled by one thread at a time; a copy is what another thread goes on with.
 */
public final class FeedResume {
    private final TradeDedup dedup;
    private long trades;

    /** Memory for {@code instruments} products with the feed's dedup window ({@code feed.dedup_window}). */
    public FeedResume(int instruments, int dedupWindow) {
        this.dedup = new TradeDedup(instruments, dedupWindow);
    }

    private FeedResume(FeedResume other) {
        this.dedup = new TradeDedup(other.dedup);
        this.trades = other.trades;
    }

    /** A copy for another thread, taken once the owner has stopped changing this one (or on its own thread). */
    public FeedResume copy() {
        return new FeedResume(this);
    }

    /** Remembers a journaled input if it is a trade with an exchange trade id. */
    public void remember(MarketEvent input) {
        if (input.type == EventType.TRADE && input.tradeId >= 0 && input.instrumentId >= 0
            && input.instrumentId < dedup.instrumentCount()) {
            dedup.firstSeen(input.instrumentId, input.tradeId);
            trades++;
        }
    }

    /** Highest trade id remembered for an instrument, -1 if none. */
    public long lastTradeId(int instrumentId) {
        return dedup.highest(instrumentId);
    }

    /** Trades remembered. */
    public long trades() {
        return trades;
    }

    TradeDedup dedup() {
        return dedup;
    }
}

package io.ringtrader.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.feed.FeedResume;

/**
 * Keeps the feed's restart memory (the trade ids already published, per product) on the ring, from every journaled
 * trade that passes, live or recovered. It is stage state like the candles: a snapshot carries it, so a restart
 * from a snapshot hands the feed its memory without reading the journal before the snapshot. Allocation-free.
 */
public final class FeedMemoryHandler implements EventHandler<MarketEvent> {
    private final FeedResume memory;

    /** Memory for {@code instruments} products with the feed's dedup window ({@code feed.dedup_window}). */
    public FeedMemoryHandler(int instruments, int dedupWindow) {
        this.memory = new FeedResume(instruments, dedupWindow);
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        if (event.journalIndex >= 0) {
            memory.remember(event);
        }
    }

    /**
     * A copy for the feed's I/O thread: call it once the ring has processed everything recovery published (the
     * ring's sequence then orders this thread after the consumer's writes).
     */
    public FeedResume handOver() {
        return memory.copy();
    }
}

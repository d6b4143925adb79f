package io.ringtrader.journal;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.TradeFlags;

/**
 * Last ring stage: appends what the stages derived from an event (closed candles, signals, risk decisions,
 * fills, order updates) after the event itself, so the journal holds inputs and outputs and replay can verify them.
 */
public final class OutputJournalHandler implements EventHandler<MarketEvent> {
    private final StageWriter writer;
    private long appended;

    /** Journals into {@code journal}; the writer is created on the consumer thread. */
    public OutputJournalHandler(Journal journal) {
        this.writer = new StageWriter(journal);
    }

    @Override
    public void onStart() {
        writer.get();
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        if ((event.flags & TradeFlags.REPLAYED) != 0 || event.type == EventType.HISTORY_CANDLE) {
            return; // recovery re-derives what was journaled live; history candles are inputs
        }
        try {
            appendOutputs(event);
        } catch (JournalWriteException e) {
            if (e.first()) {
                throw new io.ringtrader.event.BrokenInvariantException(e.getMessage(), e);
            }
        }
    }

    private void appendOutputs(MarketEvent event) {
        for (int i = 0; i < event.closedCandles.size(); i++) {
            writer.get().appendCandle(event.closedCandles.get(i));
            appended++;
        }
        for (int i = 0; i < event.signals.size(); i++) {
            writer.get().appendSignal(event.signals.get(i));
            appended++;
        }
        for (int i = 0; i < event.decisions.size(); i++) {
            writer.get().appendDecision(event.decisions.get(i));
            appended++;
        }
        for (int i = 0; i < event.fills.size(); i++) {
            writer.get().appendFill(event.fills.get(i));
            appended++;
        }
        for (int i = 0; i < event.orders.size(); i++) {
            writer.get().appendOrder(event.orders.get(i));
            appended++;
        }
    }

    @Override
    public void onShutdown() {
        writer.close();
    }

    /** Derived entries appended so far. */
    public long appended() {
        return appended;
    }
}

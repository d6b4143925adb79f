package io.ringtrader.journal;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.BrokenInvariantException;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.TradeFlags;

/**
 * First ring stage: appends every input event to the journal before any stage acts on it, and stamps the slot
 * with its journal index (the state file records the last index it reflects). Runs on one consumer thread.
 */
public final class JournalHandler implements EventHandler<MarketEvent> {
    private final StageWriter writer;
    private long appended;

    /** Journals into {@code journal}; the writer is created on the consumer thread at start. */
    public JournalHandler(Journal journal) {
        this.writer = new StageWriter(journal);
    }

    @Override
    public void onStart() {
        writer.get();
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        if ((event.flags & TradeFlags.REPLAYED) != 0) {
            return; // recovery: already in the journal, journalIndex set by the reader
        }
        try {
            event.journalIndex = writer.get().appendInput(event);
        } catch (JournalWriteException e) {
            // the journal is the source of truth: without it nothing may be derived or traded; report it once
            if (e.first()) {
                throw new BrokenInvariantException(e.getMessage(), e);
            }
            return;
        } catch (RuntimeException e) {
            throw new BrokenInvariantException("journal append failed: " + e, e);
        }
        appended++;
    }

    @Override
    public void onShutdown() {
        writer.close();
    }

    /** Inputs appended so far (read by telemetry; a plain long read racily is fine for display). */
    public long appended() {
        return appended;
    }
}

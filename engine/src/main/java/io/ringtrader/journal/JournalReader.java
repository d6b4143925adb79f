package io.ringtrader.journal;

import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads journal entries in order into a reused {@link JournalRecord}. Used by replay, crash recovery and the
 * two-process mode (tailing a journal another process writes). One thread only. Entries it does not understand
 * (a newer record type, a half-written entry skipped by Chronicle) are counted and skipped.
 */
public final class JournalReader implements AutoCloseable {
    private final ExcerptTailer tailer;
    private long skipped;

    JournalReader(ExcerptTailer tailer) {
        this.tailer = tailer;
    }

    /** Positions the reader just after {@code index} (so the next entry read is the one after it). */
    public boolean seekAfter(long index) {
        if (index < 0) {
            tailer.toStart();
            return true;
        }
        if (!tailer.moveToIndex(index)) {
            return false;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            return dc.isPresent();
        }
    }

    /** Reads the next entry into {@code out}; false when there is none (yet). */
    public boolean next(JournalRecord out) {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                final Bytes<?> b = dc.wire().bytes();
                if (b.readRemaining() < 1) {
                    skipped++;
                    continue;
                }
                out.index = dc.index();
                out.type = b.readByte();
                switch (out.type) {
                    case RecordType.INPUT -> {
                        out.input.clear();
                        JournalCodec.readInput(b, out.input);
                        out.input.journalIndex = out.index;
                    }
                    case RecordType.CANDLE -> JournalCodec.readCandle(b, out.candle);
                    case RecordType.SIGNAL -> JournalCodec.readSignal(b, out.signal);
                    case RecordType.DECISION -> JournalCodec.readDecision(b, out.decision);
                    case RecordType.FILL -> JournalCodec.readFill(b, out.fill);
                    case RecordType.ORDER -> JournalCodec.readOrder(b, out.order);
                    case RecordType.NOTE -> {
                        final byte[] utf8 = new byte[b.readInt()];
                        b.read(utf8);
                        out.note = new String(utf8, StandardCharsets.UTF_8);
                    }
                    default -> {
                        skipped++;
                        continue;
                    }
                }
                return true;
            }
        }
    }

    /** Entries skipped as unreadable. */
    public long skipped() {
        return skipped;
    }

    /** Index of the last entry read. */
    public long lastReadIndex() {
        return tailer.lastReadIndex();
    }

    @Override
    public void close() {
        tailer.close();
    }
}

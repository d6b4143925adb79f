package io.ringtrader.journal;

import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads journal entries in order into a reused {@link JournalRecord}. Used by replay, crash recovery and the
 * two-process mode (tailing a journal another process writes). One thread only. An entry that does not decode (an
 * unknown record type, bytes that Chronicle or the codec refuse) throws a {@link JournalDamageException} naming
 * the file and position: the journal is the source of truth, so a damaged one is never read past silently.
 * Empty entries (none is ever written) are counted and skipped.
 */
public final class JournalReader implements AutoCloseable {
    private final Journal journal;
    private final ExcerptTailer tailer;
    private long skipped;
    private long lastGoodIndex = -1;

    JournalReader(Journal journal, ExcerptTailer tailer) {
        this.journal = journal;
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

    /** Reads the entry at {@code index} into {@code out} (the next read is the one after it); false without one. */
    public boolean readAt(long index, JournalRecord out) {
        return index >= 0 && tailer.moveToIndex(index) && next(out) && out.index == index;
    }

    /** Reads the next entry into {@code out}; false when there is none (yet). */
    public boolean next(JournalRecord out) {
        try {
            final boolean read = readNext(out);
            if (read) {
                lastGoodIndex = out.index;
            }
            return read;
        } catch (JournalDamageException e) {
            throw e;
        } catch (RuntimeException | InternalError | AssertionError e) {
            throw journal.damage(lastGoodIndex, e.toString(), e);
        }
    }

    /** Continues at the first entry of roll cycle {@code cycle} (a repair reading past damage). */
    boolean moveToCycle(int cycle) {
        try {
            return tailer.moveToCycle(cycle);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Index of the last entry read whole, or -1. */
    public long lastGoodIndex() {
        return lastGoodIndex;
    }

    private boolean readNext(JournalRecord out) {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                final Bytes<?> b = dc.wire().bytes();
                if (b.readRemaining() < 1) {
                    skipped++;
                    lastGoodIndex = dc.index();
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
                    case RecordType.CANDLE_BOOK -> {
                        JournalCodec.readCandleBook(b, out.candle);
                        out.type = RecordType.CANDLE;
                    }
                    case RecordType.SIGNAL -> JournalCodec.readSignal(b, out.signal);
                    case RecordType.DECISION -> JournalCodec.readDecision(b, out.decision);
                    case RecordType.FILL -> JournalCodec.readFill(b, out.fill);
                    case RecordType.ORDER -> JournalCodec.readOrder(b, out.order);
                    case RecordType.NOTE -> {
                        final byte[] utf8 = new byte[b.readInt()];
                        b.read(utf8);
                        out.note = new String(utf8, StandardCharsets.UTF_8);
                    }
                    default -> throw journal.damage(lastGoodIndex, "an entry of unknown type " + out.type
                        + " at index " + Long.toHexString(out.index), null);
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

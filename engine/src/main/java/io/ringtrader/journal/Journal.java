package io.ringtrader.journal;

import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Fill;
import io.ringtrader.event.OrderUpdate;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Signal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The Chronicle Queue journal in {@code data/journal/}: every ring input and every derived output, in order. An
 * appender belongs to one thread, so each writing thread gets its own {@link Writer}; readers use
 * {@link JournalReader}. Chronicle's usage analytics are switched off before Chronicle loads. Cycles roll daily on
 * exchange time ({@link JournalClock}), not on the wall clock.
 */
public final class Journal implements AutoCloseable {
    private static final org.apache.logging.log4j.Logger LOG =
        org.apache.logging.log4j.LogManager.getLogger(Journal.class);
    static {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("disable.resource.warning", "true");
    }

    private final Path dir;
    private final ChronicleQueue queue;
    private final JournalClock clock;
    /** The first write failure (a full disk, an I/O error), after which every append is refused at once. */
    private final java.util.concurrent.atomic.AtomicReference<String> writeFailure =
        new java.util.concurrent.atomic.AtomicReference<>();

    private Journal(Path dir, ChronicleQueue queue, JournalClock clock) {
        this.dir = dir;
        this.queue = queue;
        this.clock = clock;
        if (queue instanceof net.openhft.chronicle.queue.impl.single.SingleChronicleQueue single
            && single.firstCycle() != Integer.MAX_VALUE) {
            // the clock resumes in the last cycle: never behind a file already written (Chronicle cannot roll back)
            clock.startAt((long) single.lastCycle() * queue.rollCycle().lengthInMillis());
        }
    }

    /** Opens (or creates) the journal in {@code dir}. */
    public static Journal open(Path dir) {
        return open(dir, false);
    }

    /** Opens an existing journal for reading only. */
    public static Journal openReadOnly(Path dir) {
        return open(dir, true);
    }

    private static Journal open(Path dir, boolean readOnly) {
        final JournalClock clock = new JournalClock();
        return new Journal(dir, ChronicleQueue.singleBuilder(dir).rollCycle(RollCycles.FAST_DAILY)
            .timeProvider(clock).readOnly(readOnly).build(), clock);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** A writer for the calling thread; use it from that thread only. */
    public Writer writer() {
        return new Writer(this, queue.createAppender());
    }

    /** A reader from the start of the journal. */
    public JournalReader reader() {
        return new JournalReader(this, queue.createTailer());
    }

    /**
     * The latest exchange time of the input events up to and including {@code index} (history candles aside), or
     * {@link Long#MIN_VALUE} when there is no input at {@code index}: a state file claiming to reflect the journal up
     * to {@code index} must show this time as its last update.
     */
    public long lastInputTimeThrough(long index) {
        if (index < 0) {
            return Long.MIN_VALUE;
        }
        // the roll clock is the latest exchange time, so no earlier cycle holds a later input than this cycle's
        // first: reading the index's own cycle is enough unless its inputs so far are all older than the cycle
        final int cycle = cycleOf(index);
        final long cycleStartNs = (long) cycle * queue.rollCycle().lengthInMillis() * 1_000_000L;
        final long inCycle = lastInputTimeThrough(index, cycle);
        return inCycle == Long.MIN_VALUE || inCycle >= cycleStartNs ? inCycle : lastInputTimeThrough(index, -1);
    }

    /** {@link #lastInputTimeThrough(long)} reading from the first entry of {@code fromCycle} (-1: the start). */
    private long lastInputTimeThrough(long index, int fromCycle) {
        long latest = 0;
        try (JournalReader reader = reader()) {
            if (fromCycle >= 0 && !reader.moveToCycle(fromCycle)) {
                reader.seekAfter(-1);
            }
            final JournalRecord record = new JournalRecord();
            while (reader.next(record) && record.index <= index) {
                if (record.type == RecordType.INPUT && record.input.type != EventType.HISTORY_CANDLE) {
                    latest = Math.max(latest, record.input.timestampNs);
                }
                if (record.index == index) {
                    return record.type == RecordType.INPUT ? latest : Long.MIN_VALUE;
                }
            }
        }
        return Long.MIN_VALUE;
    }

    /**
     * A damage report for entries after {@code lastGoodIndex} (-1: from the start): names the cycle file, the
     * entry's position within it, and the way to repair.
     */
    JournalDamageException damage(long lastGoodIndex, String what, Throwable cause) {
        final String where = lastGoodIndex < 0 ? "from its first entry"
            : "after entry " + queue.rollCycle().toSequenceNumber(lastGoodIndex) + " of " + cycleFile(
                queue.rollCycle().toCycle(lastGoodIndex)) + " (index " + lastGoodIndex + ")";
        return new JournalDamageException("The journal " + dir + " is damaged: it cannot be read " + where + ": "
            + what + ". Nothing was derived from it; see `journal check --journal " + dir + "` and, to go on with"
            + " every readable entry, `journal repair --journal " + dir + "` (README, Troubleshooting)", cause);
    }

    /** True when {@code dir} holds Chronicle Queue cycle files. */
    public static boolean hasQueueFiles(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
    }

    /** The file of a roll cycle, e.g. {@code data/journal/20260105F.cq4}. */
    Path cycleFile(int cycle) {
        final net.openhft.chronicle.queue.RollCycle rc = queue.rollCycle();
        final String name = java.time.format.DateTimeFormatter.ofPattern(rc.format())
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.ofEpochMilli((long) cycle * rc.lengthInMillis()));
        return dir.resolve(name + ".cq4");
    }

    /** The roll cycle (file) of an entry index. */
    int cycleOf(long index) {
        return queue.rollCycle().toCycle(index);
    }

    /** The roll cycles that hold entries, oldest first. */
    java.util.List<Integer> cycles() {
        final java.util.List<Integer> cycles = new java.util.ArrayList<>();
        if (queue instanceof net.openhft.chronicle.queue.impl.single.SingleChronicleQueue single
            && single.firstCycle() != Integer.MAX_VALUE) {
            for (Long c : single.listCyclesBetween(single.firstCycle(), single.lastCycle())) {
                cycles.add(c.intValue());
            }
        }
        return cycles;
    }

    /** The newest roll cycle that holds entries, or -1 when the journal is empty. */
    int lastCycle() {
        final long index = lastIndex();
        return index < 0 ? -1 : cycleOf(index);
    }

    /** Re-reads the folder's cycle files after retention removed some (any thread). */
    void refreshCycles() {
        if (queue instanceof net.openhft.chronicle.queue.impl.single.SingleChronicleQueue single) {
            single.refreshDirectoryListing();
        }
    }

    /** Entries the queue's index lists for a cycle. */
    long entriesInCycle(int cycle) {
        try (net.openhft.chronicle.queue.ExcerptTailer t = queue.createTailer()) {
            return t.excerptsInCycle(cycle);
        }
    }

    /** The first write failure, or null. */
    public String writeFailure() {
        return writeFailure.get();
    }

    /** Records a failed append (the first one wins) and returns the exception that reports it. */
    private JournalWriteException failed(Throwable cause) {
        final String message = "the journal " + dir + " cannot be written (" + cycleFile(currentCycle()) + "): "
            + cause;
        final boolean first = writeFailure.compareAndSet(null, message);
        return new JournalWriteException(writeFailure.get(), first, cause);
    }

    private int currentCycle() {
        try {
            return queue instanceof net.openhft.chronicle.queue.impl.single.SingleChronicleQueue single
                ? single.cycle() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Index of the last entry, or -1 when the journal is empty. */
    public long lastIndex() {
        final long index = queue.lastIndex();
        return index < 0 ? -1 : index;
    }

    @Override
    public void close() {
        if (writeFailure.get() != null) {
            releaseWriteLock();
        }
        queue.close();
    }

    /**
     * After a failed append Chronicle's write lock (in {@code metadata.cq4t}) can stay held by this process: the
     * failure struck inside the append, after the lock was taken. Released here, so the next start does not find
     * a dead process's lock (Chronicle would force it open with a warning). Chronicle keeps the lock's accessor
     * package-private, hence the reflection; if that fails, the next start still recovers as before.
     */
    private void releaseWriteLock() {
        try {
            final java.lang.reflect.Method accessor = net.openhft.chronicle.queue.impl.single.SingleChronicleQueue
                .class.getDeclaredMethod("writeLock");
            accessor.setAccessible(true);
            final Object lock = accessor.invoke(queue);
            if (lock instanceof net.openhft.chronicle.queue.impl.single.TableStoreWriteLock held
                && held.locked() && held.isLockedByCurrentProcess(pid -> { })) {
                held.forceUnlock();
                LOG.info("Journal {}: released the write lock the failed append left held", dir);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Journal {}: could not release the write lock after the failed append ({}); the next start"
                + " force-unlocks it", dir, e.toString());
        }
    }

    /** Appends entries without garbage; one per thread. */
    public static final class Writer implements AutoCloseable {
        private final Journal journal;
        private final ExcerptAppender appender;

        private Writer(Journal journal, ExcerptAppender appender) {
            this.journal = journal;
            this.appender = appender;
        }

        /**
         * A document to write one entry into; after any write failure of this journal it is refused at once (no
         * wait on Chronicle's write lock, no error storm). Callers write, then {@link #commit} or {@link #abort}.
         */
        private DocumentContext begin() {
            if (journal.writeFailure.get() != null) {
                throw new JournalWriteException(journal.writeFailure.get(), false, null);
            }
            try {
                return appender.writingDocument();
            } catch (RuntimeException | InternalError e) {
                throw journal.failed(e);
            }
        }

        private void commit(DocumentContext dc) {
            try {
                dc.close();
            } catch (RuntimeException | InternalError e) {
                throw journal.failed(e);
            }
        }

        private JournalWriteException abort(DocumentContext dc, Throwable e) {
            try {
                dc.rollbackOnClose();
                dc.close(); // releases the write lock, so no later start finds it held
            } catch (RuntimeException | InternalError ignored) {
                // already failing: the first cause is the one reported
            }
            return journal.failed(e);
        }

        /** Appends an input event and returns its journal index; its exchange time moves the roll clock. */
        public long appendInput(MarketEvent event) {
            journal.clock.advanceNs(event.timestampNs);
            final DocumentContext dc = begin();
            try {
                JournalCodec.writeInput(bytes(dc), event);
            } catch (RuntimeException | InternalError e) {
                throw abort(dc, e);
            }
            commit(dc);
            return appender.lastIndexAppended();
        }

        /** Appends a closed candle. */
        public void appendCandle(Candle candle) {
            final DocumentContext dc = begin();
            try {
                JournalCodec.writeCandle(bytes(dc), candle);
            } catch (RuntimeException | InternalError e) {
                throw abort(dc, e);
            }
            commit(dc);
        }

        /** Appends a signal with its votes. */
        public void appendSignal(Signal signal) {
            final DocumentContext dc = begin();
            try {
                JournalCodec.writeSignal(bytes(dc), signal);
            } catch (RuntimeException | InternalError e) {
                throw abort(dc, e);
            }
            commit(dc);
        }

        /** Appends a risk decision. */
        public void appendDecision(RiskDecision decision) {
            final DocumentContext dc = begin();
            try {
                JournalCodec.writeDecision(bytes(dc), decision);
            } catch (RuntimeException | InternalError e) {
                throw abort(dc, e);
            }
            commit(dc);
        }

        /** Appends a fill. */
        public void appendFill(Fill fill) {
            final DocumentContext dc = begin();
            try {
                JournalCodec.writeFill(bytes(dc), fill);
            } catch (RuntimeException | InternalError e) {
                throw abort(dc, e);
            }
            commit(dc);
        }

        /** Appends an order state change. */
        public void appendOrder(OrderUpdate update) {
            final DocumentContext dc = begin();
            try {
                JournalCodec.writeOrder(bytes(dc), update);
            } catch (RuntimeException | InternalError e) {
                throw abort(dc, e);
            }
            commit(dc);
        }

        /** Appends a free-text note (off the hot path: selection results, session markers). */
        public void appendNote(String text) {
            final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            final DocumentContext dc = begin();
            try {
                final Bytes<?> b = bytes(dc);
                b.writeByte(RecordType.NOTE);
                b.writeInt(utf8.length);
                b.write(utf8);
            } catch (RuntimeException | InternalError e) {
                throw abort(dc, e);
            }
            commit(dc);
        }

        /** Index of the last entry this writer appended. */
        public long lastIndex() {
            return appender.lastIndexAppended();
        }

        private static Bytes<?> bytes(DocumentContext dc) {
            return dc.wire().bytes();
        }

        @Override
        public void close() {
            appender.close();
        }
    }
}

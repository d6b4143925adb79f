package io.ringtrader.snapshot;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.MarketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The ring stage that snapshots every stage's state each {@code interval} of exchange time: placed after every
 * stateful stage on the same consumer thread (the fused topology), so at the first input past each boundary the
 * stages have processed exactly the inputs up to it. The state is copied into bytes here, on the owning thread
 * (the only moment the ring waits: milliseconds every interval, reported), and written, checksummed and pruned on
 * a background thread. A snapshot is put off while a strategy re-selection is computing on its worker (its
 * result is not state yet), to the next input after it is applied. A failed write is a WARN: the journal is the
 * source of truth, a snapshot only shortens recovery.
 */
public final class SnapshotTaker implements EventHandler<MarketEvent>, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(SnapshotTaker.class);
    private static final long NONE = Long.MIN_VALUE;

    private final Path dir;
    private final Path archiveDir;
    private final long intervalNs;
    private final int kept;
    private final String symbols;
    private final StateImage image;
    private final Object[] roots;
    private final BooleanSupplier idle;
    /**
     * Two buffers: the ring thread copies into a free one and hands it to the writer, which gives it back once
     * written, so the ring thread never allocates or copies the state twice; none free means the disk is an interval
     * behind, and that snapshot is skipped.
     */
    private final ArrayBlockingQueue<StateBytes.Out> freeBuffers = new ArrayBlockingQueue<>(2);
    private final AtomicLong failed = new AtomicLong();
    /** At most two writes are ever queued: each holds one of the two buffers. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        final Thread t = new Thread(r, "snapshot-writer");
        t.setDaemon(true);
        return t;
    });
    private long nextDueNs = NONE;
    private volatile long taken;
    private volatile long written;
    private volatile long lastCopyNs;
    private volatile long lastBytes;

    /**
     * Snapshots the state reachable from {@code roots} into {@code dir} every {@code intervalNs} of exchange time,
     * when {@code idle} (nothing computing off the ring), keeping the newest {@code kept}; the first of each UTC day
     * is also kept for good in {@code archiveDir} (null: none), the journal archive's snapshots, so an archived day
     * replays from the snapshot taken at its start.
     */
    public SnapshotTaker(Path dir, Path archiveDir, long intervalNs, int kept, String symbols, StateImage image,
                         BooleanSupplier idle, Object... roots) {
        this.dir = dir;
        this.archiveDir = archiveDir;
        this.intervalNs = intervalNs;
        this.kept = kept;
        this.symbols = symbols;
        this.image = image;
        this.idle = idle;
        this.roots = roots.clone();
        freeBuffers.add(new StateBytes.Out(1 << 20));
        freeBuffers.add(new StateBytes.Out(1 << 20));
    }

    /**
     * Walks the state {@code walks} times on the calling thread, which must own it (before the ring starts): the
     * copies on the ring thread then run compiled code into a buffer already grown to the state's size. Cold, every
     * copy ran interpreted (one comes only every interval) and the first also grew the buffer: 30 to 380 ms on the
     * ring thread for 12 MB, against about 5 ms warm. Returns the nanoseconds the last walk took; {@link #lastBytes()}
     * is then the state's size.
     */
    public long warmUp(int walks) {
        long lastNs = 0;
        int bytes = 0;
        for (int i = 0; i < walks; i++) {
            final StateBytes.Out buffer = freeBuffers.remove();
            final long startNs = System.nanoTime();
            buffer.reset();
            image.write(buffer, roots);
            lastNs = System.nanoTime() - startNs;
            bytes = buffer.size();
            freeBuffers.add(buffer);
        }
        lastBytes = bytes;
        return lastNs;
    }

    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        if (event.journalIndex < 0 || event.timestampNs <= 0) {
            return; // only a journaled input can be the point a snapshot reflects
        }
        if (nextDueNs == NONE) {
            nextDueNs = boundaryAfter(event.timestampNs);
        } else if (event.timestampNs >= nextDueNs && idle.getAsBoolean()) {
            take(event.journalIndex, event.timestampNs);
            nextDueNs = boundaryAfter(event.timestampNs);
        }
    }

    private long boundaryAfter(long timestampNs) {
        return (Math.floorDiv(timestampNs, intervalNs) + 1) * intervalNs;
    }

    private void take(long journalIndex, long timestampNs) {
        final StateBytes.Out buffer = freeBuffers.poll();
        if (buffer == null) {
            failed.incrementAndGet();
            LOG.warn("Snapshot at journal index {} skipped: the writer still holds both buffers", journalIndex);
            return;
        }
        final long startNs = System.nanoTime();
        buffer.reset();
        try {
            image.write(buffer, roots);
        } catch (RuntimeException e) {
            freeBuffers.add(buffer);
            failed.incrementAndGet();
            LOG.warn("Snapshot at journal index {} not taken: {}", journalIndex, e.toString());
            return;
        }
        final long copyNs = System.nanoTime() - startNs;
        final int length = buffer.size();
        lastCopyNs = copyNs;
        lastBytes = length;
        taken++;
        final SnapshotFile.Header header = new SnapshotFile.Header(journalIndex, timestampNs, symbols);
        writer.execute(() -> {
            try {
                final Path file = SnapshotFile.write(dir, header, buffer.array(), length);
                SnapshotStore.prune(dir, kept);
                if (archiveDir != null && SnapshotStore.firstOfItsDay(archiveDir, header)) {
                    LOG.info("Snapshot {} kept in the journal archive {}", file.getFileName(),
                        SnapshotFile.write(archiveDir, header, buffer.array(), length).getParent());
                }
                written++;
                LOG.info("Snapshot {}: {} bytes, copied on the ring thread in {} us", file.getFileName(), length,
                    copyNs / 1_000);
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
                LOG.warn("Snapshot at journal index {} not written to {}: {}", journalIndex, dir, e.toString());
            } finally {
                freeBuffers.add(buffer);
            }
        });
    }

    /** Snapshots copied on the ring thread. */
    public long taken() {
        return taken;
    }

    /** Snapshots written to disk. */
    public long written() {
        return written;
    }

    /** Snapshots that failed (copy or write). */
    public long failed() {
        return failed.get();
    }

    /** Nanoseconds the last copy held the ring thread. */
    public long lastCopyNs() {
        return lastCopyNs;
    }

    /** Bytes of the last snapshot's state. */
    public long lastBytes() {
        return lastBytes;
    }

    /** Waits for the pending writes (after the ring drained). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Snapshot writer still busy after 60 s; the last snapshot may be missing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

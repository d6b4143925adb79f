package io.ringtrader.app;

import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.feed.FeedResume;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Publishes the input events of a journal into the ring from its own thread: replay (to the end, then
 * END_OF_FEED), crash recovery, or tailing a journal another process is writing ({@code follow}). Unlike the
 * network feed it may wait for room in the ring: a replay must lose nothing. With {@code speed > 0} it paces
 * events by exchange time.
 */
final class JournalSource implements MarketDataSource {
    private final Logger log = LogManager.getLogger(JournalSource.class);
    private final Journal journal;
    private final boolean follow;
    private final double speed;
    private long afterIndex;
    private long maxFeedSequence = -1;
    private final LongConsumer progress;
    private final boolean endOfFeedAtEnd;
    private final boolean markReplayed;
    /** Events read ahead and published as one ring batch (replay as fast as possible). */
    private static final int BATCH = 256;
    private final MarketEvent[] batch = new MarketEvent[BATCH];
    private final long[] batchIndexes = new long[BATCH];
    private FeedResume resume;
    private volatile java.util.function.Consumer<String> failureHandler;
    private volatile String failure;
    private volatile boolean running = true;
    private volatile long published;
    private Thread thread;

    /**
     * Reads {@code journal} from the entry after {@code afterIndex} (-1: from the start).
     *
     * @param follow         keep waiting for new entries at the end (two-process mode)
     * @param speed          exchange seconds per wall second; 0 = as fast as possible
     * @param endOfFeedAtEnd publish END_OF_FEED once the end is reached (not when following)
     * @param markReplayed   flag events {@link io.ringtrader.event.TradeFlags#REPLAYED} (crash recovery from the
     *                       engine's own journal: the journal stages then skip them)
     * @param progress       called with the count of published inputs every 65,536 events (may be null)
     */
    JournalSource(Journal journal, long afterIndex, boolean follow, double speed, boolean endOfFeedAtEnd,
                  boolean markReplayed, LongConsumer progress) {
        this.markReplayed = markReplayed;
        this.journal = journal;
        this.afterIndex = afterIndex;
        this.follow = follow;
        this.speed = speed;
        this.endOfFeedAtEnd = endOfFeedAtEnd;
        this.progress = progress;
        for (int i = 0; i < BATCH; i++) {
            batch[i] = new MarketEvent(1);
        }
    }

    @Override
    public void onFailure(java.util.function.Consumer<String> handler) {
        this.failureHandler = handler;
    }

    /** Why reading stopped before the journal's end, or null. */
    String failure() {
        return failure;
    }

    /** Recovery: also remembers every journaled trade for the feed's restart dedup (before start()). */
    JournalSource remembering(FeedResume memory) {
        this.resume = memory;
        return this;
    }

    @Override
    public void start(RingPublisher publisher) {
        thread = new Thread(() -> pump(publisher), "journal-source");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * True once the thread started by {@link #start} has ended (the journal's end was reached, or it was closed);
     * what it published is then visible to the caller, who may publish into the ring next.
     */
    boolean finished() {
        return thread != null && !thread.isAlive();
    }

    private void pump(RingPublisher publisher) {
        final JournalRecord record = new JournalRecord();
        long firstExchangeNs = Long.MIN_VALUE;
        long firstWallNs = 0;
        long lastTimestampNs = 0;
        final long pumpStartNs = System.nanoTime();
        try (JournalReader reader = journal.reader()) {
            if (!reader.seekAfter(afterIndex)) {
                log.warn("Journal {} has no entry {}; reading from the start", journal.dir(), afterIndex);
                reader.seekAfter(-1);
            }
            final int batchLimit = speed > 0 ? 1 : BATCH;
            int pending = 0;
            while (running) {
                if (!reader.next(record)) {
                    if (pending > 0) {
                        pending = publishBatch(publisher, pending);
                    }
                    if (!follow) {
                        break;
                    }
                    LockSupport.parkNanos(200_000);
                    continue;
                }
                if (record.type != RecordType.INPUT) {
                    continue;
                }
                final MarketEvent in = record.input;
                if (in.type == EventType.FEED_STATUS && (in.value == FeedStatus.END_OF_FEED || follow
                    && (in.value == FeedStatus.TRADING_ON || in.value == FeedStatus.TRADING_OFF))) {
                    // the recorded session's end, or (tailing another process) its trading markers, are not ours
                    continue;
                }
                if (speed > 0 && in.timestampNs > 0) {
                    if (firstExchangeNs == Long.MIN_VALUE) {
                        firstExchangeNs = in.timestampNs;
                        firstWallNs = System.nanoTime();
                    }
                    final long dueNs = firstWallNs + (long) ((in.timestampNs - firstExchangeNs) / speed);
                    long waitNs;
                    while (running && (waitNs = dueNs - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(Math.min(waitNs, 50_000_000L));
                    }
                }
                if (resume != null) {
                    resume.remember(in);
                }
                batch[pending].copyInputFrom(in);
                batchIndexes[pending] = record.index;
                pending++;
                lastTimestampNs = Math.max(lastTimestampNs, in.timestampNs);
                if (pending == batchLimit) {
                    pending = publishBatch(publisher, pending);
                }
            }
            if (endOfFeedAtEnd && running) {
                while (running
                    && !publisher.publishStatus(FeedStatus.END_OF_FEED, lastTimestampNs, System.nanoTime())) {
                    LockSupport.parkNanos(100_000);
                }
            }
        } catch (RuntimeException e) {
            // a journal that cannot be read is fatal: never treat the damage as the journal's end
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
            log.error("Journal source failed after {} events: {}", published, failure, e);
            final java.util.function.Consumer<String> handler = failureHandler;
            if (handler != null) {
                handler.accept(failure);
            }
        }
        if (progress != null) {
            progress.accept(published);
        }
        final double seconds = (System.nanoTime() - pumpStartNs) / 1e9;
        log.info("Journal source: {} events published in {} s ({} events/s)", published,
            String.format(java.util.Locale.ROOT, "%.2f", seconds),
            String.format(java.util.Locale.ROOT, "%.0f", published / Math.max(seconds, 1e-9)));
    }

    /** Publishes the read-ahead events as one ring batch, waiting for room; returns 0 (nothing pending). */
    private int publishBatch(RingPublisher publisher, int count) {
        long hi;
        while ((hi = publisher.tryClaimWaiting(count)) < 0) {
            if (!running) {
                return 0;
            }
            LockSupport.parkNanos(20_000);
        }
        final long lo = hi - count + 1;
        final long receivedNs = System.nanoTime();
        for (int i = 0; i < count; i++) {
            final MarketEvent slot = publisher.slot(lo + i);
            slot.copyInputFrom(batch[i]);
            slot.receivedNs = receivedNs;
            slot.journalIndex = batchIndexes[i];
            if (follow) {
                // tailing another process's journal: remember where each event came from, so a restart resumes
                slot.feedSequence = batchIndexes[i];
            }
            if (slot.feedSequence > maxFeedSequence) {
                maxFeedSequence = slot.feedSequence;
            }
            if (markReplayed) {
                slot.flags |= io.ringtrader.event.TradeFlags.REPLAYED;
            }
        }
        publisher.publish(lo, hi);
        published += count;
        if (progress != null && (published & ~0xFFFFL) != ((published - count) & ~0xFFFFL)) {
            progress.accept(published);
        }
        return 0;
    }

    /** Continues after entry {@code index} of the followed journal instead of its start (before start()). */
    void resumeAfter(long index) {
        this.afterIndex = index;
    }

    /** The highest feed sequence published (a tailing trader's last consumed index of the followed journal). */
    long maxFeedSequence() {
        return maxFeedSequence;
    }

    /** Inputs published so far. */
    long published() {
        return published;
    }

    @Override
    public String summary() {
        return "journal " + journal.dir() + ": " + published + " events published";
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

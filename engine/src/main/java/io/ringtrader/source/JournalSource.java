package io.ringtrader.source;

import io.ringtrader.agent.AgentThread;
import io.ringtrader.config.BackgroundIdle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import java.util.function.LongConsumer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Publishes the input events of a journal into the ring from its own thread: replay (to the end, then
 * END_OF_FEED), crash recovery, or tailing a journal another process is writing ({@code follow}). Unlike the
 * network feed it may wait for room in the ring: a replay must lose nothing. With {@code speed > 0} it paces
 * events by exchange time. It is the {@code journal-source} agent: {@link #doWork} reads a batch ahead and
 * publishes it, returning 0 (so the idle strategy backs off) while the ring is full, the next event is not due
 * yet or a followed journal has nothing new; at the end of a journal it is not following, it ends itself.
 * Threading: {@link #start} and {@link #close} from the wiring thread; the agent methods on the agent's thread.
 */
public final class JournalSource implements MarketDataSource, Agent {
    private final Logger log = LogManager.getLogger(JournalSource.class);
    private final Journal journal;
    private final boolean follow;
    private final double speed;
    private long afterIndex;
    private long maxFeedSequence = -1;
    private final LongConsumer progress;
    private final boolean endOfFeedAtEnd;
    private final boolean markReplayed;
    private final BackgroundIdle idle;
    /** Events read ahead and published as one ring batch (replay as fast as possible). */
    private static final int BATCH = 256;
    private final MarketEvent[] batch = new MarketEvent[BATCH];
    private final long[] batchIndexes = new long[BATCH];
    private volatile java.util.function.Consumer<String> failureHandler;
    private volatile String failure;
    private volatile long published;
    private volatile AgentThread agent;
    /** Agent-thread state, kept between duty cycles. */
    private RingPublisher publisher;
    private JournalReader reader;
    private final JournalRecord record = new JournalRecord();
    /** The record was read but not yet taken (paced: not due yet). */
    private boolean held;
    /** The last read found no entry (kept until the pending batch is published). */
    private boolean atEnd;
    private int batchLimit;
    private int pending;
    private long firstExchangeNs = Long.MIN_VALUE;
    private long firstWallNs;
    private long lastTimestampNs;
    private long pumpStartNs;

    /**
     * Crash recovery from the engine's own journal: every entry as fast as the ring takes it, flagged
     * {@link io.ringtrader.event.TradeFlags#REPLAYED} so the journal stages do not append them again; no END_OF_FEED.
     */
    public static JournalSource recovery(Journal journal, BackgroundIdle idle) {
        return recovery(journal, -1, idle);
    }

    /** Crash recovery of the entries after {@code afterIndex} (a snapshot's: the stages start from it). */
    public static JournalSource recovery(Journal journal, long afterIndex, BackgroundIdle idle) {
        return new JournalSource(journal, afterIndex, false, 0, false, true, null, idle);
    }

    /**
     * {@code replay}: every entry at {@code speed} exchange seconds per wall second (0: as fast as possible), then
     * END_OF_FEED; {@code progress} (may be null) hears the count of published inputs every 65,536 events.
     */
    public static JournalSource replay(Journal journal, double speed, LongConsumer progress, BackgroundIdle idle) {
        return replay(journal, -1, speed, progress, idle);
    }

    /** {@code replay} of the entries after {@code afterIndex} (-1: all), e.g. after a snapshot. */
    public static JournalSource replay(Journal journal, long afterIndex, double speed, LongConsumer progress,
                                       BackgroundIdle idle) {
        return new JournalSource(journal, afterIndex, false, speed, true, false, progress, idle);
    }

    /** {@code --feed journal}: another process's journal from its start, waiting at the end for new entries. */
    public static JournalSource tail(Journal journal, BackgroundIdle idle) {
        return new JournalSource(journal, -1, true, 0, false, false, null, idle);
    }

    /**
     * Reads {@code journal} from the entry after {@code afterIndex} (-1: from the start).
     *
     * @param follow         keep waiting for new entries at the end (two-process mode)
     * @param speed          exchange seconds per wall second; 0 = as fast as possible
     * @param endOfFeedAtEnd publish END_OF_FEED once the end is reached (not when following)
     * @param markReplayed   flag events {@link io.ringtrader.event.TradeFlags#REPLAYED} (crash recovery from the
     *                       engine's own journal: the journal stages then skip them)
     * @param progress       called with the count of published inputs every 65,536 events (may be null)
     * @param idle           how the agent waits while there is nothing to publish or no room in the ring
     */
    private JournalSource(Journal journal, long afterIndex, boolean follow, double speed, boolean endOfFeedAtEnd,
                          boolean markReplayed, LongConsumer progress, BackgroundIdle idle) {
        this.markReplayed = markReplayed;
        this.journal = journal;
        this.afterIndex = afterIndex;
        this.follow = follow;
        this.speed = speed;
        this.endOfFeedAtEnd = endOfFeedAtEnd;
        this.progress = progress;
        this.idle = idle;
        for (int i = 0; i < BATCH; i++) {
            batch[i] = new MarketEvent(1);
        }
    }

    @Override
    public void onFailure(java.util.function.Consumer<String> handler) {
        this.failureHandler = handler;
    }

    /** Why reading stopped before the journal's end, or null. */
    public String failure() {
        return failure;
    }

    @Override
    public void start(RingPublisher ringPublisher) {
        this.publisher = ringPublisher;
        agent = AgentThread.start(this, idle);
    }

    /**
     * True once the agent started by {@link #start} has ended (the journal's end was reached, or it was closed);
     * what it published is then visible to the caller, who may publish into the ring next.
     */
    public boolean finished() {
        final AgentThread running = agent;
        return running != null && running.stopped();
    }

    @Override
    public String roleName() {
        return "journal-source";
    }

    /** Agent thread: reads ahead and publishes; the number of entries read plus events published. */
    @Override
    public int doWork() {
        try {
            if (reader == null) {
                open();
            }
            if (pending > 0 && (pending == batchLimit || atEnd)) {
                return publishBatch();
            }
            if (atEnd && !follow) {
                return endOfFeed();
            }
            final int read = readAhead();
            return pending == batchLimit ? read + publishBatch() : read;
        } catch (AgentTerminationException e) {
            throw e;
        } catch (RuntimeException e) {
            // a journal that cannot be read is fatal: never treat the damage as the journal's end
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
            log.error("Journal source failed after {} events: {}", published, failure, e);
            final java.util.function.Consumer<String> handler = failureHandler;
            if (handler != null) {
                handler.accept(failure);
            }
            throw new AgentTerminationException(e);
        }
    }

    /** Agent thread, once it ended or was closed: closes the reader and reports what it published. */
    @Override
    public void onClose() {
        if (reader != null) {
            reader.close();
        }
        if (progress != null) {
            progress.accept(published);
        }
        final double seconds = (System.nanoTime() - pumpStartNs) / 1e9;
        log.info("Journal source: {} events published in {} s ({} events/s)", published,
            String.format(java.util.Locale.ROOT, "%.2f", seconds),
            String.format(java.util.Locale.ROOT, "%.0f", published / Math.max(seconds, 1e-9)));
    }

    private void open() {
        pumpStartNs = System.nanoTime();
        // a batch is claimed whole: it must fit a quarter of the ring, or a small ring (ring_size 64) never has room
        batchLimit = speed > 0 ? 1 : Math.min(BATCH, Math.max(1, publisher.bufferSize() / 4));
        reader = journal.reader();
        if (!reader.seekAfter(afterIndex)) {
            log.warn("Journal {} has no entry {}; reading from the start", journal.dir(), afterIndex);
            reader.seekAfter(-1);
        }
    }

    /**
     * Reads inputs into the batch until it is full, the journal has no next entry, or (paced) the next input is
     * not due; returns the entries read.
     */
    private int readAhead() {
        int read = 0;
        atEnd = false;
        while (pending < batchLimit) {
            if (!held) {
                if (!reader.next(record)) {
                    atEnd = true;
                    return read;
                }
                read++;
                if (!ours(record)) {
                    continue;
                }
            }
            final MarketEvent in = record.input;
            held = speed > 0 && in.timestampNs > 0 && !due(in.timestampNs);
            if (held) {
                return read;
            }
            batch[pending].copyInputFrom(in);
            batchIndexes[pending] = record.index;
            pending++;
            lastTimestampNs = Math.max(lastTimestampNs, in.timestampNs);
        }
        return read;
    }

    /** An input this source republishes (not another session's end or, when tailing, its trading markers). */
    private boolean ours(JournalRecord entry) {
        if (entry.type != RecordType.INPUT) {
            return false;
        }
        final MarketEvent in = entry.input;
        return !(in.type == EventType.FEED_STATUS && (in.value == FeedStatus.END_OF_FEED || follow
            && (in.value == FeedStatus.TRADING_ON || in.value == FeedStatus.TRADING_OFF)));
    }

    /** Paced replay: whether an input stamped {@code timestampNs} is due by the wall clock. */
    private boolean due(long timestampNs) {
        if (firstExchangeNs == Long.MIN_VALUE) {
            firstExchangeNs = timestampNs;
            firstWallNs = System.nanoTime();
        }
        return firstWallNs + (long) ((timestampNs - firstExchangeNs) / speed) - System.nanoTime() <= 0;
    }

    /** At the end of a journal it does not follow: publishes END_OF_FEED if asked (retried while the ring is full). */
    private int endOfFeed() {
        if (endOfFeedAtEnd && !publisher.publishStatus(FeedStatus.END_OF_FEED, lastTimestampNs, System.nanoTime())) {
            return 0;
        }
        throw new AgentTerminationException("end of the journal");
    }

    /** Publishes the read-ahead events as one ring batch; returns how many, or 0 when the ring has no room yet. */
    private int publishBatch() {
        final int count = pending;
        final long hi = publisher.tryClaimWaiting(count);
        if (hi < 0) {
            return 0;
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
        pending = 0;
        if (progress != null && (published & ~0xFFFFL) != ((published - count) & ~0xFFFFL)) {
            progress.accept(published);
        }
        return count;
    }

    /** Continues after entry {@code index} of the followed journal instead of its start (before start()). */
    public void resumeAfter(long index) {
        this.afterIndex = index;
    }

    /** The highest feed sequence published (a tailing trader's last consumed index of the followed journal). */
    public long maxFeedSequence() {
        return maxFeedSequence;
    }

    /** Inputs published so far. */
    public long published() {
        return published;
    }

    @Override
    public String summary() {
        return "journal " + journal.dir() + ": " + published + " events published";
    }

    /** Stops the agent: it publishes nothing more once this returns (waits at most 5 s). */
    @Override
    public void close() {
        final AgentThread running = agent;
        if (running != null) {
            running.close(5_000);
        }
    }
}

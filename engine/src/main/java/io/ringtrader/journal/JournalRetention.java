package io.ringtrader.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.agent.AgentThread;
import io.ringtrader.metrics.Counters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.agrona.concurrent.Agent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Journal retention, as the {@code journal-retention} agent: once a second it removes (deletes, or moves to the
 * archive) every daily cycle past {@code persistence.journal_retention_days} and measures the journal's disk use.
 * Days are exchange time: cycle {@code c} goes once the newest cycle is {@code c + days} or later, so the newest
 * {@code days} days stay. Never removed: the newest cycle, the first one (the journal's header: the session's
 * symbols and strategy selection, which recovery and replay read), and the cycle holding the state file's journal
 * index and every cycle after it (recovery checks the state file against that entry and replays what follows it).
 * The wall clock sets only how often it looks. Its own thread; the figures may be read from any thread.
 */
public final class JournalRetention implements Agent, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(JournalRetention.class);
    private static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    private final Journal journal;
    private final int days;
    private final CycleArchive archive;
    private final LongSupplier neededIndex;
    private volatile long bytes;
    private volatile long cycles;
    private volatile long deleted;
    private volatile long archived;
    private long nextRunNs;
    private int loggedNewest = -1;
    private String lastFailure;
    private AgentThread agent;

    /**
     * Retention of {@code journal} keeping {@code days} days (0: every cycle, measuring only), moving old cycles
     * to {@code archiveDir} (null: delete them); {@code neededIndex} gives the oldest entry the engine still needs
     * ({@link Long#MAX_VALUE}: none, a negative value: every entry, so nothing is removed).
     */
    public JournalRetention(Journal journal, int days, Path archiveDir, LongSupplier neededIndex) {
        if (days < 0) {
            throw new IllegalArgumentException("retention cannot keep " + days + " days");
        }
        if (archiveDir != null && archiveDir.toAbsolutePath().normalize()
            .equals(journal.dir().toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the archive folder " + archiveDir + " is the journal itself");
        }
        this.journal = journal;
        this.days = days;
        this.archive = new CycleArchive(journal.dir(), archiveDir);
        this.neededIndex = neededIndex;
    }

    /**
     * The oldest journal index a state file still needs: its {@code journal_index} (-1, keep everything, when it is
     * unreadable, or missing while {@code required}; {@link Long#MAX_VALUE} when missing and not required).
     */
    public static LongSupplier stateFileIndex(Path stateFile, boolean required) {
        final ObjectMapper json = new ObjectMapper();
        return () -> {
            if (!Files.exists(stateFile)) {
                return required ? -1 : Long.MAX_VALUE;
            }
            try {
                final JsonNode index = json.readTree(stateFile.toFile()).get("journal_index");
                return index != null && index.canConvertToLong() ? index.asLong() : -1;
            } catch (IOException e) {
                return -1;
            }
        };
    }

    /** The file listing the cycles retention removed from the journal in {@code journalDir}. */
    public static Path removedList(Path journalDir) {
        return journalDir.resolve(CycleArchive.REMOVED_LIST);
    }

    /** The lines of the journal's list of removed cycles (empty when it holds its whole history). */
    public static List<String> removedCycles(Path journalDir) {
        return CycleArchive.removed(journalDir);
    }

    /** Serves the disk use and the removals as {@code ringtrader_journal_*} on {@code /metrics}. */
    public void registerCounters(Counters counters) {
        counters.addGauge("ringtrader_journal_bytes", "Bytes in the journal folder", this::bytes);
        counters.addGauge("ringtrader_journal_cycles", "Daily cycle files in the journal folder", this::cycles);
        counters.add("ringtrader_journal_cycles_removed_total", "Journal cycles removed by retention", "how",
            "deleted", this::deleted);
        counters.add("ringtrader_journal_cycles_removed_total", "Journal cycles removed by retention", "how",
            "archived", this::archived);
    }

    /** Starts the agent: the first pass at once, then one a second. */
    public void start() {
        agent = AgentThread.start(this, AgentThread.timerIdle());
    }

    @Override
    public String roleName() {
        return "journal-retention";
    }

    @Override
    public int doWork() {
        final long nowNs = System.nanoTime();
        if (nowNs - nextRunNs < 0) {
            return 0;
        }
        nextRunNs = nowNs + INTERVAL_NS;
        try {
            apply();
        } catch (RuntimeException | InternalError | AssertionError e) {
            // the journal failed or closed under us (a full disk; a mapped page past the end of a full tmpfs is an
            // InternalError): retention costs disk, never data, and is no second error beside the writer's report
            if (!e.toString().equals(lastFailure)) {
                lastFailure = e.toString();
                LOG.warn("Journal retention: pass over {} failed ({}); retried every second", journal.dir(),
                    e.toString());
            }
        }
        return 1;
    }

    /** One pass: removes the cycles past retention, then measures; returns how many went. */
    public int apply() {
        int removed = 0;
        try {
            final List<Integer> all = journal.cycles();
            for (int cycle : removable()) {
                final Path file = journal.cycleFile(cycle);
                final String day = LocalDate.ofEpochDay(cycle).toString();
                final Path target = archive.remove(file, day, journal.cycleFile(all.get(0)));
                removed++;
                if (target == null) {
                    deleted++;
                    LOG.info("Journal retention: deleted {} ({}, more than {} days of exchange time before the"
                        + " newest cycle)", file, day, days);
                } else {
                    archived++;
                    LOG.info("Journal retention: archived {} to {} ({}, more than {} days of exchange time before"
                        + " the newest cycle)", file, target, day, days);
                }
            }
            lastFailure = null;
        } catch (IOException | RuntimeException e) {
            // a failed removal costs disk, never data: the cycle stays and the next pass tries again
            if (!e.toString().equals(lastFailure)) {
                lastFailure = e.toString();
                LOG.warn("Journal retention: could not remove a cycle of {} ({}); it stays, retried every second",
                    journal.dir(), e.toString());
            }
        }
        if (removed > 0) {
            journal.refreshCycles();
        }
        measure();
        final int newest = journal.lastCycle();
        if (removed > 0 || newest != loggedNewest) {
            loggedNewest = newest;
            LOG.info("Journal {}: {} cycles, {} bytes on disk{}", journal.dir(), cycles, bytes,
                archive.archiveDir() == null ? "" : " (" + archived + " cycles archived to " + archive.archiveDir()
                    + " by this session)");
        }
        return removed;
    }

    /** The cycles past retention that may go, oldest first. */
    List<Integer> removable() {
        journal.refreshCycles();
        final List<Integer> all = journal.cycles();
        final int newest = journal.lastCycle();
        final List<Integer> old = new ArrayList<>();
        for (int i = 1; i < all.size() && days > 0; i++) {
            final int cycle = all.get(i);
            if (cycle < newest && cycle <= newest - days) {
                old.add(cycle);
            }
        }
        if (old.isEmpty()) {
            return old;
        }
        final long needed = neededIndex.getAsLong();
        if (needed < 0) {
            return List.of();
        }
        final long neededCycle = needed == Long.MAX_VALUE ? Long.MAX_VALUE : journal.cycleOf(needed);
        old.removeIf(cycle -> cycle >= neededCycle);
        return old;
    }

    /** Re-reads the journal folder's size: every file in it, and the {@code .cq4} cycle files. */
    void measure() {
        long total = 0;
        long count = 0;
        try (Stream<Path> files = Files.list(journal.dir())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                    count += p.getFileName().toString().endsWith(".cq4") ? 1 : 0;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return; // a file went while listing: the next pass measures again
        }
        bytes = total;
        cycles = count;
    }

    /** Bytes of the journal folder, as of the last pass (logged once a day and after each removal). */
    public long bytes() {
        return bytes;
    }

    /** Cycle files in the journal folder, as of the last pass. */
    public long cycles() {
        return cycles;
    }

    /** Cycles deleted by this session. */
    public long deleted() {
        return deleted;
    }

    /** Cycles moved to the archive by this session. */
    public long archived() {
        return archived;
    }

    /** Stops the agent (waits at most 2 s). */
    @Override
    public void close() {
        if (agent != null) {
            agent.close(2_000);
        }
    }
}

package io.ringtrader.journal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a whole journal once and reports what it holds and whether it can be read to its end. Start-up runs it
 * before anything is derived from the journal (so a damaged one stops the engine with every output untouched),
 * {@code replay} before it replays, and {@code journal check} prints it.
 */
public final class JournalCheck {
    private JournalCheck() {
    }

    /**
     * What a scan found.
     *
     * @param entries       entries read whole
     * @param inputs        of which ring inputs
     * @param lastGoodIndex the last entry read whole (-1: none)
     * @param lastIndex     the last entry the queue's index lists (-1: empty)
     * @param damage        null when the journal reads to its end, else what is wrong and where
     */
    public record Report(long entries, long inputs, long lastGoodIndex, long lastIndex, String damage) {
        /** True when some listed entry cannot be read. */
        public boolean damaged() {
            return damage != null;
        }
    }

    /** Scans {@code journal} from its first entry. */
    public static Report scan(Journal journal) {
        return scanFrom(journal, -1);
    }

    /**
     * Scans {@code journal} from the first entry of the roll cycle that holds {@code fromIndex} (-1: from its first
     * entry) to its end: a restart from a snapshot reads only the days it derives something from.
     */
    public static Report scanFrom(Journal journal, long fromIndex) {
        final JournalRecord record = new JournalRecord();
        final Map<Integer, Long> perCycle = new TreeMap<>();
        final int fromCycle = fromIndex < 0 ? Integer.MIN_VALUE : journal.cycleOf(fromIndex);
        long entries = 0;
        long inputs = 0;
        String damage = null;
        long lastGood = -1;
        try (JournalReader reader = journal.reader()) {
            if (fromIndex >= 0 && !reader.moveToCycle(fromCycle)) {
                damage = journal.damage(-1, "the cycle of entry " + fromIndex + " cannot be found", null)
                    .getMessage();
            }
            try {
                while (damage == null && reader.next(record)) {
                    entries++;
                    if (record.type == RecordType.INPUT) {
                        inputs++;
                    }
                    perCycle.merge(journal.cycleOf(record.index), 1L, Long::sum);
                }
            } catch (JournalDamageException e) {
                damage = e.getMessage();
            }
            lastGood = reader.lastGoodIndex();
        }
        final long lastIndex = journal.lastIndex();
        if (damage == null && lastGood < lastIndex) {
            damage = journal.damage(lastGood, "the queue lists entries up to index " + lastIndex
                + " that no reader reaches", null).getMessage();
        }
        if (damage == null) {
            for (int cycle : journal.cycles()) {
                if (cycle < fromCycle) {
                    continue;
                }
                final long listed = journal.entriesInCycle(cycle);
                final long read = perCycle.getOrDefault(cycle, 0L);
                if (listed > read) {
                    damage = "The journal " + journal.dir() + " is damaged: " + journal.cycleFile(cycle) + " lists "
                        + listed + " entries but only " + read + " can be read; see `journal repair`";
                    break;
                }
            }
        }
        return new Report(entries, inputs, lastGood, lastIndex, damage);
    }

    /** Throws the damage as a {@link JournalDamageException} when {@code journal} cannot be read to its end. */
    public static Report requireWhole(Journal journal) {
        return requireWholeFrom(journal, -1);
    }

    /** {@link #requireWhole} from the roll cycle that holds {@code fromIndex} ({@link #scanFrom}). */
    public static Report requireWholeFrom(Journal journal, long fromIndex) {
        final Report report = scanFrom(journal, fromIndex);
        if (report.damaged()) {
            throw new JournalDamageException(report.damage(), null);
        }
        return report;
    }
}

package io.ringtrader.app;

import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import io.ringtrader.snapshot.SnapshotFile;
import java.util.List;

/** Whether a snapshot belongs to a journal: the replay and the restart check the one they start from. */
final class SnapshotChoice {
    private SnapshotChoice() {
    }

    /** Why {@code s} does not belong to {@code journal} recorded with {@code symbols}, or null when it does. */
    static String misfit(SnapshotFile.Loaded s, Journal journal, List<String> symbols) {
        if (!s.header().symbols().equals(String.join(",", symbols))) {
            return s.file() + " was taken with symbols " + s.header().symbols() + ", the journal has "
                + String.join(",", symbols);
        }
        final JournalRecord at = new JournalRecord();
        final boolean found;
        try (JournalReader reader = journal.reader()) {
            found = reader.readAt(s.header().journalIndex(), at);
        }
        if (!found || at.type != RecordType.INPUT || at.input.timestampNs != s.header().exchangeTimeNs()) {
            return s.file() + " does not belong to " + journal.dir() + ": its journal index "
                + s.header().journalIndex() + " is not the input it reflects there";
        }
        return null;
    }
}

package io.ringtrader.app;

import io.ringtrader.journal.Journal;
import java.util.function.Consumer;

/**
 * Journals notes (strategy re-selections) from the one stage thread that produces them: the appender is created
 * on that thread at the first note, since a Chronicle appender belongs to one thread.
 */
final class JournalNotes implements Consumer<String> {
    private final Journal journal;
    private Journal.Writer writer;

    JournalNotes(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void accept(String note) {
        if (writer == null) {
            writer = journal.writer();
        }
        writer.appendNote(note);
    }
}

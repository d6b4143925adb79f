package io.ringtrader.journal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The session notes of a journal: journals notes (strategy re-selections) from the one stage thread that produces
 * them (the appender is created on that thread at the first note, since a Chronicle appender belongs to one
 * thread), and reads back the note that names the session's symbols.
 */
public final class JournalNotes implements Consumer<String> {
    /** The note that records a session's symbols, in instrument-id order. */
    public static final String SYMBOLS_PREFIX = "session symbols=";

    private final Journal journal;
    private Journal.Writer writer;

    /** Notes appended to {@code journal}. */
    public JournalNotes(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void accept(String note) {
        if (writer == null) {
            writer = journal.writer();
        }
        writer.appendNote(note);
    }

    /** The symbols (in instrument-id order) the journal was recorded with, or null when it does not say. */
    public static List<String> sessionSymbols(Journal journal) {
        try (JournalReader reader = journal.reader()) {
            final JournalRecord record = new JournalRecord();
            while (reader.next(record)) {
                if (record.type == RecordType.NOTE && record.note.startsWith(SYMBOLS_PREFIX)) {
                    final String rest = record.note.substring(SYMBOLS_PREFIX.length());
                    final int space = rest.indexOf(' ');
                    return Arrays.asList((space < 0 ? rest : rest.substring(0, space)).split(","));
                }
            }
        }
        return null;
    }
}

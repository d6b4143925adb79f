package io.ringtrader.journal;

/**
 * The journal writer of one ring stage: a Chronicle appender belongs to one thread, so it is created on the stage's
 * consumer thread (at start, or at the first event if the stage was started elsewhere) and closed at shutdown.
 */
final class StageWriter {
    private final Journal journal;
    private Journal.Writer writer;

    StageWriter(Journal journal) {
        this.journal = journal;
    }

    /** The calling (consumer) thread's writer, created on first use. */
    Journal.Writer get() {
        if (writer == null) {
            writer = journal.writer();
        }
        return writer;
    }

    /** Closes the writer, if any; the next {@link #get()} creates a new one. */
    void close() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}

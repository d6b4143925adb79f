package io.ringtrader.files;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Level;

/**
 * The first write failure of one engine. On a full disk every writer fails within milliseconds of the others (the
 * trade log, the journal, the Parquet files); the operator needs the first one, with its file and cause, as the one
 * ERROR, and the rest only as consequences. Each writer asks {@link #levelFor} before it logs. Thread-safe.
 */
public final class WriteFailures {
    private final AtomicReference<String> first = new AtomicReference<>();

    /**
     * Records that {@code writer} failed: ERROR for the engine's first write failure, WARN for any after it (the
     * same writer failing again included).
     */
    public Level levelFor(String writer) {
        return first.compareAndSet(null, writer) ? Level.ERROR : Level.WARN;
    }

    /** The writer that failed first, or null. */
    public String firstWriter() {
        return first.get();
    }
}

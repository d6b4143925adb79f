package io.ringtrader.journal;

/**
 * An append to the journal failed (a full disk, an I/O error in the memory-mapped file), or was refused because an
 * earlier one failed. Only the {@link #first()} failure is reported; the ones after it are expected and silent.
 */
public final class JournalWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean first;

    JournalWriteException(String message, boolean first, Throwable cause) {
        super(message, cause);
        this.first = first;
    }

    /** True for the failure that broke the journal (report it), false for appends refused after it. */
    public boolean first() {
        return first;
    }
}

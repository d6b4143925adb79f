package io.ringtrader.journal;

/**
 * The journal cannot be read to its end: an entry that does not decode, or entries the queue's index lists that
 * no reader reaches. Always fatal where the journal is the source of truth (recovery, replay, tailing): nothing
 * may be derived from, cut for or appended after a journal that is not whole. The message names the file and the
 * position and says how to repair.
 */
public final class JournalDamageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A damage report; {@code cause} may be null. */
    public JournalDamageException(String message, Throwable cause) {
        super(message, cause);
    }
}

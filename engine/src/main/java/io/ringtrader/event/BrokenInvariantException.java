package io.ringtrader.event;

/**
 * Thrown by a stage when continuing would corrupt durable state (journal write failed, portfolio accounting
 * broken, disk full). Unlike bad input, this halts trading and stops the engine cleanly with exit code 1.
 */
public final class BrokenInvariantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A broken invariant described by {@code message}. */
    public BrokenInvariantException(String message) {
        super(message);
    }

    /** A broken invariant caused by {@code cause}. */
    public BrokenInvariantException(String message, Throwable cause) {
        super(message, cause);
    }
}

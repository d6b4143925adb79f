package io.ringtrader.portfolio;

import java.io.IOException;

/** A portfolio state file that cannot be trusted (unreadable, truncated, inconsistent); the message says why. */
public final class StateFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code what}. */
    public StateFileException(String what) {
        super(what);
    }

    /** A problem with {@code what} caused by {@code cause}. */
    public StateFileException(String what, Throwable cause) {
        super(what, cause);
    }
}

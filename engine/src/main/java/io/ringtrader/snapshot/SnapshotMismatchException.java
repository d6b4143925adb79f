package io.ringtrader.snapshot;

/** A snapshot that does not fit the engine built here: another build, configuration or symbol list. */
public final class SnapshotMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code detail} names the field path and the difference. */
    public SnapshotMismatchException(String detail) {
        super("the snapshot does not fit this engine at " + detail);
    }
}

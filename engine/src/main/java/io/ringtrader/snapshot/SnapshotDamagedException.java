package io.ringtrader.snapshot;

import java.nio.file.Path;

/** A snapshot file that cannot be used: cut short, changed, another format version. Names the file. */
public final class SnapshotDamagedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    /** {@code file} is damaged for {@code reason}. */
    public SnapshotDamagedException(Path file, String reason) {
        super("snapshot " + file + " is not usable: " + reason);
        this.file = file;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }
}

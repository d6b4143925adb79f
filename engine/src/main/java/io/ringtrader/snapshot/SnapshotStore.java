package io.ringtrader.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The snapshot folder: the newest good snapshot (a damaged one is reported and the one before used), pruning. */
public final class SnapshotStore {
    private SnapshotStore() {
    }

    /** The snapshot files in {@code dir}, oldest first (none when it does not exist). */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                final String n = p.getFileName().toString();
                return n.startsWith(SnapshotFile.PREFIX) && n.endsWith(SnapshotFile.SUFFIX);
            }).sorted().toList();
        }
    }

    /** True when {@code dir} holds no snapshot of the UTC day of {@code header}'s exchange time. */
    public static boolean firstOfItsDay(Path dir, SnapshotFile.Header header) throws IOException {
        final String day = SnapshotFile.name(header).substring(0, SnapshotFile.PREFIX.length() + 8);
        return list(dir).stream().noneMatch(p -> p.getFileName().toString().startsWith(day));
    }

    /**
     * The journal index of the newest snapshot in {@code dir} (by its name), or {@link Long#MAX_VALUE} when there is
     * none: retention keeps the journal from there on, so the newest snapshot always has its tail.
     */
    public static long newestJournalIndex(Path dir) {
        try {
            final List<Path> all = list(dir);
            if (all.isEmpty()) {
                return Long.MAX_VALUE;
            }
            final String name = all.get(all.size() - 1).getFileName().toString();
            return Long.parseUnsignedLong(name.substring(name.lastIndexOf('-') + 1,
                name.length() - SnapshotFile.SUFFIX.length()), 16);
        } catch (IOException | RuntimeException e) {
            return -1; // unreadable: keep everything
        }
    }

    /** Deletes all but the newest {@code keep} snapshots in {@code dir}. */
    public static void prune(Path dir, int keep) throws IOException {
        final List<Path> all = list(dir);
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /**
     * The newest good snapshot at {@code fileOrDir} (a folder: its newest; a file: that one), falling back to older
     * ones in the same folder past a damaged one, each reported to {@code report}; null when there is none.
     */
    public static SnapshotFile.Loaded newestGood(Path fileOrDir, Consumer<String> report) throws IOException {
        final boolean one = Files.isRegularFile(fileOrDir);
        final List<Path> all = list(one ? fileOrDir.toAbsolutePath().getParent() : fileOrDir);
        for (int i = all.size() - 1; i >= 0; i--) {
            final Path p = all.get(i);
            if (one && p.getFileName().toString().compareTo(fileOrDir.getFileName().toString()) > 0) {
                continue; // newer than the one asked for
            }
            try {
                return SnapshotFile.read(p);
            } catch (SnapshotDamagedException e) {
                report.accept(e.getMessage() + "; trying the snapshot before it");
            }
        }
        return null;
    }

    /** Puts {@code snapshot}'s state into {@code roots} (the same stage objects it was taken from, built fresh). */
    public static void restore(SnapshotFile.Loaded snapshot, StateImage image, Object... roots) {
        final StateBytes.In in = new StateBytes.In(snapshot.body());
        image.read(in, roots);
        if (in.available() != 0) {
            throw new SnapshotMismatchException("the end: " + in.available() + " bytes left over");
        }
    }
}

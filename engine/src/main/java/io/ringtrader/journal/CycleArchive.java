package io.ringtrader.journal;

import io.ringtrader.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Takes a cycle file out of a journal: deletes it, or moves it into an archive folder that stays a journal of its
 * own ({@code replay --journal ARCHIVE} reads it). Every removal is added to {@value #REMOVED_LIST} in the journal
 * folder, which start-up reads to know that the journal no longer holds its whole history. Used by the one
 * retention thread only.
 */
final class CycleArchive {
    /** The list of removed cycles, one line each, in the journal folder (Chronicle reads only {@code .cq4}). */
    static final String REMOVED_LIST = "removed-cycles.txt";

    private final Path journalDir;
    private final Path archiveDir;

    /** Removes cycles of {@code journalDir}; into {@code archiveDir}, or deletes them when it is null. */
    CycleArchive(Path journalDir, Path archiveDir) {
        this.journalDir = journalDir;
        this.archiveDir = archiveDir;
    }

    /** The archive folder, or null when cycles are deleted. */
    Path archiveDir() {
        return archiveDir;
    }

    /**
     * Deletes or archives {@code file} and lists it; returns where it went (null when deleted). The archive gets a
     * copy of the journal's {@code header} cycle first, so it replays with the session's symbols and strategies.
     */
    Path remove(Path file, String day, Path header) throws IOException {
        final Path target = archiveDir == null ? null : moveToArchive(file, header);
        if (target == null) {
            Files.delete(file);
        }
        AtomicFile.fsyncDirectory(journalDir);
        final String line = file.getFileName() + " (" + day + ") " + (target == null ? "deleted" : "archived to "
            + target) + System.lineSeparator();
        Files.writeString(journalDir.resolve(REMOVED_LIST), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        return target;
    }

    /** The lines of the removed-cycles list of {@code journalDir} (empty when nothing was ever removed). */
    static List<String> removed(Path journalDir) {
        final Path list = journalDir.resolve(REMOVED_LIST);
        try {
            return Files.exists(list) ? Files.readAllLines(list, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    private Path moveToArchive(Path file, Path header) throws IOException {
        Files.createDirectories(archiveDir);
        final Path headerCopy = archiveDir.resolve(header.getFileName());
        if (!Files.exists(headerCopy)) {
            AtomicFile.write(headerCopy, temp -> Files.copy(header, temp, StandardCopyOption.REPLACE_EXISTING));
        }
        final Path target = archiveDir.resolve(file.getFileName());
        if (Files.exists(target)) {
            throw new IOException(target + " already exists; " + file + " stays in the journal");
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // another file system: a complete copy under the final name first, then the original goes
            AtomicFile.write(target, temp -> Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING));
            Files.delete(file);
        }
        AtomicFile.fsyncDirectory(archiveDir);
        // the queue's own metadata lists the archive's cycles, so it opens read-only as a journal of its own
        try (Journal archive = Journal.open(archiveDir)) {
            archive.refreshCycles();
        }
        return target;
    }
}

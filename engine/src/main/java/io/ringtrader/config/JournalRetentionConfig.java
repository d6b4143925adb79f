package io.ringtrader.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How long the journal keeps its daily cycles, read from the {@code persistence} section. Days count exchange time
 * (the journal rolls on it), never the wall clock.
 *
 * @param retentionDays  daily cycles kept behind the newest one's day; 0 keeps every cycle (the default)
 * @param archiveDir     where cycles past retention are moved (relative to the data folder), or null to delete them
 */
public record JournalRetentionConfig(int retentionDays, String archiveDir) {
    /** Keeps every cycle, as the engine did before retention existed. */
    public static final JournalRetentionConfig KEEP_FOREVER = new JournalRetentionConfig(0, null);

    /** Reads {@code journal_retention_days} and {@code journal_archive_dir} of the {@code persistence} section. */
    public static JournalRetentionConfig read(ConfigNode n) {
        final int days = (int) n.integer("journal_retention_days", 0, 0, 36_500);
        final String archive = n.string("journal_archive_dir", null);
        if (archive != null) {
            if (archive.isBlank()) {
                throw n.fail("journal_archive_dir", "must name a folder (leave it out to delete old cycles)");
            }
            try {
                Path.of(archive);
            } catch (InvalidPathException e) {
                throw n.fail("journal_archive_dir", "is not a valid path: " + e.getReason());
            }
        }
        return new JournalRetentionConfig(days, archive);
    }

    /** True when cycles past retention are removed or archived. */
    public boolean enabled() {
        return retentionDays > 0;
    }

    /** The archive folder for a data folder, or null when old cycles are deleted; never the journal itself. */
    public Path archiveIn(Path dataDir) {
        if (archiveDir == null) {
            return null;
        }
        final Path archive = dataDir.resolve(archiveDir).toAbsolutePath().normalize();
        final Path journal = dataDir.resolve("journal").toAbsolutePath().normalize();
        if (archive.startsWith(journal) || journal.startsWith(archive)) {
            throw new ConfigException("persistence.journal_archive_dir", "must be a folder apart from the journal "
                + journal + ", got " + archive);
        }
        return archive;
    }
}

package io.ringtrader.config;

/**
 * Files the engine writes.
 *
 * @param parquetFlushSeconds  how often closed candles are flushed to Parquet (exchange time is not used here:
 *                             this is a background writer's wall-clock cadence)
 * @param parquetCompression   snappy or zstd
 * @param journalEnabled       journal every ring event to Chronicle Queue
 * @param journalRetention     how long the journal's daily cycles are kept
 * @param snapshotIntervalMinutes every how many minutes of exchange time the stages' state is snapshotted into
 *                             {@code DATA_DIR/snapshots} (0: never)
 * @param snapshotsKept        how many of the newest snapshots are kept (older ones are deleted)
 */
public record PersistenceConfig(long parquetFlushSeconds, String parquetCompression, boolean journalEnabled,
                                JournalRetentionConfig journalRetention, long snapshotIntervalMinutes,
                                int snapshotsKept) {

    /** Files as configured, keeping every journal cycle, no snapshots. */
    public PersistenceConfig(long parquetFlushSeconds, String parquetCompression, boolean journalEnabled) {
        this(parquetFlushSeconds, parquetCompression, journalEnabled, JournalRetentionConfig.KEEP_FOREVER, 0, 3);
    }

    /** Reads the {@code persistence} section. */
    public static PersistenceConfig read(ConfigNode n) {
        return new PersistenceConfig(
            n.integer("parquet_flush_seconds", 60, 1, 86_400),
            n.choice("parquet_compression", "snappy", "snappy", "zstd"),
            n.bool("journal_enabled", true),
            JournalRetentionConfig.read(n),
            n.integer("snapshot_interval_minutes", 0, 0, 10_080),
            (int) n.integer("snapshots_kept", 3, 1, 10_000));
    }
}

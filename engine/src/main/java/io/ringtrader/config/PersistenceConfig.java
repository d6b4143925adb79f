package io.ringtrader.config;

/**
 * Files the engine writes.
 *
 * @param parquetFlushSeconds  how often closed candles are flushed to Parquet (exchange time is not used here:
 *                             this is a background writer's wall-clock cadence)
 * @param parquetCompression   snappy or zstd
 * @param journalEnabled       journal every ring event to Chronicle Queue
 * @param journalRetention     how long the journal's daily cycles are kept
 */
public record PersistenceConfig(long parquetFlushSeconds, String parquetCompression, boolean journalEnabled,
                                JournalRetentionConfig journalRetention) {

    /** Files as configured, keeping every journal cycle. */
    public PersistenceConfig(long parquetFlushSeconds, String parquetCompression, boolean journalEnabled) {
        this(parquetFlushSeconds, parquetCompression, journalEnabled, JournalRetentionConfig.KEEP_FOREVER);
    }

    /** Reads the {@code persistence} section. */
    public static PersistenceConfig read(ConfigNode n) {
        return new PersistenceConfig(
            n.integer("parquet_flush_seconds", 60, 1, 86_400),
            n.choice("parquet_compression", "snappy", "snappy", "zstd"),
            n.bool("journal_enabled", true),
            JournalRetentionConfig.read(n));
    }
}

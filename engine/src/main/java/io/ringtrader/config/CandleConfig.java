package io.ringtrader.config;

/**
 * Candle building and retention.
 *
 * @param graceMs        a minute closes once exchange time passes its end plus this grace
 * @param retentionDays  days of 1-minute candles kept in memory per symbol (event time)
 */
public record CandleConfig(long graceMs, int retentionDays) {

    /** Reads the {@code candles} section. */
    public static CandleConfig read(ConfigNode n) {
        return new CandleConfig(
            n.integer("grace_ms", 2_000, 0, 60_000),
            (int) n.integer("retention_days", 7, 1, 60));
    }
}

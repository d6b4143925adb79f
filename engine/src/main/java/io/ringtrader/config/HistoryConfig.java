package io.ringtrader.config;

/**
 * Repairing the candle archive from the REST candles API while the engine runs.
 *
 * @param repairAfterReconnect after each reconnect of the live feed (and once after start-up, a restart), repair
 *                             the archived minutes marked incomplete from REST, in the background
 * @param apiUrl               REST base URL (https, or http on loopback), as {@code download --api-url}; checked
 *                             here, so a bad one stops the engine at configuration load (exit 2), naming the key
 * @param repairDelaySeconds   wall-clock wait after the reconnect before a repair pass, so the incomplete minutes
 *                             have closed and reached the Parquet archive
 * @param requestsPerSecond    REST requests per second at most
 * @param maxAttempts          attempts per request window (back-off on 429 and 5xx) before the pass gives up
 * @param maxPasses            failed passes per reconnect before it is left to the next reconnect (or
 *                             {@code download --repair}); each retry waits twice as long as the one before
 */
public record HistoryConfig(boolean repairAfterReconnect, String apiUrl, int repairDelaySeconds,
                            double requestsPerSecond, int maxAttempts, int maxPasses) {

    /** Reads the {@code history} section. */
    public static HistoryConfig read(ConfigNode n) {
        final String apiUrl = n.string("api_url", RestEndpoint.COINBASE);
        RestEndpoint.parse(n.keyOf("api_url"), apiUrl);
        return new HistoryConfig(
            n.bool("repair_after_reconnect", false),
            apiUrl,
            (int) n.integer("repair_delay_seconds", 120, 0, 86_400),
            n.decimal("requests_per_second", 3, 0.1, 100),
            (int) n.integer("max_attempts", 5, 1, 100),
            (int) n.integer("max_passes", 4, 1, 100));
    }
}

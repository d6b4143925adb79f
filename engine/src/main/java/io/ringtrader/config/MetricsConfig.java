package io.ringtrader.config;

/**
 * Telemetry.
 *
 * @param port                  HTTP port for Prometheus {@code /metrics}; 0 = off
 * @param logIntervalSeconds    how often counters and latencies are logged
 */
public record MetricsConfig(int port, long logIntervalSeconds) {

    /** Reads the {@code metrics} section. */
    public static MetricsConfig read(ConfigNode n) {
        return new MetricsConfig(
            (int) n.integer("port", 0, 0, 65_535),
            n.integer("log_interval_seconds", 60, 1, 3_600));
    }
}

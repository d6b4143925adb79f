package io.ringtrader.app;

import io.ringtrader.config.ConfigException;
import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares; names are a public contract (scripts and docs depend on them). */
public final class CommonOptions {
    /** Read when {@code -c} is not given; it may be absent (built-in defaults). */
    static final Path DEFAULT_CONFIG = Path.of("config", "engine.yaml");

    // null = not given: only a path the user named must exist, the default may be missing
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Configuration file; must exist when given (default: config/engine.yaml if present, else"
            + " built-in defaults).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Output and state directory (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data");

    @Option(names = "--logs-dir", paramLabel = "DIR",
        description = "Log directory (default: ${DEFAULT-VALUE}).")
    Path logsDir = Path.of("logs");

    @Option(names = "--symbols", paramLabel = "BTC,ETH,...", split = ",",
        description = "Symbols to trade (default: from config).")
    List<String> symbols;

    @Option(names = {"--feed", "--source"}, paramLabel = "SOURCE",
        description = "Market data: coinbase, sim, replay or journal (default: from config, coinbase).")
    String feed;

    @Option(names = "--feed-url", paramLabel = "URL",
        description = "WebSocket endpoint override (ws:// only on loopback).")
    String feedUrl;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", description = "advanced-trade or exchange.")
    String protocol;

    @Option(names = "--speed", paramLabel = "X",
        description = "sim and replay: exchange seconds per wall second; 0 = as fast as possible.")
    Double speed;

    @Option(names = "--seed", paramLabel = "N", description = "sim: random seed.")
    Long seed;

    @Option(names = "--sim-hours", paramLabel = "H",
        description = "sim: length of the simulated session; the engine drains and exits 0 when it ends.")
    Double simHours;

    @Option(names = "--replay-file", paramLabel = "FILE",
        description = "replay: JSON-lines tape of trades or frames.")
    Path replayFile;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "journal source (--feed journal), replay input or backtest input: a journal directory.")
    Path journal;

    @Option(names = "--duration", paramLabel = "D",
        description = "Stop after D of wall time (90s, 10m, 2h).")
    String duration;

    @Option(names = "--metrics-port", paramLabel = "N",
        description = "Serve Prometheus /metrics on this port.")
    Integer metricsPort;

    @Option(names = "--http-port", paramLabel = "N",
        description = "Serve the dashboard, its JSON API and /metrics on this port (127.0.0.1 unless http.bind).")
    Integer httpPort;

    @Option(names = "--http-linger", paramLabel = "D",
        description = "Keep serving the dashboard for D (90s, 10m, 2h) after the session ends; Ctrl-C ends it.")
    String httpLinger;

    /** The command-line settings as configuration overrides (validated with the file). */
    Map<String, Object> overrides() {
        final Map<String, Object> o = new LinkedHashMap<>();
        if (symbols != null) {
            o.put("symbols", List.copyOf(symbols));
        }
        putIfSet(o, "feed.source", feed);
        putIfSet(o, "feed.url", feedUrl);
        putIfSet(o, "feed.protocol", protocol);
        putIfSet(o, "feed.speed", speed);
        putIfSet(o, "feed.seed", seed);
        putIfSet(o, "feed.sim_hours", simHours);
        putIfSet(o, "feed.replay_file", replayFile == null ? null : replayFile.toString());
        putIfSet(o, "feed.journal_dir", journal == null ? null : journal.toString());
        putIfSet(o, "metrics.port", metricsPort);
        putIfSet(o, "http.port", httpPort);
        putIfSet(o, "http.linger_seconds", httpLinger == null ? null : DurationParser.parseMillis(httpLinger) / 1000);
        return o;
    }

    /** Loads the configuration file with these options applied; an explicit {@code -c} file must exist. */
    EngineConfig loadConfig() {
        if (config != null && !Files.exists(config)) {
            throw new ConfigException("-c/--config", "no such file: " + config.toAbsolutePath());
        }
        return ConfigLoader.load(configFile(), overrides());
    }

    /** The configuration file: the {@code -c} path, or {@link #DEFAULT_CONFIG}. */
    Path configFile() {
        return config != null ? config : DEFAULT_CONFIG;
    }

    /** Directory holding the configuration file (for log4j2.xml and api_keys.yaml). */
    Path configDir() {
        final Path parent = configFile().toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** {@code --duration} in milliseconds, or 0 when not given. */
    long durationMillis() {
        return duration == null ? 0 : DurationParser.parseMillis(duration);
    }

    private static void putIfSet(Map<String, Object> o, String key, Object value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}

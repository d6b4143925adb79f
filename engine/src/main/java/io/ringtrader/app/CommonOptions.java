package io.ringtrader.app;

import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares; names are a public contract (scripts and docs depend on them). */
public final class CommonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path config = Path.of("config", "engine.yaml");

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
        description = "journal source (--feed journal) or replay input: a journal directory.")
    Path journal;

    @Option(names = "--duration", paramLabel = "D",
        description = "Stop after D of wall time (90s, 10m, 2h).")
    String duration;

    @Option(names = "--metrics-port", paramLabel = "N",
        description = "Serve Prometheus /metrics on this port.")
    Integer metricsPort;

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
        return o;
    }

    /** Loads the configuration file with these options applied. */
    EngineConfig loadConfig() {
        return ConfigLoader.load(config, overrides());
    }

    /** Directory holding the configuration file (for log4j2.xml and api_keys.yaml). */
    Path configDir() {
        final Path parent = config.toAbsolutePath().getParent();
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

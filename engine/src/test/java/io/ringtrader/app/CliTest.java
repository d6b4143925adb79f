package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.ringtrader.config.EngineConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Runs with System.out and System.err captured too (the console log appender writes there). */
    private int runCapturingConsole(ByteArrayOutputStream console, String... args) {
        final PrintStream stdout = System.out;
        final PrintStream stderr = System.err;
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            return run(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** Every file below {@code root}, once a marker logged now reached the main log (the loggers are async). */
    private static List<Path> filesAfterTheLogsFlushed(Path root, Path mainLog) throws IOException {
        final String marker = "test marker " + System.nanoTime();
        LogManager.getLogger(CliTest.class).info(marker);
        for (int i = 0; i < 200 && !(Files.exists(mainLog) && Files.readString(mainLog).contains(marker)); i++) {
            LockSupport.parkNanos(50_000_000L);
        }
        assertThat(mainLog).content().contains(marker);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void shouldPrintHelpForEveryCommand() {
        for (String command : new String[] {"live-trading", "data-only", "data-collection", "replay", "backtest",
            "download", "optimize"}) {
            assertThat(run(command, "--help")).as(command).isZero();
        }
        assertThat(out.toString()).contains("--feed-url", "--sim-hours", "--replay-file", "--duration", "--verify",
            "--from", "--strategies", "--api-url", "--repair", "--param", "--anchored");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("live-trading", "data-only", "replay", "backtest");
    }

    @Test
    void shouldExitTwoOnUnknownOptionOrMissingCommand() {
        assertThat(run("data-only", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-option");
        assertThat(run()).isEqualTo(2);
        assertThat(run("trade-everything")).isEqualTo(2);
    }

    @Test
    void shouldExitTwoNamingTheKeyOnABadConfiguration() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "risk:\n  max_drawdown: 7\n");
        final int code = run("data-only", "-c", config.toString(), "--data-dir", dir.resolve("d").toString(),
            "--logs-dir", dir.resolve("l").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("risk.max_drawdown").contains("must be between");
        assertThat(dir.resolve("d")).doesNotExist();
    }

    @Test
    void shouldExitTwoNamingTheKeyOnAnUnknownBackgroundIdleStrategy() throws IOException {
        final Path config = Files.writeString(dir.resolve("engine.yaml"), "pipeline:\n  background_idle: lazy\n");
        final int code = run("data-only", "-c", config.toString(), "--data-dir", dir.resolve("d").toString(),
            "--logs-dir", dir.resolve("l").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("pipeline.background_idle").contains("must be one of backoff");
        assertThat(dir.resolve("d")).doesNotExist();
    }

    @Test
    void shouldExitTwoNamingAnExplicitConfigFileThatDoesNotExist() {
        final Path missing = dir.resolve("typo/engine.yml");
        final int code = run("data-only", "-c", missing.toString(), "--data-dir", dir.resolve("d").toString(),
            "--logs-dir", dir.resolve("l").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("-c/--config").contains("no such file").contains(missing.toString());
        assertThat(dir.resolve("d")).doesNotExist();
        assertThat(dir.resolve("l")).doesNotExist();
    }

    @Test
    void shouldRunOnBuiltInDefaultsWhenTheDefaultConfigFileIsMissing() {
        assumeFalse(Files.exists(CommonOptions.DEFAULT_CONFIG), "the working directory has a config/engine.yaml");
        final CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs();
        assertThat(options.loadConfig().symbols()).isEqualTo(EngineConfig.DEFAULT_SYMBOLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "coinbase:\n  api_key: \"k\"\n  api_secret: \"CANARY-7f3a91c2\" and: [broken\n",
        "coinbase:\n  api_key: 123\n  api_secret: \"CANARY-7f3a91c2\"\n",
        "coinbase: {api_secret: \"CANARY-7f3a91c2\"}\nkraken: {api_key: x}\n"})
    void shouldExitTwoOnABadKeyFileWithTheSecretInNoOutputAndNoFile(String keys) throws IOException {
        final Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("engine.yaml"), "portfolio: {status_interval_seconds: 0}\n");
        final Path keyFile = Files.writeString(config.resolve("api_keys.yaml"), keys);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        final Path data = dir.resolve("out/data");
        final Path logs = dir.resolve("out/logs");
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final int code = runCapturingConsole(console, "data-only", "-c", config.resolve("engine.yaml").toString(),
            "--feed", "sim", "--speed", "0", "--sim-hours", "1", "--symbols", "BTC", "--data-dir", data.toString(),
            "--logs-dir", logs.toString());
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error").contains("api_keys.yaml");
        assertThat(out + err.toString() + console.toString(StandardCharsets.UTF_8)).doesNotContain("CANARY", "7f3a");
        assertThat(data).doesNotExist();
        for (Path file : filesAfterTheLogsFlushed(dir.resolve("out"), logs.resolve("integrated_live_trading.log"))) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                .doesNotContain("CANARY", "7f3a");
        }
    }

    /** 192.0.2.1 is TEST-NET-1 (documentation only): even a broken check would reach nothing on the internet. */
    @ParameterizedTest
    @ValueSource(strings = {"option", "config key"})
    void shouldRefuseRemotePlainWsBeforeCreatingTheDataFolder(String how) throws IOException {
        final String url = "ws://192.0.2.1:9/ws";
        final Path config = Files.writeString(dir.resolve("engine.yaml"), how.equals("option") ? ""
            : "feed: {url: \"" + url + "\"}\n");
        final Path data = dir.resolve("fresh/data");
        final List<String> args = new ArrayList<>(List.of("data-only", "-c", config.toString(),
            "--symbols", "BTC", "--duration", "5s", "--data-dir", data.toString(), "--logs-dir",
            dir.resolve("logs").toString()));
        if (how.equals("option")) {
            args.addAll(List.of("--feed-url", url));
        }
        assertThat(run(args.toArray(new String[0]))).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("feed.url").contains("ws://").contains("loopback");
        assertThat(dir.resolve("fresh")).doesNotExist();
    }

    @Test
    void shouldExitTwoOnBadOptionValues() throws IOException {
        final String none = Files.writeString(dir.resolve("empty.yaml"), "").toString();
        assertThat(run("data-only", "-c", none, "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("soon");
        assertThat(run("data-only", "-c", none, "--feed", "telepathy")).isEqualTo(2);
        assertThat(err.toString()).contains("feed.source");
        assertThat(run("data-only", "-c", none, "--symbols", "BTC,BTC")).isEqualTo(2);
        assertThat(run("data-only", "-c", none, "--speed", "fast")).isEqualTo(2);
    }

    @Test
    void shouldMapEveryCommonOptionToItsSetting() {
        final CommonOptions options = new CommonOptions();
        new CommandLine(options).parseArgs("--symbols", "BTC,ETH", "--feed", "sim", "--feed-url", "ws://127.0.0.1:1",
            "--protocol", "exchange", "--speed", "0", "--seed", "7", "--sim-hours", "2", "--replay-file", "t.jsonl",
            "--journal", "j", "--metrics-port", "9100", "--duration", "90s");
        final Map<String, Object> o = options.overrides();
        assertThat(o).containsEntry("feed.source", "sim").containsEntry("feed.url", "ws://127.0.0.1:1")
            .containsEntry("feed.protocol", "exchange").containsEntry("feed.speed", 0.0)
            .containsEntry("feed.seed", 7L).containsEntry("feed.sim_hours", 2.0)
            .containsEntry("feed.replay_file", "t.jsonl").containsEntry("feed.journal_dir", "j")
            .containsEntry("metrics.port", 9100);
        assertThat(o.get("symbols")).isEqualTo(java.util.List.of("BTC", "ETH"));
        assertThat(options.durationMillis()).isEqualTo(90_000);
        assertThat(options.configFile()).isEqualTo(Path.of("config", "engine.yaml"));
        assertThat(options.dataDir).isEqualTo(Path.of("data"));
        assertThat(options.logsDir).isEqualTo(Path.of("logs"));
    }
}

package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole sessions in-process: the built-in exchange over loopback, the real feed, ring, stages and files. */
class EngineSessionTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    private Path configWithCanaryKeys() throws IOException {
        final Path config = dir.resolve("config");
        Files.createDirectories(config);
        final Path keys = config.resolve("api_keys.yaml");
        Files.writeString(keys, "coinbase:\n  api_key: canary-key\n  api_secret: canary-secret\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(config.resolve("engine.yaml"), "portfolio: {status_interval_seconds: 0}\n");
        return config.resolve("engine.yaml");
    }

    /** Log lines are written by an asynchronous logger: wait (bounded) until {@code text} reaches the file. */
    private static String awaitLog(Path file, String text) throws IOException {
        String content = "";
        for (int i = 0; i < 200; i++) {
            content = Files.exists(file) ? Files.readString(file) : "";
            if (content.contains(text)) {
                return content;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        return content;
    }

    /** A live-trading session over three simulated hours of BTC and ETH. */
    private static String[] threeSimHours(Path config, Path data, Path logs) {
        return new String[] {"live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0",
            "--sim-hours", "3", "--symbols", "BTC,ETH", "--data-dir", data.toString(), "--logs-dir", logs.toString()};
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void dataOnlyOnTheSimulatorWritesJournalCandlesAndLogsAndNeverTheSecrets() throws IOException {
        final Path config = configWithCanaryKeys();
        final Path data = dir.resolve("out/data");
        final Path logs = dir.resolve("out/logs");
        final int code = run("data-only", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours",
            "2", "--symbols", "BTC,ETH", "--data-dir", data.toString(), "--logs-dir", logs.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(files(data.resolve("journal"))).anyMatch(p -> p.toString().endsWith(".cq4"));
        assertThat(awaitLog(logs.resolve("integrated_live_trading.log"), "Stopped:")).contains("Stopped:");
        assertThat(awaitLog(logs.resolve("websocket_collection.log"), "io.ringtrader.feed")).isNotEmpty();
        assertThat(logs.resolve("data_collection.log")).exists();
        assertThat(data.resolve("BTC_1m_historical.parquet")).isNotEmptyFile();
        assertThat(data.resolve("candles/ETH/2026-01-05.parquet")).isNotEmptyFile();
        for (Path file : files(dir.resolve("out"))) {
            final String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain("canary");
        }
        final String main = awaitLog(logs.resolve("integrated_live_trading.log"), "credentials: present");
        assertThat(main).contains("Stopping: END_OF_FEED").contains("credentials: present");
    }

    @Test
    void replayVerifyOfAJournalWithOneTamperedFillFailsAndNamesTheFirstDifference() throws IOException {
        final Path config = configWithCanaryKeys();
        final Path data = dir.resolve("tamper-live");
        final Path logs = dir.resolve("tamper-logs");
        assertThat(run("live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "6",
            "--seed", "7", "--data-dir", data.toString(), "--logs-dir", logs.toString())).as(err.toString())
            .isZero();
        final Path tampered = dir.resolve("tampered-journal");
        long changedPrice = -1;
        try (io.ringtrader.journal.Journal source = io.ringtrader.journal.Journal.openReadOnly(data.resolve("journal"));
             io.ringtrader.journal.JournalReader reader = source.reader();
             io.ringtrader.journal.Journal copy = io.ringtrader.journal.Journal.open(tampered);
             io.ringtrader.journal.Journal.Writer w = copy.writer()) {
            final io.ringtrader.journal.JournalRecord r = new io.ringtrader.journal.JournalRecord();
            while (reader.next(r)) {
                switch (r.type) {
                    case io.ringtrader.journal.RecordType.INPUT -> w.appendInput(r.input);
                    case io.ringtrader.journal.RecordType.CANDLE -> w.appendCandle(r.candle);
                    case io.ringtrader.journal.RecordType.SIGNAL -> w.appendSignal(r.signal);
                    case io.ringtrader.journal.RecordType.DECISION -> w.appendDecision(r.decision);
                    case io.ringtrader.journal.RecordType.ORDER -> w.appendOrder(r.order);
                    case io.ringtrader.journal.RecordType.NOTE -> w.appendNote(r.note);
                    case io.ringtrader.journal.RecordType.FILL -> {
                        if (changedPrice < 0) {
                            changedPrice = r.fill.priceE8 + 1; // one 1e-8 step off: the smallest possible change
                            r.fill.priceE8 = changedPrice;
                        }
                        w.appendFill(r.fill);
                    }
                    default -> throw new AssertionError("unknown record type " + r.type);
                }
            }
        }
        assertThat(changedPrice).as("the session must have filled").isPositive();
        final Path replayLogs = dir.resolve("tamper-replay-logs");
        assertThat(run("replay", "-c", config.toString(), "--journal", tampered.toString(), "--verify", "--out",
            dir.resolve("tamper-replay").toString(), "--logs-dir", replayLogs.toString())).as(err.toString())
            .isEqualTo(1);
        final String log = awaitLog(replayLogs.resolve("integrated_live_trading.log"), "verify FAILED");
        assertThat(log).contains("verify FAILED: 1 differences; first:").contains("Fill{")
            .contains("price=" + changedPrice);
    }

    @Test
    void liveTradingReplayedFromItsJournalGivesIdenticalTradeLogAndState() throws IOException {
        final Path config = configWithCanaryKeys();
        final Path data = dir.resolve("live");
        final Path logs = dir.resolve("logs");
        assertThat(run("live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "6",
            "--seed", "7", "--data-dir", data.toString(), "--logs-dir", logs.toString())).as(err.toString())
            .isZero();
        final List<String> trades = Files.readAllLines(data.resolve("live_trades.csv"));
        assertThat(trades.get(0)).isEqualTo("timestamp,symbol,action,price,quantity,notional,fee,confidence,"
            + "strategy,regime,pnl,position_size,cash_after,reason,order_id,order_type,liquidity,exit_reason");
        assertThat(trades).hasSizeGreaterThan(5);
        assertThat(data.resolve("portfolio_state.json")).isNotEmptyFile();

        final Path replay = dir.resolve("replay");
        assertThat(run("replay", "-c", config.toString(), "--journal", data.resolve("journal").toString(),
            "--verify", "--out", replay.toString(), "--logs-dir", logs.toString())).as(err.toString()).isZero();
        assertThat(replay.resolve("live_trades.csv")).hasSameBinaryContentAs(data.resolve("live_trades.csv"));
        assertSameStateAcrossCycles(replay.resolve("portfolio_state.json"), data.resolve("portfolio_state.json"));
        assertThat(awaitLog(logs.resolve("integrated_live_trading.log"), "verify OK")).contains("verify OK");
    }

    @Test
    void shouldRefuseToRestartADataFolderWithOtherSymbols() throws IOException {
        final Path config = configWithCanaryKeys();
        final Path data = dir.resolve("data");
        final String logs = dir.resolve("logs").toString();
        assertThat(run("data-only", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "1",
            "--symbols", "BTC,ETH", "--data-dir", data.toString(), "--logs-dir", logs)).as(err.toString()).isZero();
        assertThat(run("live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "1",
            "--symbols", "ETH,BTC", "--data-dir", data.toString(), "--logs-dir", logs)).isEqualTo(2);
        assertThat(err.toString()).contains("symbols: the journal in").contains("--symbols BTC,ETH");
    }

    @Test
    void shouldStopWithExitOneWhenAWriterFails() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "persistence: {parquet_flush_seconds: 1}\n");
        final Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("candles"), "a file where the archive folder should be");
        final Path logs = dir.resolve("logs");
        assertThat(run("data-only", "-c", config.toString(), "--feed", "sim", "--speed", "600", "--sim-hours", "0",
            "--symbols", "BTC", "--duration", "60s", "--data-dir", data.toString(), "--logs-dir", logs.toString()))
            .isEqualTo(1);
        assertThat(awaitLog(logs.resolve("integrated_live_trading.log"), "A writer failed"))
            .contains("A writer failed: Parquet candle writer");
    }

    @Test
    void liveTradingAfterDataCollectionInTheSameFolderTradesOnlyFromItsStartAndReplaysExactly() throws IOException {
        final Path config = configWithCanaryKeys();
        final Path data = dir.resolve("data");
        final String logs = dir.resolve("logs").toString();
        assertThat(run("data-only", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "4",
            "--symbols", "BTC,ETH", "--data-dir", data.toString(), "--logs-dir", logs)).as(err.toString()).isZero();
        assertThat(run("live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "3",
            "--symbols", "BTC,ETH", "--data-dir", data.toString(), "--logs-dir", logs)).as(err.toString()).isZero();
        final List<String> rows = Files.readAllLines(data.resolve("live_trades.csv"));
        assertThat(rows).hasSizeGreaterThan(1);
        // the collected 4 hours (2026-01-05T00:00-04:00) were never traded; the live session continued after them
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.compareTo("2026-01-05T04:00:00") > 0);
        final Path replay = dir.resolve("replay");
        assertThat(run("replay", "-c", config.toString(), "--journal", data.resolve("journal").toString(),
            "--verify", "--out", replay.toString(), "--logs-dir", logs)).as(err.toString()).isZero();
        assertThat(replay.resolve("live_trades.csv")).hasSameBinaryContentAs(data.resolve("live_trades.csv"));
    }

    @Test
    void shouldTrustAStateFileThatAgreesWithTheJournalAndRebuildOneThatDoesNot() throws IOException {
        final Path config = configWithCanaryKeys();
        final Path data = dir.resolve("data");
        final Path logs = dir.resolve("logs");
        final String[] session = threeSimHours(config, data, logs);
        assertThat(run(session)).as(err.toString()).isZero();
        assertThat(run(session)).as(err.toString()).isZero();
        final Path log = logs.resolve("integrated_live_trading.log");
        assertThat(awaitLog(log, "Restored the portfolio")).doesNotContain("disagrees with the journal");

        final Path state = data.resolve("portfolio_state.json");
        final String text = Files.readString(state);
        final String tampered = text.replaceFirst("\"last_update\" : \"2026-01-0", "\"last_update\" : \"2025-01-0");
        assertThat(tampered).isNotEqualTo(text);
        Files.writeString(state, tampered);
        assertThat(run(session)).as(err.toString()).isZero();
        assertThat(awaitLog(log, "disagrees with the journal")).contains("disagrees with the journal");

        final Path replay = dir.resolve("replay");
        assertThat(run("replay", "-c", config.toString(), "--journal", data.resolve("journal").toString(),
            "--out", replay.toString(), "--logs-dir", logs.toString())).as(err.toString()).isZero();
        assertThat(Files.readAllLines(data.resolve("live_trades.csv")))
            .isEqualTo(Files.readAllLines(replay.resolve("live_trades.csv")));
    }

    @Test
    void shouldWriteAgainTheTradeLogRowsATornLastLineLost() throws IOException {
        final Path config = configWithCanaryKeys();
        final Path data = dir.resolve("data");
        final Path logs = dir.resolve("logs");
        final String[] session = threeSimHours(config, data, logs);
        assertThat(run(session)).as(err.toString()).isZero();
        final Path tradeLog = data.resolve("live_trades.csv");
        final byte[] whole = Files.readAllBytes(tradeLog);
        final long rows = Files.readAllLines(tradeLog).size() - 1;
        assertThat(rows).as("fills to lose").isGreaterThan(1);
        Files.write(tradeLog, java.util.Arrays.copyOf(whole, whole.length - 7)); // the last row torn mid-line

        assertThat(run(session)).as(err.toString()).isZero();
        assertThat(awaitLog(logs.resolve("integrated_live_trading.log"), "are written again from the journal"))
            .contains("holds " + (rows - 1) + " complete rows but the state file " + rows + " fills");
        assertThat(Files.readAllLines(tradeLog).subList(0, (int) rows + 1)).as("the first session's rows, whole")
            .isEqualTo(java.util.Arrays.asList(new String(whole, java.nio.charset.StandardCharsets.UTF_8)
                .split("\n")));
        final Path replay = dir.resolve("replay");
        assertThat(run("replay", "-c", config.toString(), "--journal", data.resolve("journal").toString(),
            "--out", replay.toString(), "--logs-dir", logs.toString())).as(err.toString()).isZero();
        assertThat(Files.readAllLines(tradeLog)).isEqualTo(Files.readAllLines(replay.resolve("live_trades.csv")));
    }

    @Test
    void replayRefusesAMissingJournalWithExitTwo() throws IOException {
        final Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThat(run("replay", "-c", empty.toString(), "--journal", dir.resolve("nope")
            .toString(), "--logs-dir", dir.resolve("logs").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--journal").contains("not a journal directory");
    }

    /**
     * The two state files are identical except, when the sessions ran on two sides of midnight UTC, in the cycle
     * (day) bits of {@code journal_index}: Chronicle's daily roll cycle comes from the wall clock; the sequence within
     * the cycle must still agree.
     */
    private static void assertSameStateAcrossCycles(Path actual, Path expected) throws IOException {
        final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        final com.fasterxml.jackson.databind.node.ObjectNode a =
            (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(actual.toFile());
        final com.fasterxml.jackson.databind.node.ObjectNode e =
            (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(expected.toFile());
        assertThat(a.path("journal_index").asLong() & 0xFFFF_FFFFL).as("journal sequence within the cycle")
            .isEqualTo(e.path("journal_index").asLong() & 0xFFFF_FFFFL);
        a.remove("journal_index");
        e.remove("journal_index");
        assertThat(a).isEqualTo(e);
        if (Files.readString(actual).contains("\"journal_index\" : " + mapper.readTree(expected.toFile())
            .path("journal_index").asLong())) {
            assertThat(actual).as("same day: byte for byte").hasSameBinaryContentAs(expected);
        }
    }
}

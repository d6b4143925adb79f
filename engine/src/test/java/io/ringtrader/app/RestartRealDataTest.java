package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.exchange.LeanBarsToTape.TapeTrade;
import io.ringtrader.store.ParquetCandleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} at seeded moments while {@code live-trading} the three real 2018 days (BTC, ETH, LTC through a
 * loopback Advanced Trade server that resends its last 100 trades at every subscribe, as Coinbase does): every
 * candle equals the uninterrupted run's candle or is marked incomplete (a resent snapshot never merges twice), and
 * the trade log equals a replay of the journal.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartRealDataTest {
    private static final String CONFIG = "portfolio: {status_interval_seconds: 0}\n"
        + "feed: {reconnect_initial_ms: 50, reconnect_max_ms: 200}\n";

    @TempDir
    static Path dir;

    private List<TapeTrade> tape;
    private Path config;
    private Map<String, Candle> uninterrupted;
    private long endHeartbeatNs;

    @BeforeAll
    void runUninterrupted() throws IOException {
        tape = RealTape.of(RealTape.SYMBOLS, RealTape.DAYS);
        endHeartbeatNs = tape.get(tape.size() - 1).timeNs() + 5_000_000_000L;
        config = dir.resolve("engine.yaml");
        Files.writeString(config, CONFIG);
        final Path data = dir.resolve("uninterrupted");
        try (TapeAdvancedTradeServer server = server()) {
            final StringWriter err = new StringWriter();
            final int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args(server, data, dir.resolve("uninterrupted-logs")).toArray(String[]::new));
            assertThat(code).as(err.toString()).isZero();
        }
        uninterrupted = candles(data);
        assertThat(uninterrupted).hasSizeGreaterThan(8 * 1_400);
    }

    private TapeAdvancedTradeServer server() {
        // about 17 s of stream (1,155 update frames), so that every kill lands inside the session
        return new TapeAdvancedTradeServer(tape, 0, -1, 0, endHeartbeatNs).paced(15_000);
    }

    private List<String> args(TapeAdvancedTradeServer server, Path data, Path logs) {
        return List.of("live-trading", "-c", config.toString(), "--feed", "coinbase", "--feed-url",
            server.url() + "/", "--symbols", String.join(",", RealTape.SYMBOLS), "--speed", "0", "--data-dir",
            data.toString(), "--logs-dir", logs.toString());
    }

    @ParameterizedTest(name = "{0} kills")
    @ValueSource(ints = {1, 8})
    void shouldKeepEveryCandleExactOrMarkedIncompleteAcrossKills(int kills) throws Exception {
        final long seed = Long.getLong("ringtrader.kill.seed", 20_261_202L) + kills;
        final Random random = new Random(seed);
        final Path run = dir.resolve("killed-" + kills);
        final Path data = run.resolve("data");
        final Path logs = run.resolve("logs");
        final Path log = logs.resolve("integrated_live_trading.log");
        final List<Process> started = new ArrayList<>();
        try (TapeAdvancedTradeServer server = server()) {
            int landed = 0;
            for (int kill = 1; kill <= kills; kill++) {
                final Process engine = EngineProcess.start(run, args(server, data, logs));
                started.add(engine);
                EngineProcess.awaitLog(log, "Running;", kill);
                // a moment inside the session: from just after the feed starts to well into the tape
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1_000)));
                if (!engine.isAlive()) {
                    break; // the tape ended before this kill: the last run below only confirms the end
                }
                engine.destroyForcibly(); // SIGKILL
                assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
                landed++;
            }
            final Process last = EngineProcess.start(run, args(server, data, logs));
            started.add(last);
            assertThat(last.waitFor(300, TimeUnit.SECONDS)).as("seed %d: the last run reaches the tape's end", seed)
                .isTrue();
            assertThat(last.exitValue()).as("seed %d", seed).isZero();
            assertThat(landed).as("seed %d: kills that landed during the session", seed).isPositive();
            assertThat(server.ended()).isCompleted();
        } finally {
            started.forEach(Process::destroyForcibly); // a failed assertion must not leave an engine running
        }
        final Map<String, Candle> killed = candles(data);
        int exact = 0;
        int incomplete = 0;
        final List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Candle> e : killed.entrySet()) {
            final Candle reference = uninterrupted.get(e.getKey());
            if (!e.getValue().complete) {
                incomplete++;
                if (reference != null && (e.getValue().tradeCount > reference.tradeCount
                    || e.getValue().volumeE8 > reference.volumeE8)) {
                    wrong.add(e.getKey() + " (incomplete, more than was traded): " + e.getValue() + " vs " + reference);
                }
            } else if (reference != null && same(reference, e.getValue())) {
                exact++;
            } else {
                wrong.add(e.getKey() + ": " + e.getValue() + " vs " + reference);
            }
        }
        System.out.printf("issue 14 restarts (seed %d, %d kills): %d candles, %d equal the uninterrupted run, %d"
            + " incomplete, %d wrong%n", seed, kills, killed.size(), exact, incomplete, wrong.size());
        assertThat(wrong).as("seed %d: complete candles that differ from the uninterrupted run, and incomplete ones"
            + " holding a trade twice", seed).isEmpty();
        assertThat(killed.keySet()).as("seed %d: every minute is there", seed)
            .containsAll(uninterrupted.keySet());
        assertThat(incomplete).as("seed %d: a restart marks what it touched", seed).isPositive();

        final Path replay = run.resolve("replay");
        final StringWriter err = new StringWriter();
        final int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "replay",
            "-c", config.toString(), "--journal", data.resolve("journal").toString(), "--out", replay.toString(),
            "--logs-dir", run.resolve("replay-logs").toString());
        assertThat(code).as("seed %d: %s", seed, err).isZero();
        assertThat(Files.readAllLines(replay.resolve("live_trades.csv"))).as("seed %d", seed)
            .isEqualTo(Files.readAllLines(data.resolve("live_trades.csv")));
    }

    private static boolean same(Candle a, Candle b) {
        return a.openE8 == b.openE8 && a.highE8 == b.highE8 && a.lowE8 == b.lowE8 && a.closeE8 == b.closeE8
            && a.volumeE8 == b.volumeE8 && a.tradeCount == b.tradeCount;
    }

    /** Every Parquet candle of the run by "SYMBOL minute". */
    private static Map<String, Candle> candles(Path data) {
        final Map<String, Candle> all = new HashMap<>();
        for (String symbol : RealTape.SYMBOLS) {
            for (Candle c : ParquetCandleReader.read(data, symbol, LocalDate.of(2018, 4, 3), LocalDate.of(2018, 4,
                7))) {
                all.put(symbol + " " + Rfc3339.formatMicros(c.openTimeNs), c);
            }
        }
        return all;
    }
}

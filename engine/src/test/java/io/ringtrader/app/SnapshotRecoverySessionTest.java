package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.store.ParquetCandleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart from a snapshot ends exactly where a restart that pushes the whole journal ends: the same data folder,
 * restarted once with its snapshots and once without, writes byte-identical trade logs and state files, although the
 * snapshot is older than the state file (the fills after it are derived again from the journal and their trade-log
 * rows written again), and the feed resumes with the same memory of the trade ids already published. Both equal a
 * session that never stopped.
 */
@Tag("slow")
class SnapshotRecoverySessionTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int liveTrading(Path config, Path data, String hours, String logs) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "live-trading", "-c",
            config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", hours, "--seed", "7", "--symbols",
            "BTC,ETH,SOL", "--data-dir", data.toString(), "--logs-dir", dir.resolve(logs).toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                final Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Log lines are written by an asynchronous logger: wait (bounded) until {@code text} reaches the file. */
    private String awaitLog(String logs, String text) throws IOException {
        final Path file = dir.resolve(logs).resolve("integrated_live_trading.log");
        String content = "";
        for (int i = 0; i < 200 && !content.contains(text); i++) {
            LockSupport.parkNanos(50_000_000L);
            content = Files.exists(file) ? Files.readString(file) : "";
        }
        return content;
    }

    private static long resumedTrades(String log) {
        final Matcher m = Pattern.compile("The feed resumes after the (\\d+) journaled trades").matcher(log);
        assertThat(m.find()).as("the feed's resume line in %s", log).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    @Timeout(300)
    void aRestartFromASnapshotEqualsARestartFromTheWholeJournal() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\norders: {entry_type: market}\n"
            + "persistence: {snapshot_interval_minutes: 30}\n");
        final Path withSnapshot = dir.resolve("with-snapshot");
        assertThat(liveTrading(config, withSnapshot, "4", "first-logs")).as(err.toString()).isZero();
        final Path wholeJournal = dir.resolve("whole-journal");
        copy(withSnapshot, wholeJournal);
        try (Stream<Path> s = Files.walk(wholeJournal.resolve("snapshots"))) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        // keep only the 03:00 snapshot: positions open, their exits fill after it
        final List<Path> snapshots;
        try (Stream<Path> s = Files.list(withSnapshot.resolve("snapshots"))) {
            snapshots = s.sorted().toList();
        }
        assertThat(snapshots.get(0).getFileName().toString()).startsWith("snapshot-20260105T030000-");
        Files.delete(snapshots.get(1));
        Files.delete(snapshots.get(2));
        final List<String> rowsAfterSnapshot = Files.readAllLines(withSnapshot.resolve("live_trades.csv")).stream()
            .skip(1).filter(r -> r.compareTo("2026-01-05T03:00") >= 0).toList();
        assertThat(rowsAfterSnapshot).as("fills to derive again after the snapshot").hasSizeGreaterThan(5);

        assertThat(liveTrading(config, withSnapshot, "6", "snapshot-logs")).as(err.toString()).isZero();
        assertThat(liveTrading(config, wholeJournal, "6", "journal-logs")).as(err.toString()).isZero();
        assertThat(awaitLog("snapshot-logs", "Recovering from snapshot")).contains("Recovering from snapshot "
            + snapshots.get(0));
        assertThat(awaitLog("journal-logs", "Recovered")).doesNotContain("Recovering from snapshot");
        // the feed's trade-id memory came with the snapshot, not from reading the journal before it
        assertThat(resumedTrades(awaitLog("snapshot-logs", "The feed resumes")))
            .isEqualTo(resumedTrades(awaitLog("journal-logs", "The feed resumes"))).isGreaterThan(1_000);
        assertThat(Files.readString(withSnapshot.resolve("live_trades.csv")))
            .isEqualTo(Files.readString(wholeJournal.resolve("live_trades.csv")))
            .contains(rowsAfterSnapshot.get(rowsAfterSnapshot.size() - 1));
        assertThat(Files.readString(withSnapshot.resolve("portfolio_state.json")))
            .isEqualTo(Files.readString(wholeJournal.resolve("portfolio_state.json")));

        // and both equal a session never stopped: the simulated market resumes as it would have gone on
        final Path uninterrupted = dir.resolve("uninterrupted");
        assertThat(liveTrading(config, uninterrupted, "10", "uninterrupted-logs")).as(err.toString()).isZero();
        final List<String> after = Files.readAllLines(uninterrupted.resolve("live_trades.csv")).stream()
            .filter(r -> r.compareTo("2026-01-05T04:00") >= 0).toList();
        assertThat(after).as("fills after the restart").isNotEmpty();
        assertThat(Files.readString(withSnapshot.resolve("live_trades.csv")))
            .isEqualTo(Files.readString(uninterrupted.resolve("live_trades.csv")));
        assertThat(withoutJournalIndex(withSnapshot.resolve("portfolio_state.json")))
            .as("the account (its journal index differs: a restart journals its own notes)")
            .isEqualTo(withoutJournalIndex(uninterrupted.resolve("portfolio_state.json")));
        // the candles too, the two minutes around the restart included: every trade id followed on, so the stop and
        // the restart lost nothing and neither minute is incomplete (a strategy signals on them as it would have)
        for (String symbol : List.of("BTC", "ETH", "SOL")) {
            final List<String> restarted = candles(withSnapshot, symbol);
            assertThat(restarted).as("%s's candles", symbol).hasSize(599)
                .isEqualTo(candles(uninterrupted, symbol));
            assertThat(restarted.subList(1, restarted.size())).as("%s: only the session's first minute", symbol)
                .noneMatch(c -> c.contains("complete=false"));
        }
    }

    /** OHLCV and completeness of each stored candle (the book fields differ: the stop and the restart forget it). */
    private static List<String> candles(Path data, String symbol) {
        return ParquetCandleReader.read(data, symbol, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5)).stream()
            .map(c -> c.openTimeNs + " o=" + c.openE8 + " h=" + c.highE8 + " l=" + c.lowE8 + " c=" + c.closeE8
                + " v=" + c.volumeE8 + " n=" + c.tradeCount + " complete=" + c.complete).toList();
    }

    private static List<String> withoutJournalIndex(Path stateFile) throws IOException {
        return Files.readAllLines(stateFile).stream().filter(l -> !l.contains("\"journal_index\"")).toList();
    }
}

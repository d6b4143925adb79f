package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.snapshot.SnapshotFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots on a live simulator session with open positions, resting take-profits and armed trailing stops: a
 * replay from a snapshot derives exactly what the live session journaled after it (candles, signals, decisions,
 * order updates, fills), writes the live trade log's rows after it and ends in the same state file. The check is
 * shown to fail on a snapshot whose state is an hour older than it claims; a damaged newest snapshot is reported
 * and the one before it used.
 */
@Tag("slow")
class SnapshotReplaySessionTest {
    private static final Pattern VERIFIED = Pattern.compile("verify: OK, ([0-9,]+) derived events");

    @TempDir
    static Path dir;

    private static final StringWriter ERR = new StringWriter();
    private static Path config;
    private static Path data;

    private static int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(ERR, true), args);
    }

    @BeforeAll
    @Timeout(300)
    static void liveSessionWithSnapshotsEveryHalfHour() throws IOException {
        config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\norders: {entry_type: market}\n"
            + "persistence: {snapshot_interval_minutes: 30, snapshots_kept: 100}\n");
        data = dir.resolve("data");
        assertThat(run("live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "8",
            "--seed", "7", "--symbols", "BTC,ETH,SOL", "--data-dir", data.toString(), "--logs-dir",
            dir.resolve("logs").toString())).as(ERR.toString()).isZero();
    }

    private Path snapshotAt(String hhmmss) throws IOException {
        try (var s = Files.list(data.resolve("snapshots"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("snapshot-20260105T" + hhmmss + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("no snapshot at " + hhmmss));
        }
    }

    /** Runs a replay from {@code snapshot}; returns its exit code, its console output in {@code console[0]}. */
    private int replayFrom(Path snapshot, String name, String[] console) {
        final PrintStream stdout = System.out;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return replayFrom(snapshot, name);
        } finally {
            System.setOut(stdout);
            console[0] = captured.toString(StandardCharsets.UTF_8);
        }
    }

    private int replayFrom(Path snapshot, String name) {
        return run("replay", "-c", config.toString(), "--journal", data.resolve("journal").toString(),
            "--from-snapshot", snapshot.toString(), "--verify", "--out", dir.resolve(name).toString(), "--logs-dir",
            dir.resolve(name + "-logs").toString());
    }

    private static List<String> rowsFrom(Path tradeLog, String fromTimestamp) throws IOException {
        return Files.readAllLines(tradeLog, StandardCharsets.UTF_8).stream().skip(1)
            .filter(r -> r.compareTo(fromTimestamp) >= 0).toList();
    }

    private static String withoutJournalIndex(Path stateFile) throws IOException {
        return Files.readString(stateFile).replaceAll("\"journal_index\"\\s*:\\s*\\d+", "");
    }

    @Test
    @Timeout(300)
    void replayFromASnapshotWithOpenPositionsDerivesWhatTheLiveSessionDid() throws IOException {
        final Path liveLog = data.resolve("live_trades.csv");
        final List<String> before = rowsFrom(liveLog, "").stream().filter(r -> r.compareTo("2026-01-05T02") < 0)
            .toList();
        final List<String> after = rowsFrom(liveLog, "2026-01-05T02");
        assertThat(before).as("entries before the snapshot").anyMatch(r -> r.contains(",BUY,"));
        assertThat(after).as("their exits after it").anyMatch(r -> r.endsWith(",take_profit"))
            .anyMatch(r -> r.endsWith(",trailing_stop"));

        final String[] console = new String[1];
        assertThat(replayFrom(snapshotAt("020000"), "tail", console)).as(ERR.toString()).isZero();
        final Matcher m = VERIFIED.matcher(console[0]);
        assertThat(m.find()).as(console[0]).isTrue();
        assertThat(Long.parseLong(m.group(1).replace(",", ""))).as("derived events compared").isGreaterThan(1_000);
        assertThat(rowsFrom(dir.resolve("tail").resolve("live_trades.csv"), "")).as("the trade log after it")
            .containsExactlyElementsOf(after);
        assertThat(withoutJournalIndex(dir.resolve("tail").resolve("portfolio_state.json")))
            .isEqualTo(withoutJournalIndex(data.resolve("portfolio_state.json")));
    }

    @Test
    @Timeout(300)
    void theCheckFailsOnAStateOlderThanTheSnapshotClaims() throws Exception {
        final SnapshotFile.Loaded older = SnapshotFile.read(snapshotAt("013000"));
        final SnapshotFile.Loaded claimed = SnapshotFile.read(snapshotAt("020000"));
        final Path forged = SnapshotFile.write(dir.resolve("forged"), claimed.header(), older.body());
        final String[] console = new String[1];
        assertThat(replayFrom(forged, "forged-replay", console)).as("verify must fail").isEqualTo(1);
        assertThat(console[0]).contains("verify: FAILED");
    }

    @Test
    @Timeout(300)
    void aDamagedNewestSnapshotIsReportedAndTheOneBeforeItUsed() throws IOException {
        final Path folder = dir.resolve("damaged");
        Files.createDirectories(folder);
        final Path good = Files.copy(snapshotAt("070000"), folder.resolve(snapshotAt("070000").getFileName()));
        final Path bad = Files.copy(snapshotAt("073000"), folder.resolve(snapshotAt("073000").getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
        final byte[] bytes = Files.readAllBytes(bad);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(bad, bytes);
        final String[] console = new String[1];
        assertThat(replayFrom(folder, "fallback", console)).as(ERR.toString()).isZero();
        assertThat(console[0]).contains("warning: snapshot " + bad + " is not usable: checksum mismatch")
            .contains("Replaying from snapshot " + good);
        assertThat(VERIFIED.matcher(console[0]).find()).as(console[0]).isTrue();
    }

    @Test
    @Timeout(120)
    void aSnapshotOfAnotherJournalIsRefused() throws Exception {
        final SnapshotFile.Loaded s = SnapshotFile.read(snapshotAt("020000"));
        final Path other = SnapshotFile.write(dir.resolve("other"), new SnapshotFile.Header(
            s.header().journalIndex(), s.header().exchangeTimeNs() + 1, s.header().symbols()), s.body());
        assertThat(replayFrom(other, "other-replay")).isEqualTo(2);
        assertThat(ERR.toString()).contains("--from-snapshot").contains("does not belong");
    }
}

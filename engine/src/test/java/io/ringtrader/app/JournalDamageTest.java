package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes in the middle of the journal: the restart stops naming the journal with every output byte for byte
 * as it was, {@code journal check} reports the damage, and {@code journal repair} is the documented way on.
 */
class JournalDamageTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldRefuseADamagedJournalTouchingNothingAndRepairOnRequest() throws IOException {
        final Path config = Files.writeString(dir.resolve("engine.yaml"), "portfolio: {status_interval_seconds: 0}\n");
        final Path data = dir.resolve("data");
        final Path journal = data.resolve("journal");
        final String[] session = {"live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0",
            "--sim-hours", "3", "--symbols", "BTC,ETH", "--data-dir", data.toString(), "--logs-dir",
            dir.resolve("logs").toString()};
        assertThat(run(session)).as(err.toString()).isZero();
        assertThat(run("journal", "check", "--journal", journal.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("OK: every entry reads to the end");

        final Path cycle = largestCycleFile(journal);
        final byte[] noise = new byte[4096];
        new Random(14).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(cycle.toFile(), "rw")) {
            f.seek(written(cycle) / 2); // the middle of what was written (Chronicle pre-allocates the file)
            f.write(noise);
        }
        final Map<Path, byte[]> before = outputs(data);
        assertThat(before).containsKeys(data.resolve("live_trades.csv"), data.resolve("portfolio_state.json"));

        assertThat(run(session)).as("the restart on a damaged journal").isEqualTo(1);
        assertThat(err.toString()).contains("The journal " + journal + " is damaged").contains(".cq4");
        final Map<Path, byte[]> after = outputs(data);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(Arrays.equals(bytes, after.get(file)))
            .as("%s byte for byte as it was", file).isTrue());

        assertThat(run("journal", "check", "--journal", journal.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("DAMAGED: The journal").contains(cycle.getFileName().toString());
        assertThat(run("replay", "-c", config.toString(), "--journal", journal.toString(), "--out",
            dir.resolve("refused").toString(), "--logs-dir", dir.resolve("logs").toString()))
            .as("replay refuses it too").isEqualTo(1);

        assertThat(run("journal", "repair", "--journal", journal.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("repaired: kept").contains("moved aside");
        assertThat(run("journal", "check", "--journal", journal.toString())).as(out.toString()).isZero();
        try (Stream<Path> siblings = Files.list(data)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.startsWith("journal.damaged-"))
                .anyMatch(n -> n.startsWith("live_trades.csv.damaged-"));
        }

        assertThat(run(session)).as("the session after the repair: %s", err).isZero();
        final Path replay = dir.resolve("replay");
        assertThat(run("replay", "-c", config.toString(), "--journal", journal.toString(), "--out",
            replay.toString(), "--logs-dir", dir.resolve("logs").toString())).as(err.toString()).isZero();
        assertThat(Files.readAllLines(data.resolve("live_trades.csv")))
            .as("the outputs rebuilt from every readable entry equal a replay")
            .isEqualTo(Files.readAllLines(replay.resolve("live_trades.csv")));
    }

    @Test
    void shouldSayAWholeJournalNeedsNoRepairAndRefuseAFolderThatIsNoJournal() throws IOException {
        assertThat(run("journal", "check", "--journal", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a journal directory");
        assertThat(run("journal", "repair", "--journal", dir.resolve("none").toString())).isEqualTo(2);
    }

    private static Path largestCycleFile(Path journal) throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).max(Comparator.comparingLong((Path p) -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).thenComparing(Path::toString)).orElseThrow(); // on a tie the day's cycle, not the header's
        }
    }

    /** Bytes up to the last non-zero one. */
    private static long written(Path file) throws IOException {
        final byte[] all = Files.readAllBytes(file);
        int last = all.length - 1;
        while (last >= 0 && all[last] == 0) {
            last--;
        }
        assertThat(last).as("entries in %s", file).isGreaterThan(100_000);
        return last + 1;
    }

    /** Every output the engine derives from the journal: trade log, state file, Parquet candles. */
    private static Map<Path, byte[]> outputs(Path data) throws IOException {
        final Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                final String name = p.getFileName().toString();
                if (!p.startsWith(data.resolve("journal")) && (name.endsWith(".csv") || name.endsWith(".json")
                    || name.endsWith(".parquet"))) {
                    files.put(p, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}

package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: the engine trades on a small tmpfs until the disk is full; the first failing writer (here the
 * journal's memory-mapped file) stops it with exit 1 and one error naming it, within the drain deadline, and the
 * data folder, moved to a bigger disk, recovers and replays. Mounting needs root; otherwise the test is skipped
 * with the reason printed.
 */
@Tag("slow")
class DiskFullTest {
    @TempDir
    Path dir;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldStopCleanlyOnAFullDiskAndRecoverOnABiggerOne() throws Exception {
        final Path small = dir.resolve("small");
        Files.createDirectories(small);
        final Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs",
            small.toString()).redirectErrorStream(true).start();
        final boolean mounted = mounting.waitFor(30, TimeUnit.SECONDS) && mounting.exitValue() == 0;
        if (!mounted) {
            final String why = new String(mounting.getInputStream().readAllBytes());
            System.out.println("DiskFullTest skipped: cannot mount a tmpfs (needs root): " + why.trim());
            Assumptions.abort("cannot mount a tmpfs: " + why.trim());
        }
        mount = small;
        final Path config = Files.writeString(dir.resolve("engine.yaml"), "portfolio: {status_interval_seconds: 0}\n"
            + "pipeline: {shutdown_timeout_ms: 5000}\n");
        final Path data = small.resolve("data");
        final Path logs = dir.resolve("logs");
        final long startNs = System.nanoTime();
        final Process engine = EngineProcess.start(dir, List.of("live-trading", "-c", config.toString(), "--feed",
            "sim", "--speed", "0", "--sim-hours", "0", "--symbols", "BTC,ETH", "--data-dir", data.toString(),
            "--logs-dir", logs.toString()));
        try {
            assertThat(engine.waitFor(180, TimeUnit.SECONDS)).as("the engine stops on the full disk").isTrue();
        } finally {
            engine.destroyForcibly();
        }
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        assertThat(engine.exitValue()).isEqualTo(1);
        final String log = Files.readString(logs.resolve("integrated_live_trading.log"));
        final long errors = log.lines().filter(l -> l.contains(" ERROR ") || l.contains(" FATAL ")).count();
        final long stageFailures = log.lines().filter(l -> l.contains("Stage failed")).count();
        log.lines().filter(l -> l.contains(" ERROR ") || l.contains(" FATAL ")).map(l -> l.length() > 300
            ? l.substring(0, 300) : l).forEach(System.out::println);
        System.out.printf("issue 14 disk full: exit %d after %.1f s, %d ERROR/FATAL lines, %d stage failures%n",
            engine.exitValue(), seconds, errors, stageFailures);
        assertThat(log).containsPattern("cannot be written|writer failed|No space left");
        assertThat(errors).as("one ERROR: the first writer that failed, with its file and cause").isEqualTo(1);
        assertThat(stageFailures).as("no error storm").isLessThanOrEqualTo(2);
        assertThat(log).doesNotContain("did not drain");
        System.out.println("issue 14 disk full, write-lock lines of the failed engine: " + log.lines()
            .filter(l -> l.contains("write lock")).toList());

        final Path moved = dir.resolve("bigger");
        copyTree(data, moved);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final PrintWriter o = new PrintWriter(out, true);
        final PrintWriter e = new PrintWriter(err, true);
        assertThat(Main.run(o, e, "journal", "check", "--journal", moved.resolve("journal").toString()))
            .as("%s", out).isZero();
        assertThat(Main.run(o, e, "data-only", "-c", config.toString(), "--feed", "sim", "--speed", "0",
            "--sim-hours", "0", "--symbols", "BTC,ETH", "--duration", "3s", "--data-dir", moved.toString(),
            "--logs-dir", dir.resolve("logs2").toString())).as("recovery on the bigger disk: %s", err).isZero();
        final String recoveryLog = Files.readString(dir.resolve("logs2/integrated_live_trading.log"));
        System.out.println("issue 14 disk full, recovery log lines mentioning locks: " + recoveryLog.lines()
            .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("lock")).toList());
        assertThat(recoveryLog).as("no lock left by the failed engine").doesNotContain("Forced unlocking");
        assertThat(Main.run(o, e, "replay", "-c", config.toString(), "--verify", "--journal",
            moved.resolve("journal").toString(), "--out", dir.resolve("replay").toString(), "--logs-dir",
            dir.resolve("logs3").toString())).as("replay --verify: %s", out).isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                final Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}

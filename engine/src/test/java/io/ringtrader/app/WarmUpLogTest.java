package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.EventType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up log line reads the candle store, which belongs to the consumer thread: it must be read only after the
 * stages applied every history candle, however slow they are.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WarmUpLogTest {
    @TempDir
    Path dir;

    @Test
    void theWarmUpLogCountsEveryHistoryCandleEvenWhenTheStagesAreSlow() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "pipeline: {threads: fused}\nportfolio: {status_interval_seconds: 0}\n");
        final Path collected = dir.resolve("collected");
        final Path logs = dir.resolve("logs");
        final StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "data-only", "-c",
            config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "2", "--symbols", "BTC", "--data-dir",
            collected.toString(), "--logs-dir", logs.toString())).as(err.toString()).isZero();
        // the candles without the journal: a fresh live session warms up from Parquet
        final Path data = dir.resolve("live");
        try (Stream<Path> files = Files.walk(collected)) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                final Path relative = collected.relativize(from);
                if (!relative.startsWith("journal")) {
                    Files.createDirectories(data.resolve(relative).getParent());
                    Files.copy(from, data.resolve(relative));
                }
            }
        }

        final AtomicInteger history = new AtomicInteger();
        final CommonOptions options = new CommonOptions();
        options.config = config;
        options.dataDir = data;
        options.logsDir = logs;
        options.feed = "sim";
        options.speed = 0.0;
        options.simHours = 0.2;
        options.symbols = List.of("BTC");
        final int code = Launch.run(options, new PrintWriter(err, true), c -> new EngineRunner(c, options,
            EngineMode.LIVE_TRADING, data, null, (event, sequence, endOfBatch) -> {
                if (event.type == EventType.HISTORY_CANDLE && history.incrementAndGet() == 1) {
                    // holds the consumer thread (fused: the candle stage too) after the first history candle, so a
                    // read of the store that does not wait for the stages would see one candle
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }).run());
        assertThat(code).as(err.toString()).isZero();
        assertThat(history.get()).isGreaterThan(100);
        final Path log = logs.resolve("integrated_live_trading.log");
        String text = "";
        for (int i = 0; i < 200 && !text.contains("candles of history"); i++) {
            text = Files.exists(log) ? Files.readString(log) : "";
            LockSupport.parkNanos(50_000_000L);
        }
        assertThat(text).contains("BTC: " + history.get() + " candles of history");
    }
}

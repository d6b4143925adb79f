package io.ringtrader.app;

import io.ringtrader.config.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.event.BrokenInvariantException;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.TradeFlags;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage that throws (or hangs) while the fused topology recovers from the journal: the engine reports it and goes
 * on or stops as the exception policy says, and never hangs. The timeout runs each test on its own thread, so even
 * a busy wait that never ends fails the test instead of blocking the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FusedRecoveryTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private Path config;
    private Path data;
    private Path logs;

    @BeforeEach
    void recordASession() throws IOException {
        config = dir.resolve("engine.yaml");
        Files.writeString(config, "pipeline: {threads: fused, shutdown_timeout_ms: 1000}\n"
            + "portfolio: {status_interval_seconds: 0}\n");
        data = dir.resolve("data");
        logs = dir.resolve("logs");
        final int first = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
            "live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "1", "--symbols",
            "BTC", "--data-dir", data.toString(), "--logs-dir", logs.toString());
        assertThat(first).as(err.toString()).isZero();
    }

    /** Restarts on the recorded data folder (a recovery) with {@code extra} as the stage before session control. */
    private int restartWith(EventHandler<MarketEvent> extra) {
        final CommonOptions options = new CommonOptions();
        options.config = config;
        options.dataDir = data;
        options.logsDir = logs;
        options.feed = "sim";
        options.speed = 0.0;
        options.simHours = 1.0;
        options.symbols = List.of("BTC");
        return Launch.run(options, new PrintWriter(err, true), c -> new EngineRunner(c, options,
            EngineMode.LIVE_TRADING, data, null, extra).run());
    }

    /** Log lines are written by an asynchronous logger: wait (bounded) until {@code text} reaches the file. */
    private String awaitLog(String text) throws IOException {
        final Path file = logs.resolve("integrated_live_trading.log");
        String content = "";
        for (int i = 0; i < 600; i++) { // up to 30 s: a loaded machine delays the async logger
            content = Files.exists(file) ? Files.readString(file) : "";
            if (content.contains(text)) {
                return content;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        return content;
    }

    private static boolean replayed(MarketEvent event) {
        return (event.flags & TradeFlags.REPLAYED) != 0;
    }

    @Test
    void badDataDuringRecoveryIsCountedAndSkippedAndTheSessionGoesOn() throws IOException {
        final AtomicLong thrown = new AtomicLong();
        final AtomicLong live = new AtomicLong();
        final int code = restartWith((event, sequence, endOfBatch) -> {
            if (replayed(event)) {
                thrown.incrementAndGet();
                throw new IllegalArgumentException("bad replayed event " + sequence);
            }
            live.incrementAndGet();
        });
        assertThat(code).as(err.toString()).isZero();
        assertThat(thrown.get()).isPositive();
        assertThat(live.get()).as("the live feed ran after the recovery").isPositive();
        assertThat(awaitLog("Recovery: a stage failed on")).contains("Recovery: a stage failed on " + thrown.get()
            + " of the " + thrown.get() + " journaled events").contains("bad replayed event");
    }

    @Test
    void aBrokenInvariantDuringRecoveryStopsTheEngineWithExitOneBeforeTheFeedStarts() throws IOException {
        final AtomicLong live = new AtomicLong();
        final int code = restartWith((event, sequence, endOfBatch) -> {
            if (replayed(event)) {
                throw new BrokenInvariantException("portfolio broken at " + sequence);
            }
            live.incrementAndGet();
        });
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(live.get()).as("no live event after the broken invariant").isZero();
        assertThat(awaitLog("Not starting the feed")).contains("Broken invariant")
            .contains("Not starting the feed: FAILURE (broken invariant: portfolio broken at");
    }

    /** Hangs on the first replayed event until released (at most a minute), like a stage caught in a deadlock. */
    private static final class StuckStage implements EventHandler<MarketEvent> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch shutDown = new CountDownLatch(1);
        private boolean stuckOnce;

        @Override
        public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) throws InterruptedException {
            if (replayed(event) && !stuckOnce) {
                stuckOnce = true;
                release.await(60, TimeUnit.SECONDS);
            }
        }

        @Override
        public void onShutdown() {
            shutDown.countDown();
        }
    }

    @Test
    void aStuckStageDuringRecoveryEndsTheEngineWithExitOneAndSaysWhatDidNotFinish() throws Exception {
        final StuckStage stuck = new StuckStage();
        final int code;
        try {
            code = restartWith(stuck);
        } finally {
            stuck.release.countDown();
        }
        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("recovery did not finish").contains("a stage is stuck");
        assertThat(awaitLog("The ring did not drain")).contains("The ring did not drain");
        // the released consumer thread runs its stages' shutdown before the temp folder goes
        assertThat(stuck.shutDown.await(30, TimeUnit.SECONDS)).isTrue();
    }
}

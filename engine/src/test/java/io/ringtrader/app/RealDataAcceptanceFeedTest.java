package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.exchange.LeanBarsToTape;
import io.ringtrader.exchange.LeanBarsToTape.TapeTrade;
import io.ringtrader.store.ParquetCandleReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.ZipInputStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractOutputStreamAppender;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of issue 4 on real data: a whole day of Coinbase BTC-USD trades (2016-10-07, rebuilt from
 * QuantConnect Lean's 1-second bars) served by a loopback Advanced Trade server that resets the connection once,
 * repeats trades in the reconnect snapshot and sends garbage, is turned by {@code data-only} into exactly Lean's
 * 1-minute bars in both Parquet files.
 */
@Tag("slow")
class RealDataAcceptanceFeedTest {
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long DAY_NS = 1_440 * MINUTE_NS;

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(RealDataAcceptanceFeedTest.class.getResource("/lean/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lean bars by bar start (epoch ns): {open, high, low, close, volume} in E8. */
    static Map<Long, long[]> leanBars(Path zip, long dayStartNs) throws IOException {
        final Map<Long, long[]> bars = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            in.getNextEntry();
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                final String[] f = line.trim().split(",");
                final long[] bar = new long[5];
                for (int i = 0; i < 5; i++) {
                    bar[i] = FixedPoint.parse(f[i + 1]);
                }
                bars.put(dayStartNs + Long.parseLong(f[0]) * 1_000_000L, bar);
            }
        }
        return bars;
    }

    /** Log lines are written by an asynchronous logger: wait (bounded) until {@code text} reaches the file. */
    static String awaitLog(Path file, String text) throws IOException {
        String content = "";
        for (int i = 0; i < 200; i++) {
            // file appenders buffer (immediateFlush=false); when logging started before the engine configured it
            // (the test's server logs first), nothing flushes them on a batch end
            for (Appender appender : ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppenders()
                .values()) {
                if (appender instanceof AbstractOutputStreamAppender<?> stream) {
                    stream.getManager().flush();
                }
            }
            content = Files.exists(file) ? Files.readString(file) : "";
            if (content.contains(text)) {
                return content;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        return content;
    }

    @Test
    void shouldTurnARealDayWithADropRepeatedTradesAndGarbageIntoLeansMinuteBars() throws Exception {
        final long dayNs = Rfc3339.parse("2016-10-07T00:00:00Z");
        final List<TapeTrade> tape = LeanBarsToTape.convert("BTC-USD", resource("second/btcusd/20161007_trade.zip"),
            1);
        final Map<Long, long[]> lean = leanBars(resource("minute/btcusd/20161007_trade.zip"), dayNs);
        assertThat(lean).hasSize(1_419);

        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\nfeed: {reconnect_initial_ms: 100}\n");
        final Path data = dir.resolve("data");
        final Path logs = dir.resolve("logs");
        final StringWriter err = new StringWriter();
        final long startNs = System.nanoTime();
        final int code;
        // the reset comes about 40% into the day; 30 trades happen while the client is away
        try (TapeAdvancedTradeServer server = new TapeAdvancedTradeServer(tape, 100, tape.size() * 2 / 5 / 25, 30,
            dayNs + DAY_NS + 5_000_000_000L)) {
            code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "data-only",
                "-c", config.toString(), "--feed", "coinbase", "--feed-url", server.url() + "/", "--symbols", "BTC",
                "--speed", "0", "--data-dir", data.toString(), "--logs-dir", logs.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(server.ended()).isCompleted();
            assertThat(server.drops()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.snapshotRepeats()).isEqualTo(TapeAdvancedTradeServer.SNAPSHOT_DEPTH - 30);
            assertThat(server.garbageFrames()).isEqualTo(6); // three on each connection
        }
        System.out.printf("issue 4: %d trades, data-only session %.1f s%n", tape.size(),
            (System.nanoTime() - startNs) / 1e9);

        final List<Candle> archive = ParquetCandleReader.readFile(data.resolve("candles/BTC/2016-10-07.parquet"), 0);
        final List<Candle> rolling = ParquetCandleReader.readFile(data.resolve("BTC_1m_historical.parquet"), 0);
        assertMinuteBars("candles/BTC/2016-10-07.parquet", archive, lean, dayNs);
        assertMinuteBars("BTC_1m_historical.parquet", rolling, lean, dayNs);

        final String main = awaitLog(logs.resolve("integrated_live_trading.log"), "Stopped:");
        assertThat(main).contains("Stopped:");
        final String stopped = main.substring(main.indexOf("Stopped:"));
        assertThat(main).contains("Stopping: END_OF_FEED");
        // the feed's own account of the session: one reconnect, the snapshot repeats dropped, nothing lost
        assertThat(stopped).contains("reconnects=1").contains(" dup=" + (TapeAdvancedTradeServer.SNAPSHOT_DEPTH - 30)
            + " ").contains(" gaps=0/0 ").contains(" drops=0 ").contains(" trades=" + tape.size() + " ")
            .contains("malformed_json=2").contains("bad_price=2").contains("ignored_message=2");
    }

    private static void assertMinuteBars(String file, List<Candle> candles, Map<Long, long[]> lean, long dayNs) {
        assertThat(candles).as(file).hasSize(1_440);
        long previousClose = 0;
        int fillers = 0;
        for (int m = 0; m < 1_440; m++) {
            final Candle c = candles.get(m);
            final long minuteNs = dayNs + m * MINUTE_NS;
            assertThat(c.openTimeNs).as("%s minute %d", file, m).isEqualTo(minuteNs);
            final long[] bar = lean.get(minuteNs);
            final String at = file + " " + Rfc3339.formatMicros(minuteNs);
            if (bar != null) {
                assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8}).as(at + " OHLC")
                    .containsExactly(bar[0], bar[1], bar[2], bar[3]);
                assertThat(Math.abs(c.volumeE8 - bar[4])).as(at + " volume %s vs Lean %s",
                    FixedPoint.format(c.volumeE8), FixedPoint.format(bar[4])).isLessThanOrEqualTo(1L);
                assertThat(c.tradeCount).as(at).isPositive();
            } else {
                fillers++;
                assertThat(c.volumeE8).as(at + " filler volume").isZero();
                assertThat(c.tradeCount).as(at).isZero();
                assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8}).as(at + " filler at previous close")
                    .containsOnly(previousClose);
            }
            previousClose = c.closeE8;
        }
        assertThat(fillers).as(file).isEqualTo(1_440 - lean.size());
    }
}

package io.ringtrader.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.history.RestCandlesServer.Fault;
import io.ringtrader.store.CandleParquetFiles;
import io.ringtrader.store.ParquetCandleReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code download} against a loopback stand-in serving QuantConnect Lean's real Coinbase minute bars of 2018 in the
 * REST shape, with faults: the archive ends up holding exactly those bars (quiet minutes as zero-volume candles at
 * the previous close), an interrupted download resumes without gaps or duplicates, trade-built candles are never
 * replaced and incomplete ones are repaired only with {@code --repair}.
 */
@Timeout(120)
class HistoryDownloaderTest {
    private static final long NOW_NS = 1_767_225_600_000_000_000L; // 2026-01-01: every 2018 minute is closed
    private static final LocalDate D4 = LocalDate.of(2018, 4, 4);
    private static final LocalDate D6 = LocalDate.of(2018, 4, 6);
    private static final String[] DAYS = {"20180404", "20180405", "20180406"};
    private static final long MIN_NS = 60_000_000_000L;

    @TempDir
    Path dataDir;

    private static CandlesClient client(RestCandlesServer server, int attempts) {
        return new CandlesClient(server.url(), new CandlesClient.Settings(1000, attempts, 1, 5,
            Duration.ofSeconds(10)));
    }

    private HistoryDownloader downloader(RestCandlesServer server, int attempts) {
        return new HistoryDownloader(dataDir, client(server, attempts), CompressionCodecName.SNAPPY, NOW_NS);
    }

    /**
     * Time from the second request's arrival to the last one's, in ms (the first carries the connection set-up, so
     * its arrival is later than its start).
     */
    private static double spanAfterFirstMs(RestCandlesServer server) {
        final List<Long> at = server.arrivalsNs();
        return (at.get(at.size() - 1) - at.get(1)) / 1e6;
    }

    @Test
    @Timeout(60)
    void shouldStartRequestsNoCloserThanTheConfiguredRate() throws Exception {
        // a lower bound only: a slow machine spaces requests further apart, never closer
        try (RestCandlesServer server = realServer()) {
            final CandlesClient paced = new CandlesClient(server.url(), new CandlesClient.Settings(10, 2, 1, 5,
                Duration.ofSeconds(10)));
            final long start = 1_522_800_000L; // 2018-04-04T00:00Z
            for (int i = 0; i < 8; i++) {
                paced.fetch("BTC-USD", start + i * 21_000L, start + i * 21_000L + 20_940L);
            }
            assertThat(server.arrivalsNs()).hasSize(8);
            assertThat(spanAfterFirstMs(server)).as("10 requests/s: 6 intervals of at least 100 ms")
                .isGreaterThan(480.0);
        }
        // the check itself fails on an unpaced client (1,000 requests/s against a loopback server)
        try (RestCandlesServer server = realServer()) {
            final CandlesClient fast = client(server, 2);
            final long start = 1_522_800_000L;
            for (int i = 0; i < 8; i++) {
                fast.fetch("BTC-USD", start + i * 21_000L, start + i * 21_000L + 20_940L);
            }
            assertThat(spanAfterFirstMs(server)).isLessThan(480.0);
        }
    }

    private static RestCandlesServer realServer() throws IOException {
        final RestCandlesServer server = new RestCandlesServer();
        for (String day : DAYS) {
            server.serve("BTC-USD", day).serve("LTC-USD", day);
        }
        return server;
    }

    private static HistoryDownloader.Request request(boolean repair) {
        return new HistoryDownloader.Request(List.of("BTC", "LTC"), "USD", D4, D6, repair);
    }

    private DownloadStats download(HistoryDownloader d, boolean repair) throws Exception {
        return d.run(request(repair), d.plan(request(repair)), n -> { });
    }

    @Test
    void shouldWriteLeansRealBarsThroughRateLimitsServerErrorsTruncatedEmptyDuplicatedAndShuffledPages()
        throws Exception {
        try (RestCandlesServer server = realServer()) {
            // requests 1-9 are BTC's 2018-04-04 (Lean's bars end at 16:47: its last two windows are empty pages)
            final Map<Integer, Fault> script = Map.of(10, Fault.RATE_LIMIT, 12, Fault.SERVER_ERROR, 14,
                Fault.TRUNCATED, 16, Fault.EMPTY, 18, Fault.DUPLICATES, 20, Fault.SERVER_ERROR);
            server.faults(n -> script.getOrDefault(n, n % 3 == 0 ? Fault.SHUFFLED : Fault.NONE));
            final HistoryDownloader d = downloader(server, 4);
            final HistoryDownloader.Plan plan = d.plan(request(false));
            assertThat(plan.days()).isEqualTo(6);
            assertThat(plan.windows()).isEqualTo(6 * 5); // 1440 minutes = 4 x 350 + 40
            final DownloadStats stats = d.run(request(false), plan, n -> { });

            assertArchiveEqualsLean("BTC");
            assertArchiveEqualsLean("LTC");
            assertThat(stats.windows()).isEqualTo(30);
            assertThat(stats.emptyWindows()).isEqualTo(4); // BTC's and LTC's evening of 2018-04-04
            assertThat(stats.emptyPages()).isEqualTo(1 + 3 * 4);
            assertThat(stats.duplicates()).isEqualTo(2);
            assertThat(d.client().throttled()).isEqualTo(1);
            assertThat(d.client().serverErrors()).isEqualTo(2);
            assertThat(d.client().malformed()).isEqualTo(1);
            assertThat(d.client().retries()).isEqualTo(4);
            assertThat(server.requests()).isEqualTo((30 - 4) + (1 + 3 * 4) + 4);
            for (String q : server.queries()) { // every request is one window of at most 350 minutes
                final String[] range = q.substring(q.indexOf(' ') + 1).split("\\.\\.");
                assertThat((Long.parseLong(range[1]) - Long.parseLong(range[0])) / 60 + 1).isBetween(1L, 350L);
            }
        }
    }

    @Test
    void shouldResumeAfterTheServerDiedWithoutGapsOrDuplicatesAndThenAskForNothing() throws Exception {
        try (RestCandlesServer dying = realServer()) {
            dying.dieAfter(13);
            final HistoryDownloader first = downloader(dying, 3);
            assertThatThrownBy(() -> download(first, false)).isInstanceOf(IOException.class)
                .hasMessageContaining("gave up after 3 attempts");
            // 2018-04-04: 3 windows and 2 empty ones (3 pages each), then 4 windows of 2018-04-05
            assertThat(first.windowsDone()).isEqualTo(9);
        }
        // what the interrupted run left is readable and holds whole windows only
        final List<Candle> partial = ParquetCandleReader.read(dataDir, "BTC", D4, D6);
        assertThat(partial).hasSize(1050 + 1400);
        try (RestCandlesServer server = realServer()) {
            final HistoryDownloader second = downloader(server, 3);
            assertThat(second.plan(request(false)).windows()).isEqualTo(2 + 1 + 5 + 5 + 5 + 5);
            final DownloadStats stats = download(second, false);
            assertThat(stats.emptyWindows()).isEqualTo(4);
            assertThat(server.requests()).isEqualTo(23 - 4 + 3 * 4);
            assertArchiveEqualsLean("BTC");
            assertArchiveEqualsLean("LTC");

            final Map<Path, byte[]> before = files();
            final HistoryDownloader third = downloader(server, 3);
            // nothing asked again but the windows REST had no candle for
            assertThat(third.plan(request(true)).windows()).isEqualTo(4);
            download(third, true);
            assertThat(server.requests()).isEqualTo(31 + 3 * 4);
            assertThat(files()).containsOnlyKeys(before.keySet());
            final Map<Path, byte[]> after = files();
            before.forEach((file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
        }
    }

    @Test
    void shouldNeverReplaceTradeBuiltCandlesAndRepairIncompleteOnesOnlyWhenAsked() throws Exception {
        final TreeMap<Long, long[]> lean = RestCandlesServer.lean("BTC-USD", "20180404");
        final long day = CandleParquetFiles.startNs(D4);
        final List<Candle> ours = new ArrayList<>();
        for (int m = 0; m < 600; m++) { // the live engine ran from 00:00 to 10:00; minute 100 saw a gap
            final Candle c = new Candle();
            c.openTimeNs = day + m * MIN_NS;
            c.openE8 = c.highE8 = c.lowE8 = c.closeE8 = 700_000_000_000L + m;
            c.volumeE8 = 100_000_000L;
            c.notionalE8 = c.closeE8;
            c.tradeCount = 3;
            c.complete = m != 100;
            ours.add(c);
        }
        final Path file = CandleParquetFiles.archiveFile(dataDir, "BTC", D4);
        CandleParquetFiles.writeAtomically(file, "BTC", ours, CompressionCodecName.SNAPPY);
        try (RestCandlesServer server = new RestCandlesServer().serve("BTC-USD", "20180404")) {
            final HistoryDownloader.Request oneDay = new HistoryDownloader.Request(List.of("BTC"), "USD", D4, D4,
                false);
            final HistoryDownloader plain = downloader(server, 3);
            plain.run(oneDay, plain.plan(oneDay), n -> { });
            List<Candle> after = ParquetCandleReader.readFile(file, 0);
            assertThat(after).hasSize(1300); // the window from 21:40 is empty (Lean's bars end at 16:47)
            for (int m = 0; m < 600; m++) {
                assertThat(after.get(m).closeE8).as("minute %d", m).isEqualTo(700_000_000_000L + m);
                assertThat(after.get(m).source).isEqualTo(CandleSource.TRADES);
            }
            assertThat(after.get(100).complete).isFalse();
            assertThat(after.subList(600, 1300)).allSatisfy(c -> assertThat(c.source).isEqualTo(CandleSource.REST));

            final HistoryDownloader.Request repair = new HistoryDownloader.Request(List.of("BTC"), "USD", D4, D4,
                true);
            final HistoryDownloader fixer = downloader(server, 3);
            assertThat(fixer.plan(repair).windows()).isEqualTo(2); // minute 100, and the empty window again
            final DownloadStats stats = fixer.run(repair, fixer.plan(repair), n -> { });
            after = ParquetCandleReader.readFile(file, 0);
            final Candle repaired = after.get(100);
            final long[] bar = lean.get((day + 100 * MIN_NS) / 1_000_000_000L);
            assertThat(bar).as("Lean has minute 100").isNotNull();
            assertThat(new long[] {repaired.openE8, repaired.highE8, repaired.lowE8, repaired.closeE8})
                .containsExactly(bar[0], bar[1], bar[2], bar[3]);
            assertThat(repaired.source).isEqualTo(CandleSource.REST_REPAIR);
            assertThat(repaired.complete).isTrue();
            assertThat(stats.repaired()).isEqualTo(1);
            for (int m = 0; m < 600; m++) {
                if (m != 100) {
                    assertThat(after.get(m).closeE8).as("minute %d", m).isEqualTo(700_000_000_000L + m);
                    assertThat(after.get(m).source).isEqualTo(CandleSource.TRADES);
                }
            }
            assertThat(fixer.plan(repair).windows()).isEqualTo(1);
        }
    }

    @Test
    void shouldStopAtOnceOnAnUnknownProduct() throws Exception {
        try (RestCandlesServer server = new RestCandlesServer().serve("BTC-USD", "20180404")) {
            final HistoryDownloader.Request doge = new HistoryDownloader.Request(List.of("DOGE"), "USD", D4, D4,
                false);
            final HistoryDownloader d = downloader(server, 5);
            assertThatThrownBy(() -> d.run(doge, d.plan(doge), n -> { })).isInstanceOf(RestRefusedException.class)
                .hasMessageContaining("DOGE-USD").hasMessageContaining("HTTP 400");
            assertThat(server.requests()).isEqualTo(1);
            assertThat(Files.exists(CandleParquetFiles.archiveFile(dataDir, "DOGE", D4))).isFalse();
        }
    }

    private Map<Path, byte[]> files() throws IOException {
        final Map<Path, byte[]> out = new HashMap<>();
        try (var walk = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(p, Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** Every minute of the three days: Lean's bar where it has one, else a zero-volume candle at the close. */
    private void assertArchiveEqualsLean(String symbol) throws IOException {
        long previousClose = 0;
        int bars = 0;
        for (int d = 0; d < DAYS.length; d++) {
            final LocalDate day = D4.plusDays(d);
            final TreeMap<Long, long[]> lean = RestCandlesServer.lean(symbol + "-USD", DAYS[d]);
            final List<Candle> candles = ParquetCandleReader.readFile(
                CandleParquetFiles.archiveFile(dataDir, symbol, day), 0);
            final long dayS = CandleParquetFiles.startNs(day) / 1_000_000_000L;
            // a window (350 minutes from 00:00) whose page holds no candle stays missing: the rest is whole
            int expected = 0;
            for (int w = 0; w < 1440; w += 350) {
                if (!lean.subMap(dayS + w * 60L, dayS + Math.min(1440, w + 350) * 60L).isEmpty()) {
                    expected = Math.min(1440, w + 350);
                }
            }
            assertThat(candles).as(symbol + " " + day).hasSize(expected);
            for (int m = 0; m < expected; m++) {
                final Candle c = candles.get(m);
                final String at = symbol + " " + day + " minute " + m;
                assertThat(c.openTimeNs).as(at).isEqualTo((dayS + m * 60L) * 1_000_000_000L);
                assertThat(c.source).as(at).isEqualTo(CandleSource.REST);
                assertThat(c.complete).as(at).isTrue();
                final long[] bar = lean.get(dayS + m * 60L);
                if (bar != null) {
                    bars++;
                    assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8}).as(at)
                        .containsExactly(bar[0], bar[1], bar[2], bar[3]);
                    assertThat(Math.abs(c.volumeE8 - bar[4])).as(at + " volume").isLessThanOrEqualTo(1L);
                } else {
                    final long price = previousClose != 0 ? previousClose
                        : lean.ceilingEntry(dayS + m * 60L).getValue()[0];
                    assertThat(c.volumeE8).as(at).isZero();
                    assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8}).as(at + " at previous close")
                        .containsOnly(price);
                }
                previousClose = c.closeE8;
            }
        }
        assertThat(bars).as(symbol + " Lean bars").isGreaterThan(2_000);
    }
}

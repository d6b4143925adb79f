package io.ringtrader.store;

import static io.ringtrader.store.StoreTestData.MIN;
import static io.ringtrader.store.StoreTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.ringtrader.candle.CandleHandler;
import io.ringtrader.candle.CandleStore;
import io.ringtrader.candle.ClosedCandleSink;
import io.ringtrader.config.BackgroundIdle;
import io.ringtrader.config.CandleConfig;
import io.ringtrader.config.PersistenceConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetCandleWriterTest {
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dataDir;

    private ParquetCandleWriter writer(int queueCapacity) {
        return new ParquetCandleWriter(dataDir, List.of("BTC", "ETH"),
            new PersistenceConfig(3_600, "snappy", false), 7, queueCapacity);
    }

    private static void offerAll(ParquetCandleWriter w, List<Candle> candles) {
        for (Candle c : candles) {
            assertThat(w.offer(c)).isTrue();
        }
    }

    @Test
    void shouldWriteRollingSevenDaysAndOneArchiveFilePerUtcDayOnClose() throws Exception {
        final ParquetCandleWriter w = writer(1 << 15);
        w.start();
        final int minutes = 9 * 1440 + 30; // nine days and a half hour of event time
        for (long m = 0; m < minutes; m++) {
            while (!w.offer(StoreTestData.candle(0, m))) {
                Thread.onSpinWait(); // test producer only: the queue is smaller than the series
            }
        }
        w.offer(StoreTestData.candle(1, 5));
        w.close();

        assertThat(w.flushFailures()).isZero();
        assertThat(w.healthy()).isTrue();
        final List<Candle> historical = ParquetCandleReader.readFile(CandleParquetFiles.historicalFile(dataDir, "BTC"),
            0);
        assertThat(historical).hasSize(7 * 1440);
        assertThat(historical.get(0).openTimeNs).isEqualTo(T0 + (minutes - 7 * 1440) * MIN);
        assertThat(historical.get(historical.size() - 1)).usingRecursiveComparison()
            .isEqualTo(StoreTestData.candle(0, minutes - 1));
        for (int d = 0; d < 9; d++) {
            final Path day = CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0.plusDays(d));
            assertThat(ParquetCandleReader.readFile(day, 0)).as("day %d", d).hasSize(1440);
        }
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0.plusDays(9)), 0))
            .hasSize(30);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.historicalFile(dataDir, "ETH"), 1)).hasSize(1);
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void shouldPutRestCandlesInPlaceOfIncompleteOnesOnlyNeverOfACompleteTradeBuiltOne() throws Exception {
        final ParquetCandleWriter w = writer(1024);
        w.start();
        final Candle incomplete = StoreTestData.candle(0, 5);  // m % 5 == 0: incomplete
        final Candle complete = StoreTestData.candle(0, 6);
        assertThat(incomplete.complete).isFalse();
        assertThat(complete.complete).isTrue();
        offerAll(w, List.of(incomplete, complete));
        for (int i = 0; i < 500 && w.candlesWritten() < 2; i++) {
            Thread.sleep(10); // repairs are for minutes the writer already holds
        }
        w.repair(0, rest(5, 1));
        w.repair(0, rest(6, 2));
        w.repair(0, rest(7, 3));  // a minute the writer never had
        w.close();

        assertThat(w.repaired()).isEqualTo(2);
        assertThat(w.repairsRefused()).isEqualTo(1);
        final List<Candle> day = ParquetCandleReader.readFile(CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0), 0);
        assertThat(day).hasSize(3);
        assertThat(day.get(0).source).isEqualTo(CandleSource.REST_REPAIR);
        assertThat(day.get(0).complete).isTrue();
        assertThat(day.get(0).closeE8).isEqualTo(1);
        assertThat(day.get(1)).as("the complete trade-built candle is kept").usingRecursiveComparison()
            .isEqualTo(complete);
        assertThat(day.get(2).source).isEqualTo(CandleSource.REST);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.historicalFile(dataDir, "BTC"), 0).get(0).source)
            .as("the rolling file too").isEqualTo(CandleSource.REST_REPAIR);
    }

    private static Candle rest(long m, long closeE8) {
        final Candle c = StoreTestData.candle(-1, m);
        c.closeE8 = closeE8;
        c.complete = true;
        c.source = CandleSource.REST;
        return c;
    }

    @Test
    void shouldFlushOnRequestWhileRunning() throws Exception {
        final ParquetCandleWriter w = writer(1024);
        w.start();
        try {
            offerAll(w, StoreTestData.series(0, 0, 3));
            final Path file = CandleParquetFiles.historicalFile(dataDir, "BTC");
            for (int i = 0; i < 500 && w.filesWritten() < 2; i++) {
                w.requestFlush();
                Thread.sleep(10);
            }
            assertThat(ParquetCandleReader.readFile(file, 0)).hasSize(3);
        } finally {
            w.close();
        }
    }

    @Test
    void shouldKeepEarlierRunsRowsAndCleanTempFilesOnRestart() throws Exception {
        final ParquetCandleWriter first = writer(4096);
        first.start();
        offerAll(first, StoreTestData.series(0, 0, 100));
        first.close();

        final Path archive = CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0);
        final Path torn = archive.resolveSibling(archive.getFileName() + CandleParquetFiles.TEMP_SUFFIX);
        Files.write(torn, new byte[] {'P', 'A', 'R', '1', 0, 0});

        final ParquetCandleWriter second = writer(4096);
        second.start();
        offerAll(second, StoreTestData.series(0, 100, 150));
        second.close();

        assertThat(torn).doesNotExist();
        assertThat(second.tempFilesRemoved()).isEqualTo(1);
        assertThat(ParquetCandleReader.readFile(archive, 0)).hasSize(150);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.historicalFile(dataDir, "BTC"), 0)).hasSize(150);
    }

    @Test
    void shouldPersistHandlerCandlesSoAFreshHandlerWarmsUpToTheSameStore() {
        final CandleStore liveStore = new CandleStore(2, 7);
        final ParquetCandleWriter w = writer(1 << 16);
        w.start();
        final CandleHandler live = new CandleHandler(new CandleConfig(2_000, 7), 2, liveStore, w);
        final MarketEvent e = new MarketEvent(64);
        final long tradeStepNs = 7_000_000_000L;
        final int trades = (int) (3 * 1440 * MIN / tradeStepNs); // three days of event time
        for (int i = 0; i < trades; i++) {
            e.clear();
            e.type = EventType.TRADE;
            e.instrumentId = i % 2;
            e.timestampNs = T0 + i * tradeStepNs;
            e.priceE8 = 6_500_000_000_000L + (i % 1_000) * 1_000_000L;
            e.sizeE8 = 1_000 + i % 77;
            live.onEvent(e, i, true);
        }
        w.close();
        assertThat(w.candlesWritten()).isEqualTo(live.candlesClosed());
        assertThat(live.sinkOverflows()).isZero();

        final CandleStore warmStore = new CandleStore(2, 7);
        final CandleHandler restarted = new CandleHandler(new CandleConfig(2_000, 7), 2, warmStore,
            ClosedCandleSink.NONE);
        for (int id = 0; id < 2; id++) {
            final List<Candle> persisted = ParquetCandleReader.readLatest(dataDir, List.of("BTC", "ETH").get(id), id,
                7);
            assertThat(restarted.warmUp(persisted)).isEqualTo(liveStore.size(id));
            final Candle a = new Candle();
            final Candle b = new Candle();
            for (int i = 0; i < liveStore.size(id); i++) {
                liveStore.get(id, i, a);
                warmStore.get(id, i, b);
                assertThat(new long[] {b.openTimeNs, b.openE8, b.highE8, b.lowE8, b.closeE8, b.volumeE8, b.tradeCount})
                    .containsExactly(a.openTimeNs, a.openE8, a.highE8, a.lowE8, a.closeE8, a.volumeE8, a.tradeCount);
                assertThat(b.complete).isEqualTo(a.complete);
                assertThat(Math.abs(b.notionalE8 - a.notionalE8)).isLessThanOrEqualTo(a.volumeE8 / FixedPoint.ONE + 2);
            }
        }
    }

    @Test
    void shouldRunAsTheParquetWriterAgentAndWriteCandlesOfferedJustBeforeCloseInTheFinalFlush() throws Exception {
        final ParquetCandleWriter w = writer(1024); // flush every hour: only close writes the files
        assertThat(w.roleName()).isEqualTo("parquet-writer");
        assertThat(w.stopped()).isTrue();
        w.start(BackgroundIdle.SLEEPING);
        assertThat(w.stopped()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("parquet-writer"))
            .isNotEmpty().allMatch(Thread::isDaemon);
        offerAll(w, StoreTestData.series(0, 0, 5));
        offerAll(w, StoreTestData.series(1, 0, 2));
        w.close();
        assertThat(w.stopped()).isTrue();
        assertThat(w.flushes()).isEqualTo(1);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.historicalFile(dataDir, "BTC"), 0)).hasSize(5);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.archiveFile(dataDir, "ETH", DAY0), 1)).hasSize(2);
        w.close(); // a second close is harmless
    }

    @Test
    void shouldCountOverflowAndUnknownInstrumentWithoutBlocking() {
        final ParquetCandleWriter w = writer(4); // not started: nothing drains
        for (long m = 0; m < 10; m++) {
            w.offer(StoreTestData.candle(0, m));
        }
        assertThat(w.offer(StoreTestData.candle(7, 0))).isFalse();
        assertThat(w.offered()).isEqualTo(4);
        assertThat(w.overflows()).isEqualTo(6);
        assertThat(w.unknownInstruments()).isEqualTo(1);
    }

    @Test
    void shouldNotAllocateWhenOffering() {
        final ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        final ParquetCandleWriter w = writer(1 << 17);
        final Candle c = StoreTestData.candle(0, 0);
        for (int i = 0; i < 20_000; i++) {
            c.openTimeNs = T0 + i * MIN;
            w.offer(c);
        }
        final long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 20_000; i < 120_000; i++) {
            c.openTimeNs = T0 + i * MIN;
            w.offer(c);
        }
        final long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(w.offered()).isEqualTo(120_000);
        assertThat(allocated).isLessThan(4 * 1024);
    }
}

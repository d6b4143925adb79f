package io.ringtrader.store;

import static io.ringtrader.store.StoreTestData.MIN;
import static io.ringtrader.store.StoreTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetCandleReaderTest {
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);
    private static final CompressionCodecName SNAPPY = CompressionCodecName.SNAPPY;

    @TempDir
    Path dataDir;

    private void archive(int day, long fromMinute, long toMinute) throws Exception {
        CandleParquetFiles.writeAtomically(CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0.plusDays(day)), "BTC",
            StoreTestData.series(0, fromMinute, toMinute), SNAPPY);
    }

    @Test
    void shouldReadDateRangeFromArchiveAndRollingFilesWithoutDuplicates() throws Exception {
        archive(0, 0, 1440);
        archive(1, 1440, 2880);
        archive(2, 2880, 3000);
        CandleParquetFiles.writeAtomically(CandleParquetFiles.historicalFile(dataDir, "BTC"), "BTC",
            StoreTestData.series(0, 1000, 3000), SNAPPY);

        final List<Candle> days12 = ParquetCandleReader.read(dataDir, "BTC", DAY0.plusDays(1), DAY0.plusDays(2));
        assertThat(days12).hasSize(1440 + 120);
        assertThat(days12.get(0).openTimeNs).isEqualTo(T0 + 1440 * MIN);
        assertThat(days12.get(0).instrumentId).isEqualTo(-1);
        for (int i = 1; i < days12.size(); i++) {
            assertThat(days12.get(i).openTimeNs - days12.get(i - 1).openTimeNs).isEqualTo(MIN);
        }
        final Candle expected = StoreTestData.candle(0, 2000);
        final Candle actual = days12.get(2000 - 1440);
        assertThat(new long[] {actual.openE8, actual.highE8, actual.lowE8, actual.closeE8, actual.volumeE8,
            actual.tradeCount}).containsExactly(expected.openE8, expected.highE8, expected.lowE8, expected.closeE8,
            expected.volumeE8, expected.tradeCount);
        assertThat(actual.complete).isEqualTo(expected.complete);
        assertThat((double) actual.notionalE8).isCloseTo(expected.notionalE8, Offset.offset(2.0));
    }

    @Test
    void shouldReadLatestRetentionWindowForWarmUpAndSkipUnreadableFiles() throws Exception {
        for (int d = 0; d < 10; d++) {
            archive(d, d * 1440L, (d + 1) * 1440L);
        }
        Files.write(CandleParquetFiles.historicalFile(dataDir, "BTC"), new byte[] {1, 2, 3}); // torn by a tool
        final List<Candle> latest = ParquetCandleReader.readLatest(dataDir, "BTC", 3, 7);
        assertThat(latest).hasSize(7 * 1440);
        assertThat(latest.get(0).openTimeNs).isEqualTo(T0 + 3 * 1440 * MIN);
        assertThat(latest.get(latest.size() - 1).openTimeNs).isEqualTo(T0 + (10 * 1440 - 1) * MIN);
        assertThat(latest).allMatch(c -> c.instrumentId == 3);
        assertThat(ParquetCandleReader.readLatest(dataDir, "ETH", 1, 7)).isEmpty();
    }

    @Test
    void shouldReadFilesWrittenBeforeTheSourceColumnAsTradeBuiltAndKeepTheSourceOfNewOnes() throws Exception {
        final org.apache.parquet.schema.MessageType before = new org.apache.parquet.schema.MessageType("candle",
            CandleParquetFiles.SCHEMA.getFields().subList(0,
                CandleParquetFiles.SCHEMA.getFieldIndex(CandleParquetFiles.SOURCE_COLUMN)));
        assertThat(before.containsField(CandleParquetFiles.SOURCE_COLUMN)).isFalse();
        final Path old = dataDir.resolve("old.parquet");
        final List<Candle> series = StoreTestData.series(0, 0, 10);
        CandleParquetFiles.write(old, "BTC", series, SNAPPY, before);
        final List<Candle> read = ParquetCandleReader.readFile(old, 0);
        assertThat(read).hasSize(10).allSatisfy(c -> assertThat(c.source).isEqualTo(CandleSource.TRADES));
        assertThat(read.get(3).closeE8).isEqualTo(series.get(3).closeE8);

        series.get(1).source = CandleSource.REST;
        series.get(2).source = CandleSource.REST_REPAIR;
        final Path now = dataDir.resolve("new.parquet");
        CandleParquetFiles.writeAtomically(now, "BTC", series, SNAPPY);
        assertThat(ParquetCandleReader.readFile(now, 0)).extracting(c -> c.source).containsExactly(
            CandleSource.TRADES, CandleSource.REST, CandleSource.REST_REPAIR, CandleSource.TRADES,
            CandleSource.TRADES, CandleSource.TRADES, CandleSource.TRADES, CandleSource.TRADES, CandleSource.TRADES,
            CandleSource.TRADES);
    }
}

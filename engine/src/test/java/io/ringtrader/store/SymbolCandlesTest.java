package io.ringtrader.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolCandlesTest {
    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dataDir;

    private SymbolCandles symbol() {
        return new SymbolCandles("BTC", dataDir, 7, CompressionCodecName.SNAPPY);
    }

    @Test
    void shouldSealPastDayOnceFlushedAfterItEnded() throws Exception {
        final SymbolCandles s = symbol();
        StoreTestData.series(0, 1000, 1440).forEach(s::add);
        s.add(StoreTestData.candle(0, 1440)); // day 1 has begun
        assertThat(s.flush()).isEqualTo(3);
        final Path day0 = CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0);
        final byte[] sealed = Files.readAllBytes(day0);

        s.add(StoreTestData.candle(0, 10)); // a straggler for the sealed day
        s.flush();
        assertThat(Files.readAllBytes(day0)).isEqualTo(sealed);
        assertThat(s.candlesForSealedDays()).isEqualTo(1);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.historicalFile(dataDir, "BTC"), 0)).hasSize(442);
    }

    @Test
    void shouldKeepCandlesDirtyAfterIoErrorAndWriteThemOnNextFlush() throws Exception {
        final SymbolCandles s = symbol();
        StoreTestData.series(0, 0, 30).forEach(s::add);
        final Path historical = CandleParquetFiles.historicalFile(dataDir, "BTC");
        Files.createDirectories(historical.resolve("blocker")); // a non-empty directory where the file must go
        assertThatThrownBy(s::flush).isInstanceOf(IOException.class);
        Files.delete(historical.resolve("blocker"));
        Files.delete(historical);
        assertThat(s.flush()).isEqualTo(1);
        assertThat(ParquetCandleReader.readFile(historical, 0)).hasSize(30);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0), 0)).hasSize(30);
    }

    @Test
    void shouldLoadEarlierRollingFileAndMergeEarlierArchiveDay() throws Exception {
        CandleParquetFiles.writeAtomically(CandleParquetFiles.historicalFile(dataDir, "BTC"), "BTC",
            StoreTestData.series(0, 0, 20), CompressionCodecName.SNAPPY);
        CandleParquetFiles.writeAtomically(CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0), "BTC",
            StoreTestData.series(0, 0, 25), CompressionCodecName.SNAPPY);
        final SymbolCandles s = symbol();
        s.load();
        assertThat(s.size()).isEqualTo(20);
        s.add(StoreTestData.candle(0, 30));
        s.flush();
        assertThat(s.size()).isEqualTo(26);
        assertThat(ParquetCandleReader.readFile(CandleParquetFiles.archiveFile(dataDir, "BTC", DAY0), 0)).hasSize(26);
    }
}

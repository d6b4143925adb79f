package io.ringtrader.store;

import static io.ringtrader.store.StoreTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleParquetFilesTest {
    @TempDir
    Path dir;

    /** Reads a file with parquet-java's generic record API only (not {@link ParquetCandleReader}). */
    private static List<Group> readRaw(Path file, MessageType[] schemaOut, CompressionCodecName[] codecOut)
        throws Exception {
        final List<Group> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), PlainReadOptions.create())) {
            final ParquetMetadata footer = reader.getFooter();
            schemaOut[0] = footer.getFileMetaData().getSchema();
            for (ColumnChunkMetaData column : footer.getBlocks().get(0).getColumns()) {
                codecOut[0] = column.getCodec();
            }
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                final RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schemaOut[0])
                    .getRecordReader(pages, new GroupRecordConverter(schemaOut[0]));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(records.read());
                }
            }
        }
        return rows;
    }

    @Test
    void shouldWriteExactSchemaAndValuesReadableByParquetJava() throws Exception {
        for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD)) {
            final Path file = dir.resolve(codec + ".parquet");
            final List<Candle> candles = StoreTestData.series(0, 0, 500);
            CandleParquetFiles.writeAtomically(file, "BTC", candles, codec);

            final MessageType[] schema = new MessageType[1];
            final CompressionCodecName[] used = new CompressionCodecName[1];
            final List<Group> rows = readRaw(file, schema, used);
            assertThat(used[0]).isEqualTo(codec);
            assertThat(schema[0].toString()).isEqualToIgnoringWhitespace("message candle {"
                + " required binary symbol (STRING);"
                + " required int64 open_time (TIMESTAMP(MILLIS,true));"
                + " required double open; required double high; required double low; required double close;"
                + " required double volume; required double vwap;"
                + " required int64 trade_count; required boolean complete;"
                + " required binary source (STRING);"

                + " optional double best_bid; optional double best_ask; optional double mean_spread;"
                + " optional double mean_top_depth; optional double book_seconds; }");
            assertThat(rows).hasSize(500);
            for (int i = 0; i < rows.size(); i++) {
                final Group g = rows.get(i);
                final Candle c = candles.get(i);
                assertThat(g.getString("symbol", 0)).isEqualTo("BTC");
                assertThat(g.getLong("open_time", 0)).isEqualTo(c.openTimeNs / 1_000_000L);
                assertThat(g.getDouble("open", 0)).isEqualTo(FixedPoint.toDouble(c.openE8));
                assertThat(g.getDouble("high", 0)).isEqualTo(FixedPoint.toDouble(c.highE8));
                assertThat(g.getDouble("low", 0)).isEqualTo(FixedPoint.toDouble(c.lowE8));
                assertThat(g.getDouble("close", 0)).isEqualTo(FixedPoint.toDouble(c.closeE8));
                assertThat(g.getDouble("volume", 0)).isEqualTo(FixedPoint.toDouble(c.volumeE8));
                assertThat(g.getDouble("vwap", 0)).isEqualTo(c.vwap());
                assertThat(g.getLong("trade_count", 0)).isEqualTo(c.tradeCount);
                assertThat(g.getBoolean("complete", 0)).isEqualTo(c.complete);
                assertThat(g.getString("source", 0)).isEqualTo("trades");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("SNAPPY.parquet", "ZSTD.parquet");
        }
    }

    @Test
    void shouldKeepPreviousFileIntactWhenWriteFailsMidway() throws Exception {
        final Path file = dir.resolve("BTC_1m_historical.parquet");
        CandleParquetFiles.writeAtomically(file, "BTC", StoreTestData.series(0, 0, 10), CompressionCodecName.SNAPPY);
        final byte[] before = Files.readAllBytes(file);
        final List<Candle> failing = new AbstractList<>() {
            @Override
            public Candle get(int index) {
                if (index == 3_000) {
                    throw new IllegalStateException("disk on fire");
                }
                return StoreTestData.candle(0, index);
            }

            @Override
            public int size() {
                return 5_000;
            }
        };
        assertThatThrownBy(() -> CandleParquetFiles.writeAtomically(file, "BTC", failing,
            CompressionCodecName.SNAPPY)).hasMessageContaining("disk on fire");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(ParquetCandleReader.readFile(file, 0)).hasSize(10);
    }

    @Test
    void shouldRemoveTempFilesLeftByKilledWriterAndLeaveTargetsAlone() throws Exception {
        final Path file = CandleParquetFiles.archiveFile(dir, "ETH", LocalDate.of(2026, 1, 1));
        CandleParquetFiles.writeAtomically(file, "ETH", StoreTestData.series(1, 0, 20), CompressionCodecName.ZSTD);
        final byte[] full = Files.readAllBytes(file);
        // A writer killed mid-write leaves a torn temp file (no footer) next to the previous good file.
        final Path torn = file.resolveSibling(file.getFileName() + CandleParquetFiles.TEMP_SUFFIX);
        Files.write(torn, Arrays.copyOf(full, full.length / 2));
        final Path tornHistorical = dir.resolve("ETH_1m_historical.parquet" + CandleParquetFiles.TEMP_SUFFIX);
        Files.write(tornHistorical, new byte[] {'P', 'A', 'R', '1'});
        final Path unrelated = dir.resolve("notes.tmp");
        Files.write(unrelated, new byte[1]);
        assertThatThrownBy(() -> ParquetCandleReader.readFile(torn, 1)).isInstanceOf(IOException.class);

        assertThat(CandleParquetFiles.cleanTempFiles(dir)).isEqualTo(2);
        assertThat(torn).doesNotExist();
        assertThat(tornHistorical).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(Files.readAllBytes(file)).isEqualTo(full);
    }

    @Test
    void shouldNameFilesBySymbolAndUtcDay() {
        assertThat(CandleParquetFiles.historicalFile(dir, "BTC")).isEqualTo(dir.resolve("BTC_1m_historical.parquet"));
        assertThat(CandleParquetFiles.archiveFile(dir, "BTC", CandleParquetFiles.dayOf(T0 - 1)))
            .isEqualTo(dir.resolve("candles/BTC/2025-12-31.parquet"));
        assertThat(CandleParquetFiles.dayOf(T0)).hasToString("2026-01-01");
        assertThat(CandleParquetFiles.codec("zstd")).isEqualTo(CompressionCodecName.ZSTD);
    }
}

package io.ringtrader.store;

import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.event.FixedPoint;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads candles back from the Parquet files {@link ParquetCandleWriter} writes: for warm-up at start-up and for the
 * backtest. Values come back as E8 (prices and volumes rounded to 8 decimals, notional = VWAP x volume). Unreadable
 * files (e.g. a torn file from another tool) are logged and skipped. Stateless; call from any thread, off the ring.
 */
public final class ParquetCandleReader {
    private static final Logger LOG = LogManager.getLogger(ParquetCandleReader.class);
    private static final long NS_PER_MS = 1_000_000L;
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final ParquetReadOptions READ_OPTIONS = PlainReadOptions.create();

    private ParquetCandleReader() {
    }

    /** Candles of {@code symbol} whose UTC day is in [fromDate, toDate], oldest first, instrument id -1. */
    public static List<Candle> read(Path dataDir, String symbol, LocalDate fromDate, LocalDate toDate) {
        return read(dataDir, symbol, -1, fromDate, toDate);
    }

    /** Same as {@link #read(Path, String, LocalDate, LocalDate)}, stamping {@code instrumentId} on each candle. */
    public static List<Candle> read(Path dataDir, String symbol, int instrumentId, LocalDate fromDate,
                                    LocalDate toDate) {
        final long fromNs = CandleParquetFiles.startNs(fromDate);
        final long toNs = CandleParquetFiles.startNs(toDate.plusDays(1));
        final TreeMap<Long, Candle> byTime = new TreeMap<>();
        // The rolling file first, then each day's archive file, which wins where both hold a minute.
        for (Candle c : readFileQuietly(CandleParquetFiles.historicalFile(dataDir, symbol), instrumentId)) {
            if (c.openTimeNs >= fromNs && c.openTimeNs < toNs) {
                byTime.put(c.openTimeNs, c);
            }
        }
        for (LocalDate day = fromDate; !day.isAfter(toDate); day = day.plusDays(1)) {
            for (Candle c : readFileQuietly(CandleParquetFiles.archiveFile(dataDir, symbol, day), instrumentId)) {
                byTime.put(c.openTimeNs, c);
            }
        }
        return new ArrayList<>(byTime.values());
    }

    /**
     * The newest {@code days} x 1440 minutes of candles of {@code symbol} on disk (event time, relative to the
     * newest candle found), oldest first: what {@code CandleHandler.warmUp} loads at start-up.
     */
    public static List<Candle> readLatest(Path dataDir, String symbol, int instrumentId, int days) {
        LocalDate latest = null;
        final List<Candle> historical = readFileQuietly(CandleParquetFiles.historicalFile(dataDir, symbol), -1);
        if (!historical.isEmpty()) {
            latest = CandleParquetFiles.dayOf(historical.get(historical.size() - 1).openTimeNs);
        }
        final LocalDate archived = latestArchiveDay(dataDir.resolve("candles").resolve(symbol));
        if (archived != null && (latest == null || archived.isAfter(latest))) {
            latest = archived;
        }
        if (latest == null) {
            return new ArrayList<>();
        }
        final List<Candle> all = read(dataDir, symbol, instrumentId, latest.minusDays(days), latest);
        if (all.isEmpty()) {
            return all;
        }
        final long oldestKeptNs = all.get(all.size() - 1).openTimeNs - (long) days * 1440 * MINUTE_NS;
        all.removeIf(c -> c.openTimeNs <= oldestKeptNs);
        return all;
    }

    /** Every candle in one file, in file order; throws when the file is missing or not valid Parquet. */
    public static List<Candle> readFile(Path file, int instrumentId) throws IOException {
        final List<Candle> out = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
            READ_OPTIONS)) {
            final MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            final MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
            final boolean hasSource = schema.containsField(CandleParquetFiles.SOURCE_COLUMN);
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                final RecordReader<Group> records = columns.getRecordReader(rowGroup,
                    new GroupRecordConverter(schema));
                for (long i = 0; i < rowGroup.getRowCount(); i++) {
                    out.add(toCandle(records.read(), instrumentId, hasSource));
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("not a readable candle file: " + file + ": " + e, e);
        }
        return out;
    }

    private static List<Candle> readFileQuietly(Path file, int instrumentId) {
        if (!Files.isRegularFile(file)) {
            return new ArrayList<>();
        }
        try {
            return readFile(file, instrumentId);
        } catch (IOException e) {
            LOG.warn("Skipping unreadable candle file {}: {}", file, e.getMessage());
            return new ArrayList<>();
        }
    }

    private static Candle toCandle(Group g, int instrumentId, boolean hasSource) {
        final Candle c = new Candle();
        c.instrumentId = instrumentId;
        c.openTimeNs = g.getLong("open_time", 0) * NS_PER_MS;
        c.openE8 = FixedPoint.fromDouble(g.getDouble("open", 0));
        c.highE8 = FixedPoint.fromDouble(g.getDouble("high", 0));
        c.lowE8 = FixedPoint.fromDouble(g.getDouble("low", 0));
        c.closeE8 = FixedPoint.fromDouble(g.getDouble("close", 0));
        c.volumeE8 = FixedPoint.fromDouble(g.getDouble("volume", 0));
        c.notionalE8 = Math.round(g.getDouble("vwap", 0) * c.volumeE8);
        c.tradeCount = g.getLong("trade_count", 0);
        c.complete = g.getBoolean("complete", 0);
        // files written before the source column hold only trade-built candles
        c.source = hasSource && g.getFieldRepetitionCount(CandleParquetFiles.SOURCE_COLUMN) > 0
            ? CandleSource.parse(g.getString(CandleParquetFiles.SOURCE_COLUMN, 0)) : CandleSource.TRADES;
        // files written before the book columns existed have none of them: the book fields stay 0
        c.bestBidE8 = optional(g, CandleParquetFiles.BEST_BID);
        c.bestAskE8 = optional(g, CandleParquetFiles.BEST_ASK);
        c.meanSpreadE8 = optional(g, CandleParquetFiles.MEAN_SPREAD);
        c.meanTopDepthE8 = optional(g, CandleParquetFiles.MEAN_TOP_DEPTH);
        if (g.getType().containsField(CandleParquetFiles.BOOK_SECONDS)
            && g.getFieldRepetitionCount(CandleParquetFiles.BOOK_SECONDS) > 0) {
            c.bookCoverageNs = Math.round(g.getDouble(CandleParquetFiles.BOOK_SECONDS, 0) * 1e9);
        }
        return c;
    }

    private static long optional(Group g, String column) {
        if (!g.getType().containsField(column) || g.getFieldRepetitionCount(column) == 0) {
            return 0;
        }
        return FixedPoint.fromDouble(g.getDouble(column, 0));
    }

    private static LocalDate latestArchiveDay(Path symbolDir) {
        if (!Files.isDirectory(symbolDir)) {
            return null;
        }
        LocalDate latest = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(symbolDir, "*.parquet")) {
            for (Path f : files) {
                final String name = f.getFileName().toString();
                try {
                    final LocalDate day = LocalDate.parse(name.substring(0, name.length() - ".parquet".length()));
                    if (latest == null || day.isAfter(latest)) {
                        latest = day;
                    }
                } catch (DateTimeParseException ignored) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", symbolDir, e.toString());
        }
        return latest;
    }
}

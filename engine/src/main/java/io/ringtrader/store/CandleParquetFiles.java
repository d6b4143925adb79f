package io.ringtrader.store;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The candle Parquet layout (file names, schema) and the crash-safe file operations: a file is written to
 * {@code <name>.tmp}, closed (footer written), fsynced, atomically renamed over the target, and the directory is
 * fsynced, so a crash leaves either the old or the new file, never a torn one. Stateless; safe from any thread,
 * but each target file must have one writer.
 */
public final class CandleParquetFiles {
    /** Suffix of files being written; leftovers are deleted at start-up. */
    public static final String TEMP_SUFFIX = io.ringtrader.files.AtomicFile.TEMP_SUFFIX;
    /** The column naming a candle's {@link io.ringtrader.event.CandleSource} (absent in older files). */
    public static final String SOURCE_COLUMN = "source";
    /** Best bid in force at the minute's end (column name). */
    public static final String BEST_BID = "best_bid";
    /** Best ask in force at the minute's end (column name). */
    public static final String BEST_ASK = "best_ask";
    /** Time-weighted mean of best ask - best bid over the minute (column name). */
    public static final String MEAN_SPREAD = "mean_spread";
    /** Time-weighted mean of best bid size + best ask size over the minute, base currency (column name). */
    public static final String MEAN_TOP_DEPTH = "mean_top_depth";
    /** Seconds of the minute a two-sided book was known: what the two means cover (column name). */
    public static final String BOOK_SECONDS = "book_seconds";
    /** The file schema, exactly: readers (DuckDB, pandas, the backtest) depend on these names and types. */
    public static final MessageType SCHEMA = Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("symbol")
        .required(PrimitiveTypeName.INT64)
        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("open_time")
        .required(PrimitiveTypeName.DOUBLE).named("open")
        .required(PrimitiveTypeName.DOUBLE).named("high")
        .required(PrimitiveTypeName.DOUBLE).named("low")
        .required(PrimitiveTypeName.DOUBLE).named("close")
        .required(PrimitiveTypeName.DOUBLE).named("volume")
        .required(PrimitiveTypeName.DOUBLE).named("vwap")
        .required(PrimitiveTypeName.INT64).named("trade_count")
        .required(PrimitiveTypeName.BOOLEAN).named("complete")
        // issue 16: where the candle came from; files written before it lack the column and read as "trades"
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SOURCE_COLUMN)
        // ---- the level2 book over the minute (issue 18); null when no two-sided book was known ----
        .optional(PrimitiveTypeName.DOUBLE).named(BEST_BID)
        .optional(PrimitiveTypeName.DOUBLE).named(BEST_ASK)
        .optional(PrimitiveTypeName.DOUBLE).named(MEAN_SPREAD)
        .optional(PrimitiveTypeName.DOUBLE).named(MEAN_TOP_DEPTH)
        .optional(PrimitiveTypeName.DOUBLE).named(BOOK_SECONDS)
        .named("candle");

    private static final Logger LOG = LogManager.getLogger(CandleParquetFiles.class);
    private static final long NS_PER_MS = 1_000_000L;
    /*
     * ExampleParquetWriter.builder(OutputFile) and Builder.withConf(ParquetConfiguration) are called through method
     * handles because both are overloaded with Hadoop-typed twins (fs.Path, conf.Configuration): resolving those
     * overloads makes javac read Hadoop class files whose annotations (hadoop-annotations) are not on the classpath,
     * a warning that -Werror turns into an error. At run time neither Hadoop class is touched.
     */
    private static final MethodHandle BUILDER;
    private static final MethodHandle WITH_CONF;

    static {
        final MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            BUILDER = lookup.findStatic(ExampleParquetWriter.class, "builder",
                MethodType.methodType(ExampleParquetWriter.Builder.class, OutputFile.class));
            WITH_CONF = lookup.findVirtual(ParquetWriter.Builder.class, "withConf",
                MethodType.methodType(ParquetWriter.Builder.class, ParquetConfiguration.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CandleParquetFiles() {
    }

    /** {@code dataDir/{SYM}_1m_historical.parquet}: the rolling last days of one symbol. */
    public static Path historicalFile(Path dataDir, String symbol) {
        return dataDir.resolve(symbol + "_1m_historical.parquet");
    }

    /** {@code dataDir/candles/{SYM}/{YYYY-MM-DD}.parquet}: one UTC day of one symbol. */
    public static Path archiveFile(Path dataDir, String symbol, LocalDate day) {
        return dataDir.resolve("candles").resolve(symbol).resolve(day + ".parquet");
    }

    /** The UTC day a candle opening at {@code openTimeNs} belongs to. */
    public static LocalDate dayOf(long openTimeNs) {
        return LocalDate.ofEpochDay(Math.floorDiv(openTimeNs, 86_400L * 1_000_000_000L));
    }

    /** Start of a UTC day in epoch nanoseconds. */
    public static long startNs(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    /** The codec for a {@code persistence.parquet_compression} value ({@code snappy} or {@code zstd}). */
    public static CompressionCodecName codec(String name) {
        return CompressionCodecName.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Writes {@code candles} (in time order) of {@code symbol} to {@code target} atomically (see class doc). */
    public static void writeAtomically(Path target, String symbol, List<Candle> candles, CompressionCodecName codec)
        throws IOException {
        io.ringtrader.files.AtomicFile.write(target, temp -> write(temp, symbol, candles, codec, SCHEMA));
    }

    /** Writes with {@code schema}, {@link #SCHEMA} or an older layout without the source or book columns (tests). */
    static void write(Path file, String symbol, List<Candle> candles, CompressionCodecName codec,
                      MessageType schema) throws IOException {
        final SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        final boolean withSource = schema.containsField(SOURCE_COLUMN);
        final boolean withBook = schema.containsField(BEST_BID);
        try (ParquetWriter<Group> writer = newBuilder(new LocalOutputFile(file))
            .withType(schema)
            .withCompressionCodec(codec)
            .withCodecFactory(CandleCodecs.INSTANCE)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
            for (Candle c : candles) {
                final Group g = groups.newGroup()
                    .append("symbol", symbol)
                    .append("open_time", Math.floorDiv(c.openTimeNs, NS_PER_MS))
                    .append("open", FixedPoint.toDouble(c.openE8))
                    .append("high", FixedPoint.toDouble(c.highE8))
                    .append("low", FixedPoint.toDouble(c.lowE8))
                    .append("close", FixedPoint.toDouble(c.closeE8))
                    .append("volume", FixedPoint.toDouble(c.volumeE8))
                    .append("vwap", c.vwap())
                    .append("trade_count", c.tradeCount)
                    .append("complete", c.complete);
                if (withSource) {
                    g.append(SOURCE_COLUMN, io.ringtrader.event.CandleSource.name(c.source));
                }
                if (withBook && c.bestBidE8 > 0 && c.bestAskE8 > 0) {
                    g.append(BEST_BID, FixedPoint.toDouble(c.bestBidE8)).append(BEST_ASK,
                        FixedPoint.toDouble(c.bestAskE8));
                }
                if (withBook && c.bookCoverageNs > 0) {
                    g.append(MEAN_SPREAD, FixedPoint.toDouble(c.meanSpreadE8)).append(MEAN_TOP_DEPTH,
                        FixedPoint.toDouble(c.meanTopDepthE8)).append(BOOK_SECONDS, c.bookCoverageNs / 1e9);
                }
                writer.write(g);
            }
        }
    }

    private static ExampleParquetWriter.Builder newBuilder(OutputFile file) throws IOException {
        try {
            final ExampleParquetWriter.Builder builder = (ExampleParquetWriter.Builder) BUILDER.invoke(file);
            return (ExampleParquetWriter.Builder) WITH_CONF.invoke(builder, new PlainParquetConfiguration());
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("cannot create a Parquet writer", e);
        }
    }

    /** Deletes {@code *.parquet.tmp} left by a crash under {@code dataDir} and its candle archive; returns count. */
    public static int cleanTempFiles(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(dataDir, 3)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".parquet" + TEMP_SUFFIX) && Files.isRegularFile(p)) {
                    Files.delete(p);
                    LOG.warn("Removed temp file left by an interrupted write: {}", p);
                    removed++;
                }
            }
        }
        return removed;
    }
}

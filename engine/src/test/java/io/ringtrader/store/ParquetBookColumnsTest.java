package io.ringtrader.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The level2 book columns of the candle files: round trip, nulls without a book, and files from before them. */
class ParquetBookColumnsTest {
    @TempDir
    Path dir;

    @Test
    void shouldRoundTripTheBookColumnsAndLeaveThemNullWithoutABook() throws Exception {
        final List<Candle> candles = StoreTestData.series(0, 0, 3);
        final Candle booked = candles.get(1);
        booked.bestBidE8 = FixedPoint.parse("65000.01");
        booked.bestAskE8 = FixedPoint.parse("65000.02");
        booked.meanSpreadE8 = FixedPoint.parse("0.0125");
        booked.meanTopDepthE8 = FixedPoint.parse("1.5");
        booked.bookCoverageNs = 45_000_000_000L;
        final Path file = dir.resolve("BTC.parquet");
        CandleParquetFiles.writeAtomically(file, "BTC", candles, CompressionCodecName.SNAPPY);
        final List<Candle> back = ParquetCandleReader.readFile(file, 0);
        assertThat(back.get(1).bestBidE8).isEqualTo(booked.bestBidE8);
        assertThat(back.get(1).bestAskE8).isEqualTo(booked.bestAskE8);
        assertThat(back.get(1).meanSpreadE8).isEqualTo(booked.meanSpreadE8);
        assertThat(back.get(1).meanTopDepthE8).isEqualTo(booked.meanTopDepthE8);
        assertThat(back.get(1).bookCoverageNs).isEqualTo(booked.bookCoverageNs);
        assertThat(back.get(0).bestBidE8).isZero();
        assertThat(back.get(0).bookCoverageNs).isZero();
        assertThat(back.get(2).closeE8).isEqualTo(candles.get(2).closeE8);
    }

    @Test
    void shouldReadAFileWrittenBeforeTheBookColumnsExisted() throws Exception {
        final MessageType old = Types.buildMessage()
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
            .named("candle");
        final Path file = dir.resolve("old.parquet");
        final Candle c = StoreTestData.candle(0, 7);
        // through reflection: the Hadoop-typed overloads of builder/withConf would make javac read Hadoop classes
        final ExampleParquetWriter.Builder builder = (ExampleParquetWriter.Builder) ExampleParquetWriter.class
            .getMethod("builder", OutputFile.class).invoke(null, new LocalOutputFile(file));
        ParquetWriter.Builder.class.getMethod("withConf", ParquetConfiguration.class)
            .invoke(builder, new PlainParquetConfiguration());
        try (ParquetWriter<Group> w = builder.withType(old).withCodecFactory(CandleCodecs.INSTANCE)
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED).build()) {
            w.write(new SimpleGroupFactory(old).newGroup().append("symbol", "BTC")
                .append("open_time", c.openTimeNs / 1_000_000L).append("open", FixedPoint.toDouble(c.openE8))
                .append("high", FixedPoint.toDouble(c.highE8)).append("low", FixedPoint.toDouble(c.lowE8))
                .append("close", FixedPoint.toDouble(c.closeE8)).append("volume", FixedPoint.toDouble(c.volumeE8))
                .append("vwap", c.vwap()).append("trade_count", c.tradeCount).append("complete", c.complete));
        }
        final List<Candle> back = ParquetCandleReader.readFile(file, 0);
        assertThat(back).hasSize(1);
        assertThat(back.get(0).closeE8).isEqualTo(c.closeE8);
        assertThat(back.get(0).bestBidE8).isZero();
        assertThat(back.get(0).bookCoverageNs).isZero();
    }
}

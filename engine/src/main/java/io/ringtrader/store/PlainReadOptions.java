package io.ringtrader.store;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * Builds {@link ParquetReadOptions} without Hadoop. In parquet-hadoop 1.16 every public way to build read options
 * (ParquetReadOptions.Builder, and so ParquetFileReader.open(InputFile)) calls {@code ParquetInputFormat.getFilter},
 * whose superclass {@code org.apache.hadoop.mapreduce.lib.input.FileInputFormat} (hadoop-mapreduce-client-core) is
 * not shipped. So the options are made through their package-private constructor, with the builder's defaults and
 * {@link CandleCodecs}; if that constructor ever changes, the public builder is used (and needs that Hadoop jar).
 */
final class PlainReadOptions {
    private PlainReadOptions() {
    }

    static ParquetReadOptions create() {
        try {
            final Constructor<ParquetReadOptions> ctor = ParquetReadOptions.class.getDeclaredConstructor(
                boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                boolean.class, boolean.class, boolean.class, FilterCompat.Filter.class,
                ParquetMetadataConverter.MetadataFilter.class, CompressionCodecFactory.class,
                ByteBufferAllocator.class, int.class, Map.class, FileDecryptionProperties.class,
                ParquetMetricsCallback.class, ParquetConfiguration.class);
            ctor.setAccessible(true);
            return ctor.newInstance(
                false, // useSignedStringMinMax
                true, // useStatsFilter
                true, // useDictionaryFilter
                true, // useRecordFilter
                true, // useColumnIndexFilter
                false, // usePageChecksumVerification
                true, // useBloomFilter
                false, // useOffHeapDecryptBuffer
                false, // useHadoopVectoredIo
                FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, CandleCodecs.INSTANCE,
                new HeapByteBufferAllocator(), 8 << 20, new HashMap<String, String>(), null, null,
                new PlainParquetConfiguration());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(CandleCodecs.INSTANCE).build();
        }
    }
}

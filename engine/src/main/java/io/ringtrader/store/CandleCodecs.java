package io.ringtrader.store;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression for UNCOMPRESSED, SNAPPY (raw Snappy blocks) and ZSTD (zstd frames) straight on
 * snappy-java and zstd-jni. Parquet's own {@code CodecFactory} instantiates codecs through a Hadoop
 * {@code Configuration}, whose class initialiser needs Woodstox ({@code com.ctc.wstx.io.InputBootstrapper}) and more
 * of Hadoop's tree than the engine ships; this factory keeps Hadoop out of the run-time path. Stateless.
 */
final class CandleCodecs implements CompressionCodecFactory {
    /** Zstandard level: 3 is zstd's own default, a good size/speed balance for small candle files. */
    private static final int ZSTD_LEVEL = 3;
    static final CandleCodecs INSTANCE = new CandleCodecs();

    private CandleCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD -> new Compressor(codec);
            default -> throw new IllegalArgumentException("unsupported Parquet codec " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD -> new Decompressor(codec);
            default -> throw new IllegalArgumentException("unsupported Parquet codec " + codec);
        };
    }

    @Override
    public void release() {
    }

    private static byte[] toArray(BytesInput bytes) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream((int) bytes.size());
        bytes.writeAllTo(out);
        return out.toByteArray();
    }

    private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            final byte[] raw = toArray(bytes);
            return switch (codec) {
                case SNAPPY -> BytesInput.from(Snappy.compress(raw));
                case ZSTD -> BytesInput.from(Zstd.compress(raw, ZSTD_LEVEL));
                default -> BytesInput.from(raw);
            };
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }

    private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(toArray(bytes), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
            throws IOException {
            final byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(decompress(in, uncompressedSize));
        }

        private byte[] decompress(byte[] in, int uncompressedSize) throws IOException {
            final byte[] out = switch (codec) {
                case SNAPPY -> Snappy.uncompress(in);
                case ZSTD -> Zstd.decompress(in, uncompressedSize);
                default -> in;
            };
            if (out.length != uncompressedSize) {
                throw new IOException(codec + " page decompressed to " + out.length + " bytes, expected "
                    + uncompressedSize);
            }
            return out;
        }

        @Override
        public void release() {
        }
    }
}

package io.ringtrader.feed;

import io.ringtrader.config.FeedProtocol;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.RingPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a Coinbase Advanced Trade {@code market_trades} update frame into ring events, reported per TRADE
 * (ns/op and, with {@code -prof gc}, B/op): the real {@link AdvancedTradeDecoder} with its {@link TradeSink}
 * (ordering, de-duplication, gap check, batch publish) into a real Disruptor ring, for frames of 1 and 10 trades.
 * {@code buffer=heap} decodes the frame's array in place (Netty heap buffer); {@code buffer=direct} first copies
 * it out of a pooled direct {@link ByteBuf} into the reused frame array, as {@code FeedClient.onText} does for
 * Netty's default (direct) buffers. Trade
 * ids and the sequence number are rewritten in place before each frame (fresh ids, no allocation), so every
 * trade is new and published. {@code jacksonTenTradeFrame} is the alternative: Jackson's streaming parser (one
 * parser per frame) extracting the same fields, not publishing. Frames are synthetic (invented ids and prices).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true"})
public class AdvancedTradeDecodeBenchmark {
    private static final List<String> SYMBOLS = List.of("BTC", "ETH", "ADA", "AVAX", "DOT", "LINK", "MATIC", "SOL",
        "UNI");
    private static final String[] PRODUCTS = {"BTC-USD", "ETH-USD", "SOL-USD"};
    private static final String[] PRICES = {"65083.67", "3412.18", "152.734"};

    @Param({"heap", "direct"})
    public String buffer;

    private FeedStats stats;
    private FeedDecoder decoder;
    private RingBuffer<MarketEvent> ring;
    private Frame one;
    private Frame ten;
    private ByteBuf directOne;
    private ByteBuf directTen;
    private byte[] frameBytes;
    private long receivedNs;
    private final JsonFactory jackson = new JsonFactory();
    private final byte[] scratch = new byte[64];
    private Instruments instruments;

    @Setup(Level.Trial)
    public void setUp() {
        instruments = Instruments.of(SYMBOLS, "USD");
        stats = new FeedStats();
        // no consumer gates this ring: the producer side alone is measured and never finds it full
        ring = RingBuffer.createSingleProducer(() -> new MarketEvent(SYMBOLS.size()), 8192,
            new SleepingWaitStrategy());
        final RingPublisher publisher = new RingPublisher(ring, SYMBOLS.size());
        final int maxFrameBytes = 1 << 20;
        final TradeSink sink = new TradeSink(publisher, stats, SYMBOLS.size(), 4096, maxFrameBytes / 64 + 1);
        final RejectLog rejects = new RejectLog(stats, System::nanoTime, 10_000_000_000L);
        final FeedControl control = new FeedControl() {
            @Override
            public void onSubscribed(long timestampNs, long receivedNs) {
            }

            @Override
            public void onErrorFrame(String text) {
            }
        };
        decoder = new FeedParts(instruments, publisher, sink, stats, rejects, control)
            .decoder(FeedProtocol.ADVANCED_TRADE);
        decoder.connectionStarted();
        one = new Frame(1);
        ten = new Frame(10);
        frameBytes = new byte[maxFrameBytes];
        directOne = PooledByteBufAllocator.DEFAULT.directBuffer(4096).writeBytes(one.bytes);
        directTen = PooledByteBufAllocator.DEFAULT.directBuffer(4096).writeBytes(ten.bytes);
    }

    @TearDown(Level.Trial)
    public void check() {
        directOne.release();
        directTen.release();
        if (stats.rejectsTotal() != 0 || stats.duplicates() != 0) {
            throw new IllegalStateException("benchmark frames were not all accepted: " + stats);
        }
    }

    @Benchmark
    public long oneTradeFrame() {
        return decode(one, directOne);
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public long tenTradeFrame() {
        return decode(ten, directTen);
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public long jacksonTenTradeFrame() throws IOException {
        ten.next();
        return jacksonDecode(ten.bytes);
    }

    private long decode(Frame f, ByteBuf direct) {
        f.next();
        if ("direct".equals(buffer)) {
            // the socket read is not ours to measure: only the changed ids reach the direct buffer, then the
            // whole frame is copied out of it as FeedClient does for a buffer without an array
            f.copyChangesTo(direct);
            final int length = direct.readableBytes();
            direct.getBytes(direct.readerIndex(), frameBytes, 0, length);
            decoder.decode(frameBytes, 0, length, ++receivedNs);
        } else {
            decoder.decode(f.bytes, 0, f.bytes.length, ++receivedNs);
        }
        return ring.getCursor();
    }

    private long jacksonDecode(byte[] frame) throws IOException {
        long checksum = 0;
        try (JsonParser p = jackson.createParser(frame, 0, frame.length)) {
            long price = 0;
            long size = 0;
            long time = 0;
            int instrument = -1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    final String name = p.currentName();
                    final int n = toScratch(p);
                    if ("price".equals(name)) {
                        price = FixedPoint.parse(scratch, 0, n);
                    } else if ("size".equals(name)) {
                        size = FixedPoint.parse(scratch, 0, n);
                    } else if ("time".equals(name)) {
                        time = Rfc3339.parse(scratch, 0, n);
                    } else if ("product_id".equals(name)) {
                        instrument = instruments.idOfProduct(scratch, 0, n);
                    } else if ("trade_id".equals(name)) {
                        checksum += TradeFields.parseId(scratch, 0, n);
                    }
                } else if (t == JsonToken.END_OBJECT && instrument >= 0) {
                    checksum += price + size + time + instrument;
                    instrument = -1;
                }
            }
        }
        return checksum;
    }

    private int toScratch(JsonParser p) throws IOException {
        final char[] chars = p.getTextCharacters();
        final int offset = p.getTextOffset();
        final int n = Math.min(p.getTextLength(), scratch.length);
        for (int i = 0; i < n; i++) {
            scratch[i] = (byte) chars[offset + i];
        }
        return n;
    }

    /**
     * A synthetic {@code market_trades} update frame, trades newest first over three products, whose 10-digit
     * trade ids (consecutive per product) and sequence number are rewritten in place for each use.
     */
    static final class Frame {
        final byte[] bytes;
        private final int[] idOffsets;
        private final int[] productOf;
        private final long[] nextId = {1_000_000_000L, 1_000_000_000L, 1_000_000_000L};
        private final int sequenceOffset;
        private long sequence = 1_000_000_000L;

        Frame(int trades) {
            final StringBuilder sb = new StringBuilder();
            sb.append("{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"2026-01-05T10:15:30."
                + "123456789Z\",\"sequence_num\":1000000000,\"events\":[{\"type\":\"update\",\"trades\":[");
            productOf = new int[trades];
            for (int i = 0; i < trades; i++) {
                final int p = i % PRODUCTS.length;
                productOf[i] = p;
                if (i > 0) {
                    sb.append(',');
                }
                // newest first: the first trade in the frame has the latest time
                sb.append(String.format(Locale.ROOT, "{\"product_id\":\"%s\",\"trade_id\":\"1000000000\","
                        + "\"price\":\"%s\",\"size\":\"0.0%d034361\",\"time\":\"2026-01-05T10:15:30.%06dZ\","
                        + "\"side\":\"%s\"}", PRODUCTS[p], PRICES[p], i % 10, 999_000 - i * 1_000,
                    i % 2 == 0 ? "BUY" : "SELL"));
            }
            sb.append("]}]}");
            bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
            idOffsets = new int[trades];
            final byte[] key = "\"trade_id\":\"".getBytes(StandardCharsets.US_ASCII);
            int found = 0;
            for (int i = 0; i + key.length < bytes.length && found < trades; i++) {
                if (TradeFields.is(bytes, i, key.length, key)) {
                    idOffsets[found++] = i + key.length;
                }
            }
            final byte[] seqKey = "\"sequence_num\":".getBytes(StandardCharsets.US_ASCII);
            int seq = -1;
            for (int i = 0; i + seqKey.length < bytes.length; i++) {
                if (TradeFields.is(bytes, i, seqKey.length, seqKey)) {
                    seq = i + seqKey.length;
                    break;
                }
            }
            sequenceOffset = seq;
        }

        /** Fresh ids: the last (oldest) trade of each product gets the lowest. */
        void next() {
            for (int k = idOffsets.length - 1; k >= 0; k--) {
                write(idOffsets[k], nextId[productOf[k]]++);
            }
            write(sequenceOffset, ++sequence);
        }

        /** Copies the rewritten digits into {@code buf}, which holds this frame at index 0. */
        void copyChangesTo(ByteBuf buf) {
            for (int offset : idOffsets) {
                buf.setBytes(offset, bytes, offset, 10);
            }
            buf.setBytes(sequenceOffset, bytes, sequenceOffset, 10);
        }

        private void write(int offset, long value) {
            long v = value;
            for (int d = offset + 9; d >= offset; d--) {
                bytes[d] = (byte) ('0' + v % 10);
                v /= 10;
            }
        }
    }
}

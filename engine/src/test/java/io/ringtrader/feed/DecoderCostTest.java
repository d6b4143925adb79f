package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures what decoding costs: bytes allocated per frame (asserted: the flyweight decoder must not allocate in
 * steady state) and time per trade (printed only, never asserted), next to a Jackson streaming baseline that
 * extracts the same fields from the same bytes with one reused {@link JsonFactory}.
 */
@Tag("slow")
class DecoderCostTest {
    private static final int TRADES_PER_ROUND = 100_000;
    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void shouldDecodeTradeFramesWithoutAllocating() throws IOException {
        for (int trades : new int[] {1, 10, 100}) {
            final DecoderFixture f = DecoderFixture.advancedTrade("BTC", "ETH");
            final Template ourFrame = new Template(trades);
            final ThrowingRunnable ours = () -> {
                ourFrame.next();
                f.decoder.decode(ourFrame.bytes, 0, ourFrame.bytes.length, 1);
                f.ring.skipAll();
            };
            final JacksonBaseline jackson = new JacksonBaseline(f.instruments);
            final Template theirFrame = new Template(trades);
            final ThrowingRunnable theirs = () -> {
                theirFrame.next();
                jackson.decode(theirFrame.bytes);
            };
            final int frames = TRADES_PER_ROUND / trades;
            long oursBytes = 0;
            long theirsBytes = 0;
            final long[] oursNs = new long[ROUNDS];
            final long[] theirsNs = new long[ROUNDS];
            for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                final long[] a = measure(ours, frames); // alternate so both see the same machine load
                final long[] b = measure(theirs, frames);
                if (round >= 0) {
                    oursBytes += a[0];
                    theirsBytes += b[0];
                    oursNs[round] = a[1];
                    theirsNs[round] = b[1];
                }
            }
            final long measuredFrames = (long) frames * ROUNDS;
            assertThat(f.stats.rejectsTotal()).isZero();
            assertThat(f.stats.duplicates()).isZero();
            assertThat(f.stats.trades()).isEqualTo((long) frames * (ROUNDS + WARMUP_ROUNDS) * trades);
            assertThat(jackson.trades).isEqualTo(f.stats.trades());
            java.util.Arrays.sort(oursNs);
            java.util.Arrays.sort(theirsNs);
            System.out.printf(Locale.ROOT, "%3d trades/frame (%5d B): flyweight %5.1f B/frame, ns/trade best %4.0f"
                    + " median %4.0f | Jackson streaming %5.1f B/frame, ns/trade best %4.0f median %4.0f%n", trades,
                ourFrame.bytes.length, (double) oursBytes / measuredFrames, (double) oursNs[0] / frames / trades,
                (double) oursNs[ROUNDS / 2] / frames / trades, (double) theirsBytes / measuredFrames,
                (double) theirsNs[0] / frames / trades, (double) theirsNs[ROUNDS / 2] / frames / trades);
            assertThat((double) oursBytes / measuredFrames).as("bytes allocated per frame").isLessThan(1.0);
        }
    }

    /** Runs {@code body} {@code frames} times; {allocated bytes, ns}. */
    private static long[] measure(ThrowingRunnable body, int frames) throws IOException {
        final long thread = Thread.currentThread().getId();
        final long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
        final long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            body.run();
        }
        final long elapsed = System.nanoTime() - start;
        return new long[] {THREADS.getThreadAllocatedBytes(thread) - bytesBefore, elapsed};
    }

    private interface ThrowingRunnable {
        void run() throws IOException;
    }

    /** A market_trades update frame whose trade ids are rewritten in place (no allocation) for each use. */
    private static final class Template {
        final byte[] bytes;
        private final int[] idOffsets;
        private long nextId = 1_000_000_000L;

        Template(int trades) {
            final String[] items = new String[trades];
            for (int i = 0; i < trades; i++) {
                items[i] = Frames.trade("BTC-USD", 1_000_000_000L, "64321.09", "0.02345678",
                    "2026-03-04T05:06:07.12345Z", "SELL");
            }
            bytes = Frames.marketTrades(1, "update", items).getBytes(StandardCharsets.US_ASCII);
            final List<Integer> offsets = new ArrayList<>();
            final byte[] key = "\"trade_id\":\"".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i + key.length < bytes.length; i++) {
                if (TradeFields.is(bytes, i, key.length, key)) {
                    offsets.add(i + key.length);
                }
            }
            idOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Newest first, as Coinbase sends them. */
        void next() {
            for (int k = idOffsets.length - 1; k >= 0; k--) {
                long id = nextId++;
                for (int d = idOffsets[k] + 9; d >= idOffsets[k]; d--) {
                    bytes[d] = (byte) ('0' + id % 10);
                    id /= 10;
                }
            }
        }
    }

    /** The alternative measured: Jackson's streaming parser over the same bytes, fields read as char ranges. */
    private static final class JacksonBaseline {
        private final JsonFactory factory = new JsonFactory();
        private final Instruments instruments;
        private final byte[] scratch = new byte[64];
        long trades;
        long checksum;

        JacksonBaseline(Instruments instruments) {
            this.instruments = instruments;
        }

        void decode(byte[] frame) throws IOException {
            try (JsonParser p = factory.createParser(frame, 0, frame.length)) {
                long price = 0;
                long size = 0;
                long time = 0;
                int instrument = -1;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.VALUE_STRING) {
                        final String name = p.currentName(); // interned by Jackson: no allocation
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
                        checksum += price + size + time;
                        trades++;
                        instrument = -1;
                    }
                }
            }
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
    }
}

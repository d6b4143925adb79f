package io.ringtrader.feed;

import io.ringtrader.config.ConfigLoader;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 * Decoding and applying one Advanced Trade {@code l2_data} update (one level) to a BTC-USD-sized book of 23,000
 * levels a side (the real snapshot has about 46,000 levels in all), through the real {@link AdvancedTradeDecoder},
 * {@link Level2Books} and a Disruptor ring (ns/op and, with {@code -prof gc}, B/op). The frames cycle through
 * insert and delete of a bid and an ask, so the book keeps its size; {@code rank=top} changes the third level
 * (the top of book changes: a QUOTE is published), {@code rank=deep} the thirtieth (nothing reaches the ring).
 * {@code sixLevelFrame} does the same with frames of six levels, as real ones carry, per level.
 * {@code snapshot} applies a whole 46,000-level snapshot frame (about 5 MB, as real ones are), per frame. Frames
 * are synthetic; the sequence number is advanced in place before each one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true"})
public class Level2DecodeBenchmark {
    private static final int LEVELS_PER_SIDE = 23_000;
    private static final String HEAD = "{\"channel\":\"l2_data\",\"client_id\":\"\","
        + "\"timestamp\":\"2026-01-05T10:15:30.123456789Z\",\"sequence_num\":1000000000,\"events\":[{\"type\":\"";
    private static final long FIRST_SEQUENCE = 1_000_000_000L; // the 10 digits HEAD carries
    private static final byte[] SEQUENCE_KEY = "\"sequence_num\":".getBytes(StandardCharsets.US_ASCII);

    @Param({"top", "deep"})
    public String rank;

    private BurstFeed feed;
    private RingBuffer<MarketEvent> ring;
    private byte[][] updates;
    private int[] updateSequenceAt;
    private byte[][] sixLevelFrames;
    private int[] sixLevelSequenceAt;
    private byte[] snapshot;
    private int snapshotSequenceAt;
    private final long[] snapshotWritten = {FIRST_SEQUENCE};
    private final long[] updatesWritten = {FIRST_SEQUENCE, FIRST_SEQUENCE, FIRST_SEQUENCE, FIRST_SEQUENCE};
    private final long[] sixLevelWritten = {FIRST_SEQUENCE, FIRST_SEQUENCE};
    private long sequence = FIRST_SEQUENCE;
    private int next;
    private long receivedNs;

    @Setup(Level.Trial)
    public void setUp() {
        final Instruments instruments = Instruments.of(List.of("BTC", "ETH"), "USD");
        ring = RingBuffer.createSingleProducer(() -> new MarketEvent(2), 8192, new SleepingWaitStrategy());
        feed = new BurstFeed(ConfigLoader.load(null, Map.of()).feed(), instruments, new RingPublisher(ring, 2));
        snapshot = snapshotFrame();
        snapshotSequenceAt = find(snapshot, SEQUENCE_KEY);
        decode(snapshot, snapshotSequenceAt, snapshotWritten, 0);
        final int k = "top".equals(rank) ? 2 : 29;
        final String bid = FixedPoint.format(FixedPoint.parse("65000") - k * FixedPoint.ONE - FixedPoint.ONE / 2);
        final String ask = FixedPoint.format(FixedPoint.parse("65001") + k * FixedPoint.ONE + FixedPoint.ONE / 2);
        updates = new byte[][] {update("bid", bid, "0.5"), update("bid", bid, "0"), update("offer", ask, "0.25"),
            update("offer", ask, "0")};
        updateSequenceAt = new int[updates.length];
        for (int i = 0; i < updates.length; i++) {
            updateSequenceAt[i] = find(updates[i], SEQUENCE_KEY);
        }
        sixLevelFrames = new byte[][] {sixLevels(k, "0.5", "0.25"), sixLevels(k, "0", "0")};
        sixLevelSequenceAt = new int[] {find(sixLevelFrames[0], SEQUENCE_KEY), find(sixLevelFrames[1], SEQUENCE_KEY)};
    }

    @TearDown(Level.Trial)
    public void check() {
        // the trial can end between a bid's insert and its delete: one level more is in the cycle, not a loss
        final int bids = feed.levels(0, true);
        if (feed.problems() != 0 || bids < LEVELS_PER_SIDE || bids > LEVELS_PER_SIDE + 3) {
            throw new IllegalStateException("benchmark frames were not all applied: " + feed.summary());
        }
    }

    @Benchmark
    public long oneLevelUpdate() {
        final int i = next;
        next = (i + 1) & 3;
        decode(updates[i], updateSequenceAt[i], updatesWritten, i);
        return ring.getCursor();
    }

    /**
     * A frame of six levels, the size of a real one (the Advanced Trade recording's update frames carry 6.3 levels
     * on average, median 5): three bids and three asks from {@code rank} down, inserted by one frame and deleted by
     * the next. Reported per level.
     */
    @Benchmark
    @OperationsPerInvocation(6)
    public long sixLevelFrame() {
        final int i = next;
        next = (i + 1) & 1;
        decode(sixLevelFrames[i], sixLevelSequenceAt[i], sixLevelWritten, i);
        return ring.getCursor();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long snapshot() {
        decode(snapshot, snapshotSequenceAt, snapshotWritten, 0);
        return ring.getCursor();
    }

    /**
     * Decodes {@code frame} with the next sequence number. {@code written[index]} holds the number the frame carries
     * now: the difference is added with carry, usually to one digit, so the harness costs next to nothing.
     */
    private void decode(byte[] frame, int sequenceAt, long[] written, int index) {
        final long v = ++sequence;
        long add = v - written[index];
        written[index] = v;
        for (int d = sequenceAt + 9; add > 0; d--) {
            final long digit = frame[d] - '0' + add;
            frame[d] = (byte) ('0' + digit % 10);
            add = digit / 10;
        }
        feed.decode(frame, 0, frame.length, ++receivedNs);
    }

    private static byte[] update(String side, String price, String size) {
        return (HEAD + "update\",\"product_id\":\"BTC-USD\",\"updates\":[" + level(side, price, size) + "]}]}")
            .getBytes(StandardCharsets.US_ASCII);
    }

    /** Three bids and three asks at ranks {@code k, k + 1, k + 2} between the levels the snapshot holds. */
    private static byte[] sixLevels(int k, String bidSize, String askSize) {
        final StringBuilder sb = new StringBuilder(HEAD).append("update\",\"product_id\":\"BTC-USD\",\"updates\":[");
        for (int r = k; r < k + 3; r++) {
            sb.append(r == k ? "" : ",").append(level("bid", FixedPoint.format(FixedPoint.parse("65000")
                - r * FixedPoint.ONE - FixedPoint.ONE / 2), bidSize));
        }
        for (int r = k; r < k + 3; r++) {
            sb.append(',').append(level("offer", FixedPoint.format(FixedPoint.parse("65001") + r * FixedPoint.ONE
                + FixedPoint.ONE / 2), askSize));
        }
        return sb.append("]}]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String level(String side, String price, String size) {
        return "{\"side\":\"" + side + "\",\"event_time\":\"2026-01-05T10:15:30.123456Z\",\"price_level\":\"" + price
            + "\",\"new_quantity\":\"" + size + "\"}";
    }

    /** Best first on each side, as Coinbase sends it: bids 65000, 64999, ...; asks 65001, 65002, ... */
    private static byte[] snapshotFrame() {
        final StringBuilder sb = new StringBuilder(6 << 20).append(HEAD)
            .append("snapshot\",\"product_id\":\"BTC-USD\",\"updates\":[");
        for (int i = 0; i < LEVELS_PER_SIDE; i++) {
            sb.append(i == 0 ? "" : ",").append(level("bid", FixedPoint.format(FixedPoint.parse("65000")
                - i * FixedPoint.ONE), "0.0307303"));
        }
        for (int i = 0; i < LEVELS_PER_SIDE; i++) {
            sb.append(',').append(level("offer", FixedPoint.format(FixedPoint.parse("65001") + i * FixedPoint.ONE),
                "0.02244516"));
        }
        return sb.append("]}]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static int find(byte[] frame, byte[] key) {
        for (int i = 0; i + key.length < frame.length; i++) {
            if (TradeFields.is(frame, i, key.length, key)) {
                return i + key.length;
            }
        }
        throw new IllegalStateException("no sequence_num");
    }
}

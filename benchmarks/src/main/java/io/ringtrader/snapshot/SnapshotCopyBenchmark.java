package io.ringtrader.snapshot;

import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.pipeline.StageChain;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The part of a snapshot that holds the ring thread: {@link StateImage#write} of the engine's own stage chain
 * ({@link StageChain#stateRoots()}, default configuration, nine symbols) with the candle store full (7 days of
 * 1-minute candles per symbol, as after a week of running). {@code copy} is what the {@link SnapshotTaker} does on
 * the ring thread: the walk into a buffer it then hands to the writer. {@code bulkArraysOnly} writes just as many
 * bytes of primitive arrays, the floor any copy of this state pays. ms per snapshot, and B/op with {@code -prof gc}
 * (0 for the copy: the buffers are reused).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true"})
public class SnapshotCopyBenchmark {
    private static final long MINUTE_NS = 60_000_000_000L;

    private final StateBytes.Out buffer = new StateBytes.Out(1 << 20);
    private StateImage image;
    private Object[] roots;
    private long[][] storeArrays;

    @Setup(Level.Trial)
    public void setUp() {
        final EngineConfig config = ConfigLoader.load(null, Map.of());
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final StageChain chain = StageChain.offRing(config, instruments, config.strategies(),
            StrategyRegistry.create(config.strategies(), StrategyLibrary.load()));
        final int days = config.candles().retentionDays();
        final Candle c = new Candle();
        for (int id = 0; id < instruments.size(); id++) {
            for (int m = 0; m < days * 1440; m++) {
                c.instrumentId = id;
                c.openTimeNs = 1_767_225_600_000_000_000L + m * MINUTE_NS;
                c.openE8 = 100_000_000L + m;
                c.highE8 = c.openE8 + 5;
                c.lowE8 = c.openE8 - 5;
                c.closeE8 = c.openE8 + 1;
                c.volumeE8 = 1_000_000 + m;
                c.notionalE8 = c.volumeE8 * 100;
                c.tradeCount = 10;
                c.complete = true;
                chain.candles.warmUp(c);
            }
        }
        if (chain.store.size(0) != days * 1440) {
            throw new IllegalStateException("the store holds " + chain.store.size(0) + " candles, not a full week");
        }
        image = StageChain.stateImage();
        roots = chain.stateRoots();
        buffer.reset();
        image.write(buffer, roots);
        final int bytes = buffer.size();
        storeArrays = new long[8][bytes / 64];
        System.err.println("snapshot state: " + bytes + " bytes");
    }

    @Benchmark
    public int copy() {
        buffer.reset();
        image.write(buffer, roots);
        return buffer.size();
    }

    @Benchmark
    public int bulkArraysOnly() {
        buffer.reset();
        for (long[] a : storeArrays) {
            buffer.writeLongs(a);
        }
        return buffer.size();
    }
}

package io.ringtrader.bench;

import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.pipeline.StageChain;
import io.ringtrader.snapshot.SnapshotTaker;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The part of a snapshot that holds the ring thread: the {@link SnapshotTaker}'s walk of the engine's own stage
 * chain ({@link StageChain#stateRoots()}, default configuration, nine symbols) with the candle store full (7 days of
 * 1-minute candles per symbol, as after a week of running) into one of its reused buffers, as on the ring thread
 * ({@code copy}, one {@code warmUp} walk). {@code bulkArraysOnly} copies as many bytes of plain {@code long[]}, the
 * floor any copy of this state pays. ms per snapshot; B/op with {@code -prof gc} (about 0 for the copy).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dchronicle.analytics.disable=true"})
public class SnapshotCopyBenchmark {
    private static final long MINUTE_NS = 60_000_000_000L;

    private SnapshotTaker taker;
    private Path dir;
    private long[][] arrays;
    private long[][] copies;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
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
        dir = Files.createTempDirectory("ringtrader-snapshot-bench");
        taker = new SnapshotTaker(dir, null, 60 * MINUTE_NS, 1, "bench", StageChain.stateImage(), () -> true,
            chain.stateRoots());
        taker.warmUp(2);
        final int bytes = (int) taker.lastBytes();
        arrays = new long[8][bytes / 64];
        copies = new long[8][bytes / 64];
        System.err.println("snapshot state: " + bytes + " bytes");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        taker.close();
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long copy() {
        return taker.warmUp(1);
    }

    @Benchmark
    public long bulkArraysOnly() {
        long sum = 0;
        for (int i = 0; i < arrays.length; i++) {
            System.arraycopy(arrays[i], 0, copies[i], 0, arrays[i].length);
            sum += copies[i][i];
        }
        return sum;
    }
}

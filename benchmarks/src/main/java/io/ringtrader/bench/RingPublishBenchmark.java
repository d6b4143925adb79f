package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.pipeline.Pipeline;
import io.ringtrader.pipeline.StopSignal;
import io.ringtrader.config.PipelineConfig;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.event.Side;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of publishing one trade into the ring through {@link RingPublisher} with a no-op consumer (the limit every
 * other figure is compared to). Waits for room rather than dropping, so the figure is sustained throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.E1, JvmFlags.E2, JvmFlags.E3, JvmFlags.E4, JvmFlags.O1, JvmFlags.O2,
    JvmFlags.O3, JvmFlags.O4, JvmFlags.O5, JvmFlags.O6, JvmFlags.O7, JvmFlags.A})
public class RingPublishBenchmark {
    @Param({"sleeping", "yielding"})
    public String waitStrategy;

    private Pipeline pipeline;
    private RingPublisher publisher;
    private final AtomicLong consumed = new AtomicLong();
    private long tradeId;

    @Setup(Level.Trial)
    public void setUp() {
        final EventHandler<MarketEvent> noop = (event, sequence, endOfBatch) -> {
            if (endOfBatch) {
                consumed.lazySet(sequence);
            }
        };
        pipeline = new Pipeline(new PipelineConfig(8192, "fused", waitStrategy, 5_000), 9, List.of(noop),
            new StopSignal());
        pipeline.start();
        publisher = pipeline.publisher();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.drainAndStop(5_000);
    }

    @Benchmark
    public long publishTrade() {
        final long id = tradeId++;
        while (!publisher.publishTrade(0, id * 1_000_000L, 6_500_000_000_000L, 1_000_000L, id, Side.BUY, 0, id, 0)) {
            Thread.onSpinWait();
        }
        return id;
    }
}

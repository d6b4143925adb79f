package io.ringtrader.bench;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.strategy.StrategyHandler;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The strategy stage per closed candle: a slot carrying one complete candle (instruments in turn, each a minute
 * after its previous one) goes through {@code onEvent}: regime detector and every active strategy update, then the
 * vote and signal when the instrument may signal (every candle here once warm: 1-minute candles, 60 s interval).
 * {@code strategies=default3} runs the default {@code strategies.active}, {@code all6} the six built-ins. Warmed
 * with 300 history candles per instrument; prices are a random walk whose drift flips, so signals do happen.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.A})
public class StrategyHandlerBenchmark {
    private static final long MINUTE_NS = 60_000_000_000L;

    @Param({"default3", "all6"})
    public String strategies;

    private final MarketEvent event = new MarketEvent(9);
    private final SplittableRandom random = new SplittableRandom(11);
    private StrategyHandler handler;
    private double[] close;
    private double[] drift;
    private long[] openTimeNs;
    private long[] incrementE8;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        final EngineConfig config = "all6".equals(strategies) ? BenchStages.allStrategies()
            : BenchStages.config(Map.of());
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final int n = instruments.size();
        handler = new StrategyHandler(config.strategies(),
            StrategyRegistry.create(config.strategies(), StrategyLibrary.load()), n);
        final Candle[][] history = new SyntheticMarket(instruments, 42).history(300);
        close = new double[n];
        drift = new double[n];
        openTimeNs = new long[n];
        incrementE8 = new long[n];
        for (int id = 0; id < n; id++) {
            for (Candle c : history[id]) {
                handler.warmUp(c);
            }
            final Candle last = history[id][history[id].length - 1];
            close[id] = last.closeE8 / 1e8;
            openTimeNs[id] = last.openTimeNs;
            drift[id] = id % 2 == 0 ? 0.0004 : -0.0004;
            incrementE8[id] = Math.max(1, instruments.get(id).priceIncrementE8());
        }
    }

    @TearDown(Level.Trial)
    public void check() {
        if (handler.counters().signalsWritten() == 0) {
            throw new IllegalStateException("no signal was ever written: the benchmark measures no voting");
        }
        System.out.println("\n" + strategies + ": candles " + handler.counters().candlesSeen() + ", signals "
            + handler.counters().signalsWritten() + ", actionable " + handler.counters().actionableSignals());
    }

    @Benchmark
    public int closedCandle() {
        final int id = next;
        next = next + 1 == close.length ? 0 : next + 1;
        if (random.nextInt(200) == 0) {
            drift[id] = -drift[id];
        }
        final double open = close[id];
        final double c = open * Math.exp(drift[id] + 0.003 * (random.nextDouble() - 0.5));
        close[id] = c;
        openTimeNs[id] += MINUTE_NS;
        event.clear();
        final Candle candle = event.closedCandles.add();
        candle.instrumentId = id;
        candle.openTimeNs = openTimeNs[id];
        candle.openE8 = toE8(id, open);
        candle.closeE8 = toE8(id, c);
        candle.highE8 = Math.max(candle.openE8, candle.closeE8) + incrementE8[id];
        candle.lowE8 = Math.min(candle.openE8, candle.closeE8) - incrementE8[id];
        candle.volumeE8 = 100_000_000L + random.nextInt(1_000_000_000);
        candle.notionalE8 = (long) (candle.volumeE8 * c);
        candle.tradeCount = 50;
        candle.complete = true;
        handler.onEvent(event, 0, true);
        return event.signals.size();
    }

    private long toE8(int id, double price) {
        return Math.max(100 * incrementE8[id], Math.round(price * 1e8 / incrementE8[id]) * incrementE8[id]);
    }
}

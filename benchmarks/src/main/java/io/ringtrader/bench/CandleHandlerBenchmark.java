package io.ringtrader.bench;

import io.ringtrader.candle.CandleHandler;
import io.ringtrader.candle.CandleStore;
import io.ringtrader.candle.ClosedCandleSink;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The candle stage per TRADE event (slot cleared and refilled as the publisher does, then {@code onEvent}).
 * {@code trade}: exchange time advances 10 ms per trade over 9 instruments, so a minute closes (9 candles) every
 * 6,000 events: the steady-state cost. {@code tradeClosingMinute}: every trade is a minute later, so each event
 * closes 9 candles (one per instrument, fillers for the quiet ones) into the slot and the store: the worst event.
 * The Parquet hand-off is replaced by {@link ClosedCandleSink#NONE} (its queue would only overflow at these rates).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.A})
public class CandleHandlerBenchmark {
    private final MarketEvent event = new MarketEvent(9);
    private CandleHandler steady;
    private CandleHandler closing;
    private SyntheticMarket steadyMarket;
    private SyntheticMarket closingMarket;

    @Setup(Level.Trial)
    public void setUp() {
        final EngineConfig config = BenchStages.config(Map.of());
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final int n = instruments.size();
        steady = new CandleHandler(config.candles(), n, new CandleStore(n, config.candles().retentionDays()),
            ClosedCandleSink.NONE);
        closing = new CandleHandler(config.candles(), n, new CandleStore(n, config.candles().retentionDays()),
            ClosedCandleSink.NONE);
        steadyMarket = new SyntheticMarket(instruments, 42);
        closingMarket = new SyntheticMarket(instruments, 42, CandleStore.MINUTE_NS);
    }

    @TearDown(Level.Trial)
    public void check() {
        if (steady.trades() > 0 && steady.candlesClosed() == 0 || closing.trades() > 0
            && closing.candlesClosed() < closing.trades()) {
            throw new IllegalStateException("candles did not close as designed: " + steady.candlesClosed() + ", "
                + closing.candlesClosed());
        }
    }

    @Benchmark
    public int trade() {
        event.clear();
        steadyMarket.nextTrade(event);
        steady.onEvent(event, 0, true);
        return event.closedCandles.size();
    }

    @Benchmark
    public int tradeClosingMinute() {
        event.clear();
        closingMarket.nextTrade(event);
        closing.onEvent(event, 0, true);
        return event.closedCandles.size();
    }
}

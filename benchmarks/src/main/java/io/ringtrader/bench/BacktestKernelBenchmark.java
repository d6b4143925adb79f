package io.ringtrader.bench;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Candle;
import io.ringtrader.strategy.Strategy;
import io.ringtrader.strategy.StrategyFactory;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.Vote;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The backtest kernel: one candle x strategy update (the strategy's {@code onCandle}, then its {@code vote}), as
 * {@code backtest} and {@code optimize} run it for every closed candle. {@code incremental} is the engine's way:
 * O(1) indicators updated by the new candle. {@code naiveFullWindow} is what a pandas-style system does each
 * cycle: recompute every indicator over the whole window (the last {@code window} candles) from scratch, here with
 * the same strategy class fed the window anew, so both give the same votes (checked in setup: same action,
 * confidence within 1e-9, over 2,000 candles). {@code allSix} updates the six library strategies per candle;
 * {@code incrementalTwoThreads} runs {@code incremental} on both cores (state is per thread).
 * Seeded synthetic random-walk candles; ns per operation (one candle).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.A})
public class BacktestKernelBenchmark {
    private static final int CANDLES = 1 << 16;
    private static final long MINUTE_NS = 60_000_000_000L;

    /** Candles the naive version recomputes over each cycle (1440: a day; the strategy needs at least 28). */
    @Param({"1440"})
    public int window;

    private final Vote vote = new Vote();
    private Candle[] candles;
    private StrategyFactory trend;
    private Strategy incremental;
    private Strategy[] six;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        candles = randomWalk(CANDLES, 5);
        final StrategyLibrary library = StrategyLibrary.load();
        trend = library.configure("trend_following", ConfigNode.empty()).factory();
        incremental = trend.create(0);
        final List<String> names = library.names();
        six = new Strategy[names.size()];
        for (int i = 0; i < six.length; i++) {
            six[i] = library.configure(names.get(i), ConfigNode.empty()).factory().create(0);
        }
        for (int i = 0; i < window; i++) {
            incremental.onCandle(candles[i]);
            for (Strategy s : six) {
                s.onCandle(candles[i]);
            }
        }
        next = window;
        checkSameVotes();
    }

    /** The naive and the incremental version vote alike (else the comparison would be meaningless). */
    private void checkSameVotes() {
        final Strategy check = trend.create(0);
        final Vote a = new Vote();
        final Vote b = new Vote();
        int actionable = 0;
        for (int i = 0; i < window + 2_000; i++) {
            check.onCandle(candles[i]);
            if (i < window) {
                continue;
            }
            check.vote(a);
            naive(i, b);
            if (a.action != b.action || Math.abs(a.confidence - b.confidence) > 1e-9) {
                throw new IllegalStateException("naive and incremental votes differ at candle " + i + ": " + a.action
                    + "/" + a.confidence + " vs " + b.action + "/" + b.confidence);
            }
            actionable += a.confidence > 0 ? 1 : 0;
        }
        if (actionable == 0) {
            throw new IllegalStateException("no actionable vote: the check compared nothing");
        }
    }

    private int advance() {
        final int i = next;
        next = next + 1 == CANDLES ? window : next + 1;
        return i;
    }

    @Benchmark
    public double incremental() {
        incremental.onCandle(candles[advance()]);
        incremental.vote(vote);
        return vote.confidence;
    }

    /**
     * {@link #incremental} on two threads at once, each with its own strategy and candles (as {@code optimize}'s
     * workers run): updates a second on the machine = threads / (ns per op) x 1e9.
     */
    @Benchmark
    @Threads(2)
    public double incrementalTwoThreads() {
        return incremental();
    }

    @Benchmark
    public double naiveFullWindow() {
        naive(advance(), vote);
        return vote.confidence;
    }

    @Benchmark
    public double allSix() {
        final Candle c = candles[advance()];
        double sum = 0;
        for (Strategy s : six) {
            s.onCandle(c);
            s.vote(vote);
            sum += vote.confidence;
        }
        return sum;
    }

    /** Recomputes from scratch over the {@code window} candles ending at {@code i}. */
    private void naive(int i, Vote out) {
        final Strategy fresh = trend.create(0);
        for (int k = i - window + 1; k <= i; k++) {
            fresh.onCandle(candles[k]);
        }
        fresh.vote(out);
    }

    private static Candle[] randomWalk(int n, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final Candle[] out = new Candle[n];
        double close = 30_000;
        double drift = 0.0003;
        for (int i = 0; i < n; i++) {
            if (random.nextInt(300) == 0) {
                drift = -drift;
            }
            final double open = close;
            close = open * Math.exp(drift + 0.002 * (random.nextDouble() - 0.5));
            final Candle c = new Candle();
            c.openTimeNs = i * MINUTE_NS;
            c.openE8 = Math.round(open * 100) * 1_000_000L;
            c.closeE8 = Math.round(close * 100) * 1_000_000L;
            c.highE8 = Math.max(c.openE8, c.closeE8) + 1_000_000L * (1 + random.nextInt(500));
            c.lowE8 = Math.min(c.openE8, c.closeE8) - 1_000_000L * (1 + random.nextInt(500));
            c.volumeE8 = 100_000_000L + random.nextInt(1_000_000_000);
            c.notionalE8 = (long) (c.volumeE8 * close);
            c.tradeCount = 20;
            c.complete = true;
            out[i] = c;
        }
        return out;
    }
}

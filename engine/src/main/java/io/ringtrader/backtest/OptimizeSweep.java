package io.ringtrader.backtest;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.research.WalkForward;
import io.ringtrader.strategy.StrategyRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The backtests of an {@code optimize} search: every parameter set on every walk-forward fold's training and test
 * period, each through an unchanged {@link BacktestSession}, on a fixed pool of threads. The candles are sliced per
 * fold once and shared read-only by every set; each result lands in its own slot, so the output does not depend on
 * which thread ran what or when. Built and run on one coordinating thread; the workers only read the inputs.
 */
public final class OptimizeSweep {
    /** Told after each finished backtest (on the coordinating thread). */
    public interface Progress {
        void done(long backtests, long total);
    }

    private final String label;
    private final List<EngineConfig> configs;
    private final List<StrategyRegistry> registries;
    private final Instruments instruments;
    private final Candle[][][] parts;
    private final long candlesPerSet;

    /** A sweep of set k = ({@code configs[k]}, {@code registries[k]}) over {@code candles} cut by {@code folds}. */
    public OptimizeSweep(String label, List<EngineConfig> configs, List<StrategyRegistry> registries,
                         Instruments instruments, Candle[] candles, WalkForward folds) {
        if (configs.size() != registries.size()) {
            throw new IllegalArgumentException(configs.size() + " configs but " + registries.size() + " registries");
        }
        this.label = label;
        this.configs = List.copyOf(configs);
        this.registries = List.copyOf(registries);
        this.instruments = instruments;
        final List<WalkForward.Fold> list = folds.folds();
        parts = new Candle[list.size()][2][];
        long perSet = 0;
        for (int f = 0; f < list.size(); f++) {
            parts[f][0] = slice(candles, list.get(f).trainFromNs(), list.get(f).trainToNs());
            parts[f][1] = slice(candles, list.get(f).trainToNs(), list.get(f).testToNs());
            perSet += parts[f][0].length + parts[f][1].length;
        }
        candlesPerSet = perSet;
    }

    /** Parameter sets. */
    public int sets() {
        return configs.size();
    }

    /** Candles one set runs over (every fold's training and test period). */
    public long candlesPerSet() {
        return candlesPerSet;
    }

    /** Backtests of the whole sweep: sets x folds x 2. */
    public long backtests() {
        return (long) configs.size() * parts.length * 2;
    }

    /**
     * Runs every backtest on {@code threads} threads; result [set][fold][0 = train, 1 = test]. A failed backtest
     * fails the sweep.
     */
    OptimizeSegment[][][] run(int threads, Progress progress) throws InterruptedException {
        final int sets = configs.size();
        final OptimizeSegment[][][] out = new OptimizeSegment[sets][parts.length][2];
        final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, "optimize-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            final ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
            for (int k = 0; k < sets; k++) {
                for (int f = 0; f < parts.length; f++) {
                    for (int p = 0; p < 2; p++) {
                        final int kk = k;
                        final int ff = f;
                        final int pp = p;
                        done.submit(() -> {
                            out[kk][ff][pp] = OptimizeSegment.run(label, configs.get(kk), instruments,
                                registries.get(kk), parts[ff][pp]);
                            return null;
                        });
                    }
                }
            }
            final long total = backtests();
            for (long n = 1; n <= total; n++) {
                final Future<Void> next = done.take();
                try {
                    next.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a backtest failed: " + e.getCause(), e.getCause());
                }
                if (progress != null) {
                    progress.done(n, total);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * Runs the sweep and returns a digest of every segment's per-minute returns and figures (fills, fees, trades),
     * in set, fold, period order: equal digests mean equal results (the benchmark compares its variants by it).
     */
    public long runDigest(int threads) throws InterruptedException {
        long h = 1125899906842597L;
        for (OptimizeSegment[][] set : run(threads, null)) {
            for (OptimizeSegment[] fold : set) {
                for (OptimizeSegment s : fold) {
                    for (double r : s.returns()) {
                        h = 31 * h + Double.doubleToLongBits(r);
                    }
                    final BacktestStats st = s.stats();
                    h = 31 * h + st.metrics().toString().hashCode();
                    h = 31 * h + st.fills();
                    h = 31 * h + st.finalEquityE8();
                    h = 31 * h + st.feesE8();
                    h = 31 * h + st.realizedPnlE8();
                    h = 31 * h + Arrays.hashCode(st.exits());
                }
            }
        }
        return h;
    }

    /** The candles opening in [fromNs, toNs) of a time-ordered array. */
    static Candle[] slice(Candle[] candles, long fromNs, long toNs) {
        int from = 0;
        while (from < candles.length && candles[from].openTimeNs < fromNs) {
            from++;
        }
        int to = from;
        while (to < candles.length && candles[to].openTimeNs < toNs) {
            to++;
        }
        return Arrays.copyOfRange(candles, from, to);
    }
}

package io.ringtrader.bench;

import io.ringtrader.backtest.OptimizeSweep;
import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import io.ringtrader.research.WalkForward;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyProvider;
import io.ringtrader.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code sweep [repeats] [naiveSets] [sets] [days]}: the backtests of an {@code optimize} search timed as the command
 * runs them ({@link OptimizeSweep}): {@code sets} (100) {@code trend_following} parameter sets (fast_period 5..50:5
 * x slow_period 60..150:10) over {@code days} (7) of seeded synthetic 1-minute candles of the 9 default symbols,
 * on the command's default walk-forward folds (rolling, train 1 day, test 12 hours), each backtest through the whole
 * backtest path (strategy stage, risk, order manager, paper matching on a four-trade path per bar). Reports seconds
 * per sweep and candle x set updates a second on every core and on one: medians of {@code repeats}, interleaved,
 * after one warm-up sweep; every sweep's results must equal the first's. The baseline, in the same run:
 * {@code naiveSets} (2) of the sets with {@link NaiveFullWindowProvider} (every indicator of the strategy
 * recomputed over the whole window each candle), timed on every core and scaled to {@code sets}; its results must
 * equal the incremental run of the same sets (digest of every return and figure), else it fails.
 */
final class KernelSweep {
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long HOUR_NS = 60 * MINUTE_NS;
    /** 2026-01-05T00:00:00Z. */
    private static final long START_NS = 1_767_571_200_000_000_000L;

    private KernelSweep() {
    }

    public static void main(String[] args) throws Exception {
        final int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        final int naiveSets = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        final int sets = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        final int days = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        final int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("# sweep: " + Machine.describe());
        System.out.println("# load average at start: " + Machine.loadAverage());

        final EngineConfig base = ConfigLoader.load(null, Map.of());
        final Instruments instruments = base.instruments().build(base.symbols(), base.quoteCurrency());
        final Candle[] candles = candles(instruments, days, 42);
        final WalkForward folds = WalkForward.of(START_NS, START_NS + days * 24 * HOUR_NS, 24 * HOUR_NS,
            12 * HOUR_NS, false);
        final OptimizeSweep sweep = sweep("trend_following", StrategyLibrary.load(), sets, instruments, candles, folds);
        final long updates = sweep.candlesPerSet() * sets;
        System.out.printf(Locale.ROOT, "# %d sets x %d folds (rolling, train 1d, test 12h) over %d days of %d symbols"
                + " (%,d candles): %,d backtests, %,d candle x set updates per sweep%n", sets, folds.folds().size(),
            days, instruments.size(), candles.length, sweep.backtests(), updates);

        final long digest = sweep.runDigest(cores); // warm-up, and the reference result
        final double[] all = new double[repeats];
        final double[] one = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            // interleaved, odd repeats in reverse order, so drift in the machine's load hits both alike
            if (r % 2 == 0) {
                all[r] = time(sweep, cores, digest);
                one[r] = time(sweep, 1, digest);
            } else {
                one[r] = time(sweep, 1, digest);
                all[r] = time(sweep, cores, digest);
            }
        }
        report("incremental, " + cores + " threads", all, updates);
        report("incremental, 1 thread", one, updates);

        final OptimizeSweep subset = sweep("trend_following", StrategyLibrary.load(), naiveSets, instruments, candles,
            folds);
        final List<StrategyProvider> providers = new ArrayList<>(StrategyLibrary.builtIns());
        providers.add(new NaiveFullWindowProvider(base.candles().retentionDays() * 1440));
        final OptimizeSweep naive = sweep(NaiveFullWindowProvider.NAME, StrategyLibrary.of(providers), naiveSets,
            instruments, candles, folds);
        final long subsetDigest = subset.runDigest(cores);
        final long startNs = System.nanoTime();
        final long naiveDigest = naive.runDigest(cores);
        final double naiveSeconds = (System.nanoTime() - startNs) / 1e9;
        if (naiveDigest != subsetDigest) {
            throw new IllegalStateException("the naive sweep's results differ from the incremental one's: "
                + naiveDigest + " vs " + subsetDigest);
        }
        final long naiveUpdates = naive.candlesPerSet() * naiveSets;
        final double scaled = naiveSeconds * sets / naiveSets;
        System.out.printf(Locale.ROOT, "naive full window, %d threads: %d sets measured in %.2f s (%,.0f updates/s),"
                + " results equal to the incremental run's; scaled to %d sets: %.0f s per sweep%n", cores, naiveSets,
            naiveSeconds, naiveUpdates / naiveSeconds, sets, scaled);
        System.out.printf(Locale.ROOT, "ratio (naive scaled / incremental, %d threads, medians): %.0fx%n", cores,
            scaled / median(all));
        System.out.println("# load average at end: " + Machine.loadAverage());
    }

    private static OptimizeSweep sweep(String strategy, StrategyLibrary library, int sets, Instruments instruments,
                                       Candle[] candles, WalkForward folds) {
        final List<EngineConfig> configs = new ArrayList<>();
        final List<StrategyRegistry> registries = new ArrayList<>();
        final String prefix = "strategies.params." + strategy + ".";
        for (int k = 0; k < sets; k++) {
            final EngineConfig c = ConfigLoader.load(null, Map.of(prefix + "fast_period", 5 + 5 * (k / 10 % 10),
                prefix + "slow_period", 60 + 10 * (k % 10)));
            configs.add(c);
            registries.add(StrategyRegistry.create(c.strategies().withActive(List.of(strategy)), library));
        }
        return new OptimizeSweep(strategy, configs, registries, instruments, candles, folds);
    }

    private static double time(OptimizeSweep sweep, int threads, long digest) throws InterruptedException {
        System.gc();
        final long startNs = System.nanoTime();
        final long d = sweep.runDigest(threads);
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        if (d != digest) {
            throw new IllegalStateException("a sweep on " + threads + " threads gave other results");
        }
        return seconds;
    }

    private static void report(String what, double[] seconds, long updates) {
        final double m = median(seconds);
        System.out.printf(Locale.ROOT, "%s: %.2f s per sweep (median of %s), %,.0f candle x set updates/s%n", what,
            m, Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 100) / 100.0).toArray()), updates / m);
    }

    private static double median(double[] values) {
        final double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Seeded random walks, one per instrument, whose drift flips now and then; time order, then instrument. */
    static Candle[] candles(Instruments instruments, int days, long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final int n = instruments.size();
        final double[] close = new double[n];
        final double[] drift = new double[n];
        for (int id = 0; id < n; id++) {
            final long ref = instruments.get(id).referencePriceE8();
            close[id] = ref > 0 ? ref / 1e8 : 100.0;
            drift[id] = (id % 2 == 0 ? 1 : -1) * 0.0002;
        }
        final int minutes = days * 1440;
        final Candle[] out = new Candle[minutes * n];
        for (int m = 0; m < minutes; m++) {
            for (int id = 0; id < n; id++) {
                if (random.nextInt(300) == 0) {
                    drift[id] = -drift[id];
                }
                final long inc = Math.max(1, instruments.get(id).priceIncrementE8());
                final double open = close[id];
                close[id] = open * Math.exp(drift[id] + 0.002 * (random.nextDouble() - 0.5));
                final Candle c = new Candle();
                c.instrumentId = id;
                c.openTimeNs = START_NS + m * MINUTE_NS;
                c.openE8 = toE8(open, inc);
                c.closeE8 = toE8(close[id], inc);
                final double range = open * 0.0005 * random.nextDouble();
                c.highE8 = Math.max(c.openE8, c.closeE8) + toE8(range, inc);
                c.lowE8 = Math.max(inc, Math.min(c.openE8, c.closeE8) - toE8(range, inc));
                c.volumeE8 = 100_000_000L + random.nextInt(1_000_000_000);
                c.notionalE8 = (long) (c.volumeE8 / 1e8 * close[id] * 1e8);
                c.tradeCount = 10 + random.nextInt(100);
                c.complete = true;
                out[m * n + id] = c;
            }
        }
        return out;
    }

    private static long toE8(double price, long incrementE8) {
        return Math.max(incrementE8, Math.round(price * 1e8 / incrementE8) * incrementE8);
    }
}

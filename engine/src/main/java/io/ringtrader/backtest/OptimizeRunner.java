package io.ringtrader.backtest;

import io.ringtrader.console.ProgressBar;
import io.ringtrader.config.ExitCodes;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.research.ParamGrid;
import io.ringtrader.research.ParamRange;
import io.ringtrader.research.WalkForward;
import io.ringtrader.store.CandleParquetFiles;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code optimize} (see {@link OptimizeCommand}): every parameter set of the grid (or the seeded sample of
 * it) is backtested, through the unchanged {@link BacktestSession}, on each walk-forward fold's training and test
 * period, on a fixed pool of threads; each result lands in its own slot, so the output does not depend on which
 * thread ran what or when. Then {@link OptimizeReport} ranks the sets on their out-of-sample figures and writes the
 * table, {@code optimize.json} and the chosen parameters. A bad option, an unknown strategy or parameter name, or a
 * range without candles is a usage error (exit 2).
 */
public final class OptimizeRunner {
    /** Everything {@code optimize} was asked. */
    public record Settings(String strategy, List<String> params, String from, String to, int samples, long seed,
                    long trainNs, long testNs, boolean anchored, int threads, int pboBlocks, Path out) {
    }

    private final Path dataDir;
    private final Path configFile;
    private final Map<String, Object> overrides;
    private final EngineConfig config;
    private final Settings s;
    private final PrintStream console;

    public OptimizeRunner(Path dataDir, Path configFile, Map<String, Object> overrides, EngineConfig config,
                          Settings settings, PrintStream console) {
        this.dataDir = dataDir;
        this.configFile = configFile;
        this.overrides = overrides;
        this.config = config;
        this.s = settings;
        this.console = console;
    }

    public int run() throws IOException, InterruptedException {
        final LocalDate fromDate = date("--from", s.from());
        final LocalDate toDate = date("--to", s.to());
        if (fromDate.isAfter(toDate)) {
            throw new ConfigException("--to", toDate + " is before --from " + fromDate);
        }
        final StrategyLibrary library = StrategyLibrary.load();
        if (library.provider(s.strategy()) == null) {
            throw new ConfigException("--strategy", "unknown strategy '" + s.strategy() + "'; known: "
                + library.names());
        }
        final List<ParamRange> ranges = new ArrayList<>();
        for (String p : s.params()) {
            ranges.add(ParamRange.parse(p));
        }
        final ParamGrid grid = ParamGrid.of(ranges, s.samples(), s.seed());
        final WalkForward folds = WalkForward.of(CandleParquetFiles.startNs(fromDate),
            CandleParquetFiles.startNs(toDate.plusDays(1)), s.trainNs(), s.testNs(), s.anchored());

        final List<Integer> runnable = new ArrayList<>();
        final List<EngineConfig> configs = new ArrayList<>();
        final List<StrategyRegistry> registries = new ArrayList<>();
        final Map<String, String> skipped = new LinkedHashMap<>();
        configure(library, grid, runnable, configs, registries, skipped);

        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final BacktestCandles candles = BacktestCandles.load(dataDir, instruments, fromDate, toDate);
        if (candles.size() == 0) {
            throw new ConfigException("--data-dir", "no candles of " + String.join(",", config.symbols())
                + " between " + fromDate + " and " + toDate + " in " + dataDir.resolve("candles")
                + "/{SYMBOL}/*.parquet (download them with the download command)");
        }
        final int foldCount = folds.folds().size();
        console.printf(java.util.Locale.ROOT, "Optimize %s on %s..%s (%,d candles of %s): %d parameter sets x %d"
            + " walk-forward folds (%s), %d threads%n", s.strategy(), fromDate, toDate, candles.size(),
            String.join(",", config.symbols()), runnable.size(), foldCount, s.anchored() ? "anchored" : "rolling",
            s.threads());

        final OptimizeSegment[][][] segments = backtest(runnable, configs, registries, instruments, candles, folds);
        final List<OptimizeSetResult> results = new ArrayList<>();
        for (int k = 0; k < runnable.size(); k++) {
            final OptimizeSegment[] train = new OptimizeSegment[foldCount];
            final OptimizeSegment[] test = new OptimizeSegment[foldCount];
            for (int f = 0; f < foldCount; f++) {
                train[f] = segments[k][f][0];
                test[f] = segments[k][f][1];
            }
            results.add(new OptimizeSetResult(runnable.get(k), grid.values(runnable.get(k)), train, test));
        }
        final OptimizeReport report = new OptimizeReport(s, fromDate, toDate, folds, results, skipped,
            config.symbols());
        report.write(console);
        return ExitCodes.OK;
    }

    /** Each set's configuration; an unknown parameter name stops the run, a value a set cannot take skips it. */
    private void configure(StrategyLibrary library, ParamGrid grid, List<Integer> runnable, List<EngineConfig> configs,
                           List<StrategyRegistry> registries, Map<String, String> skipped) {
        final String prefix = "strategies.params." + s.strategy() + ".";
        ConfigException first = null;
        for (int i = 0; i < grid.size(); i++) {
            final Map<String, Object> setOverrides = new LinkedHashMap<>(overrides);
            setOverrides.putAll(grid.overrides(i, prefix));
            try {
                final EngineConfig c = ConfigLoader.load(configFile, setOverrides);
                registries.add(StrategyRegistry.create(c.strategies().withActive(List.of(s.strategy())), library));
                configs.add(c);
                runnable.add(i);
            } catch (ConfigException e) {
                if (e.getMessage().contains("unknown key")) {
                    throw new ConfigException("--param", e.getMessage());
                }
                first = first == null ? e : first;
                skipped.put(grid.label(i), e.getMessage());
            }
        }
        if (runnable.isEmpty()) {
            throw new ConfigException("--param", "no parameter set is valid; the first: " + first.getMessage());
        }
    }

    private OptimizeSegment[][][] backtest(List<Integer> runnable, List<EngineConfig> configs,
                                           List<StrategyRegistry> registries, Instruments instruments,
                                           BacktestCandles candles, WalkForward folds)
        throws InterruptedException {
        final OptimizeSweep sweep = new OptimizeSweep(s.strategy(), configs, registries, instruments,
            candles.candles(), folds);
        final long startNs = System.nanoTime();
        final ProgressBar bar = new ProgressBar(console, "backtests", sweep.backtests(), startNs);
        final OptimizeSegment[][][] out = sweep.run(s.threads(), (n, total) -> bar.update(n, System.nanoTime(),
            false));
        final long endNs = System.nanoTime();
        bar.finish(sweep.backtests(), endNs);
        // wall time, so printed beside the table, never in it: the table and files stay identical run to run
        final long swept = sweep.candlesPerSet() * runnable.size();
        console.printf(java.util.Locale.ROOT, "%,d backtests over %,d candles in %.1f s: %,.0f candles/s"
            + " (candle x parameter set, through the whole backtest path) on %d threads%n", sweep.backtests(), swept,
            (endNs - startNs) / 1e9, swept * 1e9 / Math.max(1, endNs - startNs), s.threads());
        return out;
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(option, "'" + text + "' is not a date (YYYY-MM-DD, UTC)");
        }
    }
}

package io.ringtrader.app;

import io.ringtrader.backtest.OptimizeRunner;
import io.ringtrader.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code optimize}: walk-forward search of one strategy's parameters, ranked on out-of-sample results only. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
    description = "Walk-forward parameter search for one strategy on stored candles: every set backtested on each"
        + " fold's training and test period, ranked on the test periods (net of costs), with the deflated Sharpe"
        + " ratio and the probability of backtest overfitting. --seed (default 42) seeds --samples.")
public final class OptimizeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--strategy", paramLabel = "NAME", required = true, description = "The strategy to tune.")
    String strategy;

    @Option(names = "--param", paramLabel = "NAME=FROM..TO:STEP", required = true,
        description = "A parameter and its values (NAME=FROM..TO:STEP, NAME=A,B,C or NAME=V); repeatable.")
    List<String> params;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", required = true, description = "First day (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", required = true, description = "Last day (UTC), inclusive.")
    String to;

    @Option(names = "--samples", paramLabel = "N",
        description = "Random search: N distinct sets of the grid drawn with --seed (default: the whole grid).")
    int samples;

    @Option(names = "--train", paramLabel = "D", description = "Training period per fold (default: ${DEFAULT-VALUE}).")
    String train = "1d";

    @Option(names = "--test", paramLabel = "D", description = "Test period per fold (default: ${DEFAULT-VALUE}).")
    String test = "12h";

    @Option(names = "--anchored", description = "Anchored folds: training always starts at --from (default:"
        + " rolling).")
    boolean anchored;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--pbo-blocks", paramLabel = "N",
        description = "CSCV blocks for the overfitting probability, even, 2..24 (default: ${DEFAULT-VALUE}).")
    int pboBlocks = 16;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Launch.run(options, spec.commandLine().getErr(), config -> {
            if (samples < 0) {
                throw new ConfigException("--samples", "must be 0 (the whole grid) or more, got " + samples);
            }
            final int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (workers < 1 || workers > 256) {
                throw new ConfigException("--threads", "must be between 1 and 256, got " + workers);
            }
            if (pboBlocks < 2 || pboBlocks > 24 || pboBlocks % 2 != 0) {
                throw new ConfigException("--pbo-blocks", "must be even, between 2 and 24, got " + pboBlocks);
            }
            final long trainNs = duration("--train", train);
            final long testNs = duration("--test", test);
            final long seed = options.seed == null ? 42 : options.seed;
            final OptimizeRunner.Settings settings = new OptimizeRunner.Settings(strategy, params, from, to, samples,
                seed, trainNs, testNs, anchored, workers, pboBlocks, out);
            return new OptimizeRunner(options.dataDir, options.configFile(), options.overrides(), config, settings,
                System.out).run();
        });
    }

    private static long duration(String option, String text) {
        try {
            final long ms = DurationParser.parseMillis(text);
            if (ms < 60_000) {
                throw new ConfigException(option, "must be at least one minute, got " + text);
            }
            return ms * 1_000_000L;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option, e.getMessage());
        }
    }
}

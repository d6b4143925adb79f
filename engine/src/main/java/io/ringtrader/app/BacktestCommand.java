package io.ringtrader.app;

import io.ringtrader.backtest.BacktestRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backtest}: stored Parquet candles, or a journal's recorded trades, through the same strategy, risk and
 * portfolio stages as live.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Backtest strategies on stored candles (DATA_DIR/candles/SYM/*.parquet) or, with --journal, on a"
        + " journal's recorded trades.")
public final class BacktestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
        description = "First day (UTC); required for candles, optional with --journal.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD",
        description = "Last day (UTC), inclusive; required for candles, optional with --journal.")
    String to;

    @Option(names = "--strategies", paramLabel = "a,b,...", split = ",",
        description = "Strategies to run (default: every strategy in the library, each alone, plus the active set).")
    List<String> strategies;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Launch.run(options, spec.commandLine().getErr(),
            config -> new BacktestRunner(config, options.dataDir, from, to, strategies, out, System.out)
                .fromJournal(options.journal)
                .run());
    }
}

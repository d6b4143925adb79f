package io.ringtrader.app;

import io.ringtrader.config.EngineConfig;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code backtest}; see {@link BacktestCommand}. */
final class BacktestRunner {
    private final EngineConfig config;
    private final CommonOptions options;
    private final String from;
    private final String to;
    private final List<String> strategies;
    private final Path out;

    BacktestRunner(EngineConfig config, CommonOptions options, String from, String to, List<String> strategies,
                   Path out) {
        this.config = config;
        this.options = options;
        this.from = from;
        this.to = to;
        this.strategies = strategies;
        this.out = out;
    }

    int run() {
        throw new UnsupportedOperationException("backtest is not implemented yet (" + config.symbols() + " "
            + options.dataDir + " " + from + ".." + to + " " + strategies + " -> " + out + ")");
    }
}

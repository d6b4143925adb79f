package io.ringtrader.app;

import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands. */
@Command(name = "engine.jar", mixinStandardHelpOptions = true, version = "RingTrader 0.1.0",
    description = "RingTrader: low-latency crypto paper trading on an LMAX Disruptor ring.",
    subcommands = {LiveTradingCommand.class, DataOnlyCommand.class, ReplayCommand.class, BacktestCommand.class,
        JournalCommand.class, DownloadCommand.class, OptimizeCommand.class})
public final class RingTraderCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "Missing command: live-trading, data-only (data-collection), replay or backtest");
    }
}

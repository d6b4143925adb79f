package io.ringtrader.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code live-trading}: market data, candles, strategies, risk and the paper portfolio. */
@Command(name = "live-trading", mixinStandardHelpOptions = true,
    description = "Trade the paper portfolio on live (or built-in exchange) market data.")
public final class LiveTradingCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--reset-drawdown", description = "release drawdown protection now and restart its peak at the"
        + " current equity (journaled, so replays reset at the same point).")
    boolean resetDrawdown;

    @Override
    public Integer call() {
        return Launch.run(options, spec.commandLine().getErr(),
            config -> new EngineRunner(config, options, EngineMode.LIVE_TRADING).resetDrawdown(resetDrawdown).run());
    }
}

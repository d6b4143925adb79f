package io.ringtrader.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code data-only} (also {@code data-collection}): market data into the journal, candles and Parquet. */
@Command(name = "data-only", aliases = "data-collection", mixinStandardHelpOptions = true,
    description = "Collect market data: journal every event, build candles, write Parquet. No trading.")
public final class DataOnlyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Launch.run(options, spec.commandLine().getErr(),
            config -> new EngineRunner(config, options, EngineMode.DATA_ONLY).run());
    }
}

package io.ringtrader.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay}: push a journal's inputs through the full pipeline again, optionally verifying every output. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a journal through the full pipeline into a new output folder; --verify compares every"
        + " derived event with the journaled one.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--verify", description = "Compare candles, signals, decisions and fills with the journal;"
        + " exit 0 only if all are identical.")
    boolean verify;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new folder under"
        + " DATA_DIR/replays/).")
    Path out;

    @Option(names = "--from-snapshot", paramLabel = "PATH", description = "Start the stages from a snapshot (a"
        + " file, or a folder such as DATA_DIR/snapshots: its newest good one) and replay only the journal after"
        + " it; a damaged snapshot is reported and the one before it used.")
    Path fromSnapshot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Launch.run(options, spec.commandLine().getErr(),
            config -> new ReplayRunner(config, options, verify, out, fromSnapshot).run());
    }
}

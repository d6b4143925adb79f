package io.ringtrader.app;

import io.ringtrader.snapshot.SnapshotFile;
import io.ringtrader.snapshot.SnapshotStore;
import io.ringtrader.journal.JournalNotes;
import io.ringtrader.config.ExitCodes;
import io.ringtrader.source.JournalSource;
import io.ringtrader.console.ProgressBar;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.VerifyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs {@code replay}: the journal's inputs, in order, through a fresh full pipeline writing into {@code --out},
 * with the strategies the recorded session used. With {@code --verify}, every derived event is compared with the
 * one journaled live and the first difference is reported; the exit code is 0 only if all are identical.
 */
final class ReplayRunner {
    private final Logger log = LogManager.getLogger(ReplayRunner.class);
    private final EngineConfig config;
    private final CommonOptions options;
    private final boolean verify;
    private final Path out;
    private final Path fromSnapshot;

    ReplayRunner(EngineConfig config, CommonOptions options, boolean verify, Path out, Path fromSnapshot) {
        this.config = config;
        this.options = options;
        this.verify = verify;
        this.out = out;
        this.fromSnapshot = fromSnapshot;
    }

    int run() throws Exception {
        if (options.journal == null) {
            throw new ConfigException("--journal", "replay needs --journal DIR, the journal to replay (e.g."
                + " data/journal)");
        }
        if (!Files.isDirectory(options.journal) || !Journal.hasQueueFiles(options.journal)) {
            throw new ConfigException("--journal", "'" + options.journal + "' is not a journal directory");
        }
        final Path outDir = out != null ? out : nextReplayDir(options.dataDir.resolve("replays"));
        if (Files.isDirectory(outDir.resolve("journal")) && Journal.hasQueueFiles(outDir.resolve("journal"))) {
            throw new ConfigException("--out", "'" + outDir + "' already holds a replay; choose an empty folder");
        }
        if (outDir.toAbsolutePath().normalize().equals(options.journal.toAbsolutePath().normalize().getParent())) {
            throw new ConfigException("--out", "must not be the folder of the journal being replayed");
        }
        Files.createDirectories(outDir);
        try (Journal source = Journal.openReadOnly(options.journal)) {
            final long inputs = io.ringtrader.journal.JournalCheck.requireWhole(source).inputs();
            final List<String> symbols = JournalNotes.sessionSymbols(source);
            final EngineConfig sessionConfig = symbols == null ? config : config.withSymbols(symbols);
            final StrategySelection.Choice recorded = StrategySelection.fromJournal(source);
            final StrategySelection.Choice choice = recorded != null ? recorded
                : new StrategySelection.Choice(config.strategies().active(), "no selection journaled: config");
            log.info("Replaying {} input events from {} into {} with symbols {} and strategies {}", inputs,
                options.journal, outDir, sessionConfig.symbols(), choice.active());
            final SnapshotFile.Loaded snapshot = fromSnapshot == null ? null : snapshot(source, sessionConfig);
            final long after = snapshot == null ? -1 : snapshot.header().journalIndex();
            final ProgressBar bar = new ProgressBar(System.out, "events", inputs, System.nanoTime());
            final JournalSource replay = JournalSource.replay(source, after, speed(),
                done -> bar.update(done, System.nanoTime(), false), config.pipeline().backgroundIdle());
            final VerifyHandler verifier = verify ? new VerifyHandler(source, after) : null;
            final long startNs = System.nanoTime();
            final int code = new EngineRunner(sessionConfig, options, EngineMode.REPLAY, outDir, replay, verifier)
                .withStrategies(choice).fromSnapshot(snapshot).run();
            final long elapsedNs = System.nanoTime() - startNs;
            bar.finish(replay.published(), System.nanoTime());
            System.out.printf(Locale.ROOT, "Replayed %,d events in %.2f s (%,.0f events/s) into %s%n",
                replay.published(), elapsedNs / 1e9, replay.published() * 1e9 / elapsedNs, outDir);
            if (verifier == null) {
                return code;
            }
            verifier.remainingExpected();
            verifier.close();
            if (verifier.mismatches() == 0) {
                System.out.printf(Locale.ROOT, "verify: OK, %,d derived events (candles, signals, decisions, fills)"
                    + " identical to the journal%n", verifier.compared());
                log.info("verify OK: {} derived events identical", verifier.compared());
                return code;
            }
            System.out.printf(Locale.ROOT, "verify: FAILED, %,d differences in %,d derived events; first:%n%s%n",
                verifier.mismatches(), verifier.compared(), verifier.firstDifference());
            log.error("verify FAILED: {} differences; first: {}", verifier.mismatches(), verifier.firstDifference());
            return ExitCodes.FAILURE;
        }
    }

    /** The newest good snapshot at --from-snapshot, checked against the journal it claims to reflect. */
    private SnapshotFile.Loaded snapshot(Journal source, EngineConfig sessionConfig) throws IOException {
        final SnapshotFile.Loaded s = SnapshotStore.newestGood(fromSnapshot, damaged -> {
            log.warn(damaged);
            System.out.println("warning: " + damaged);
        });
        if (s == null) {
            throw new ConfigException("--from-snapshot", "no usable snapshot at '" + fromSnapshot + "'");
        }
        final String misfit = SnapshotChoice.misfit(s, source, sessionConfig.symbols());
        if (misfit != null) {
            throw new ConfigException("--from-snapshot", misfit);
        }
        log.info("Replaying from snapshot {} (journal index {})", s.file(), s.header().journalIndex());
        System.out.printf(Locale.ROOT, "Replaying from snapshot %s (journal index %d, %s)%n", s.file(),
            s.header().journalIndex(), io.ringtrader.event.Rfc3339.formatMicros(s.header().exchangeTimeNs()));
        return s;
    }

    private double speed() {
        return options.speed == null ? 0 : options.speed;
    }


    private static Path nextReplayDir(Path parent) {
        for (int i = 1; ; i++) {
            final Path candidate = parent.resolve(String.format(Locale.ROOT, "replay-%03d", i));
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }
}

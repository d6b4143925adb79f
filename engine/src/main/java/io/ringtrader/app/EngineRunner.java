package io.ringtrader.app;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.Secrets;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalHandler;
import io.ringtrader.journal.OutputJournalHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Assembles and runs one engine session; the only place (with {@link Stages}) where objects are wired. Reads like
 * the pipeline: source -> ring -> journal -> candles -> strategies -> risk/portfolio -> output journal.
 */
final class EngineRunner {
    private final Logger log = LogManager.getLogger(EngineRunner.class);
    private final EngineConfig config;
    private final CommonOptions options;
    private final EngineMode mode;

    EngineRunner(EngineConfig config, CommonOptions options, EngineMode mode) {
        this.config = config;
        this.options = options;
        this.mode = mode;
    }

    int run() throws Exception {
        final Path dataDir = options.dataDir;
        Files.createDirectories(dataDir);
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final Secrets secrets = Secrets.load(options.configDir().resolve("api_keys.yaml"), System.getenv());
        log.info("Starting {} on {} ({} symbols: {}), feed {} {}, ring {} slots {} with {} wait, credentials: {}",
            mode, dataDir.toAbsolutePath(), instruments.size(), config.symbols(), config.feed().source(),
            config.feed().protocol(), config.pipeline().ringSize(), config.pipeline().threads(),
            config.pipeline().waitStrategy(), secrets.present() ? "present" : "none (public market data)");

        final StopSignal stop = new StopSignal();
        final Journal journal = config.persistence().journalEnabled()
            ? Journal.open(dataDir.resolve("journal")) : null;
        final Stages stages = Stages.build(mode, config, instruments, dataDir, stop);
        final SessionControlHandler control = new SessionControlHandler(stop);
        final List<EventHandler<MarketEvent>> chain = new ArrayList<>();
        if (journal != null) {
            chain.add(new JournalHandler(journal));
        }
        chain.addAll(stages.handlers());
        if (journal != null) {
            chain.add(new OutputJournalHandler(journal));
        }
        chain.add(control);

        final Pipeline pipeline = new Pipeline(config.pipeline(), instruments.size(), chain, stop);
        pipeline.start();
        SignalShutdown.install(stop, config.pipeline().shutdownTimeoutMs() + 20_000);
        final MarketDataSource source = Sources.create(config, instruments, options, stages);
        int exitCode;
        try {
            source.start(pipeline.publisher());
            log.info("Running; stop with Ctrl-C or SIGTERM{}", options.duration == null ? ""
                : " (or after " + options.duration + ")");
            if (!stop.await(options.durationMillis())) {
                stop.trigger(StopSignal.Reason.DURATION, "--duration " + options.duration + " elapsed");
            }
            log.info("Stopping: {} ({})", stop.reason(), stop.detail());
        } finally {
            source.close();
            final boolean drained = pipeline.drainAndStop(config.pipeline().shutdownTimeoutMs());
            if (!drained) {
                log.error("The ring did not drain within {} ms; stopping anyway",
                    config.pipeline().shutdownTimeoutMs());
            }
            stages.close();
            if (journal != null) {
                journal.close();
            }
            log.info("Stopped. {} events through the pipeline, {} stage errors, {} ring drops; {}",
                control.processed(), pipeline.stageErrors(), pipeline.publisher().drops(), source.summary());
            exitCode = stop.reason() == null ? ExitCodes.OK : stop.reason().exitCode();
            if (!drained && exitCode == ExitCodes.OK) {
                exitCode = ExitCodes.FAILURE;
            }
            SignalShutdown.uninstall();
        }
        return exitCode;
    }
}

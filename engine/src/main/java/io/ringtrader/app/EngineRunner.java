package io.ringtrader.app;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.Secrets;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.RingPublisher;
import io.ringtrader.feed.FeedResume;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalCheck;
import io.ringtrader.journal.JournalDamageException;
import io.ringtrader.journal.JournalHandler;
import io.ringtrader.journal.JournalRetention;
import io.ringtrader.journal.OutputJournalHandler;
import io.ringtrader.metrics.MetricsEndpoint;
import io.ringtrader.metrics.TimedStage;
import io.ringtrader.portfolio.PortfolioSnapshot;
import io.ringtrader.strategy.StrategySelector;
import io.ringtrader.portfolio.StateFile;
import io.ringtrader.portfolio.StatusDisplay;
import io.ringtrader.store.ParquetCandleReader;
import io.ringtrader.store.ParquetCandleWriter;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Assembles and runs one engine session; with {@link Stages} the only place where objects are wired. Reads like
 * the pipeline: source -> ring -> journal -> candles -> strategies -> risk/portfolio -> output journal.
 *
 * <p>Start-up of {@code live-trading} and {@code data-only} on an existing data folder is a recovery: the journal
 * is the source of truth, so its inputs are pushed through fresh stages again (flagged so the journal stages do
 * not append them twice) before the live feed starts; the feed then drops the trades the journal already holds
 * (Coinbase resends the last ones on subscribe) and a journaled restart marker makes the minutes still open
 * incomplete. The portfolio continues from its state file, skipping what
 * it already reflects; rows of the trade log the state file does not reflect are cut and written again.
 *
 * <p>Every start-up wait on the ring (room to publish, the stages catching up) and every shutdown wait has a
 * deadline: it gives up when nothing moved for {@code pipeline.shutdown_timeout_ms}, and the engine then stops with
 * exit code 1 and an error naming what did not finish. A stage that throws is handled by the exception policy of
 * {@link StageExceptionHandler}: during recovery too, bad data is counted and skipped and the session goes on; a
 * broken invariant stops the engine (exit 1) before the feed starts.
 */
final class EngineRunner {
    private final Logger log = LogManager.getLogger(EngineRunner.class);
    private final EngineConfig config;
    private final CommonOptions options;
    private final EngineMode mode;
    private final Path dataDir;
    private final MarketDataSource sourceOverride;
    private final EventHandler<MarketEvent> extraStage;
    private StrategySelection.Choice strategyChoice;
    private boolean resetDrawdown;
    private long lastRecoveredFeedSequence = -1;

    EngineRunner(EngineConfig config, CommonOptions options, EngineMode mode) {
        this(config, options, mode, options.dataDir, null, null);
    }

    /** A session writing into {@code dataDir}, fed by {@code source} (null: from config), plus a last stage. */
    EngineRunner(EngineConfig config, CommonOptions options, EngineMode mode, Path dataDir,
                 MarketDataSource source, EventHandler<MarketEvent> extraStage) {
        this.config = config;
        this.options = options;
        this.mode = mode;
        this.dataDir = dataDir;
        this.sourceOverride = source;
        this.extraStage = extraStage;
    }

    /** With {@code reset}, live trading publishes a journaled drawdown reset once it starts trading. */
    EngineRunner resetDrawdown(boolean reset) {
        this.resetDrawdown = reset;
        return this;
    }

    /** Uses {@code choice} instead of selecting (replay uses the recorded session's choice). */
    EngineRunner withStrategies(StrategySelection.Choice choice) {
        this.strategyChoice = choice;
        return this;
    }

    int run() throws Exception {
        // configuration problems first: a refused endpoint or key file must leave no data folder behind
        if (sourceOverride == null) {
            FeedSource.checkEndpoint(config.feed());
        }
        final Path archiveDir = config.persistence().journalRetention().archiveIn(dataDir);
        final Secrets secrets = Secrets.load(options.configDir().resolve("api_keys.yaml"), System.getenv());
        Files.createDirectories(dataDir);
        final Instruments instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        final MarketDataSource source = sourceOverride != null ? sourceOverride
            : Sources.create(config, instruments, dataDir);
        log.info("Starting {} in {} ({} symbols: {}), feed {} {}, ring {} slots, {} with {} wait, credentials: {}",
            mode, dataDir.toAbsolutePath(), instruments.size(), config.symbols(), config.feed().source(),
            config.feed().protocol(), config.pipeline().ringSize(), config.pipeline().threads(),
            config.pipeline().waitStrategy(), secrets.present() ? "present" : "none (public market data)");

        final StopSignal stop = new StopSignal();
        final Journal journal = config.persistence().journalEnabled()
            ? Journal.open(dataDir.resolve("journal")) : null;
        final boolean recovering = mode != EngineMode.REPLAY && journal != null && journal.lastIndex() >= 0;
        if (recovering) {
            requireWholeJournal(journal);
        }
        if (journal != null) {
            final List<String> recorded = StrategySelection.symbolsFromJournal(journal);
            if (recorded == null) {
                try (Journal.Writer w = journal.writer()) {
                    w.appendNote(StrategySelection.SYMBOLS_PREFIX + String.join(",", config.symbols()) + " quote="
                        + config.quoteCurrency());
                }
            } else if (!recorded.equals(config.symbols())) {
                journal.close();
                throw new io.ringtrader.config.ConfigException("symbols", "the journal in " + dataDir
                    + " was recorded with symbols " + String.join(",", recorded) + "; run with --symbols "
                    + String.join(",", recorded) + " or use another --data-dir");
            }
        }
        StrategyRegistry registry = null;
        StrategySelection.Choice choice = null;
        int initiallyActive = 0;
        boolean noEdge = false;
        if (mode != EngineMode.DATA_ONLY) {
            choice = strategyChoice != null ? strategyChoice
                : StrategySelection.choose(config, dataDir, instruments, journal, log);
            registry = StrategySelection.registry(config, choice);
            noEdge = choice.reason().contains(StrategySelector.NO_EDGE);
            initiallyActive = choice.active().size();
            if (journal != null && StrategySelection.fromJournal(journal) == null) {
                try (Journal.Writer w = journal.writer()) {
                    w.appendNote(choice.note());
                }
            }
        }
        PortfolioSnapshot restored = null;
        long tradeLogRows = -1;
        if (mode == EngineMode.LIVE_TRADING) {
            restored = restoreState(instruments);
            if (restored != null && restored.journalIndex >= 0 && !agreesWithJournal(restored, journal)) {
                log.error("The state file (journal index {}, last update {}) disagrees with the journal in {}: it is"
                    + " not trusted, and the portfolio is rebuilt from the journal", restored.journalIndex,
                    io.ringtrader.event.Rfc3339.formatMicros(restored.lastUpdateNs), dataDir.resolve("journal"));
                restored = null;
            }
            if (recovering && restored != null && restored.tradeCount > 0) {
                final Path tradeLog = dataDir.resolve("live_trades.csv");
                final long rows = io.ringtrader.portfolio.TradeLogFile.completeRows(tradeLog);
                if (rows < restored.tradeCount) {
                    log.warn("The trade log {} holds {} complete rows but the state file {} fills: the missing rows"
                        + " are written again from the journal (the portfolio is rebuilt from it)", tradeLog, rows,
                        restored.tradeCount);
                    restored = null;
                }
            }
            tradeLogRows = restored != null ? restored.tradeCount : recovering ? 0 : -1;
        }
        if (recovering) {
            checkRetained(journal, mode == EngineMode.LIVE_TRADING && restored == null);
        }
        final DashboardWiring dashboard = DashboardWiring.create(config, mode, instruments, choice, registry);
        final java.util.function.Consumer<String> notes = journal == null ? null : new JournalNotes(journal);
        final Stages stages = Stages.build(mode, config, instruments, dataDir, registry, initiallyActive,
            dashboard == null ? notes : dashboard.notes(notes), restored, tradeLogRows);
        final SessionControlHandler control = new SessionControlHandler(stop, stages.latency, Stages.END_TO_END);
        final List<EventHandler<MarketEvent>> chain = new ArrayList<>();
        if (journal != null) {
            chain.add(new TimedStage(new JournalHandler(journal), stages.latency, 0));
        }
        chain.addAll(stages.handlers());
        if (dashboard != null && dashboard.stage() != null) {
            chain.add(dashboard.stage());
        }
        if (journal != null) {
            chain.add(new TimedStage(new OutputJournalHandler(journal), stages.latency, 4));
        }
        if (extraStage != null) {
            chain.add(extraStage);
        }
        chain.add(control);
        if (source instanceof FeedSource feed) {
            feed.registerCounters(stages.counters);
        }
        final JournalRetention retention = journal == null ? null : new JournalRetention(journal,
            mode == EngineMode.REPLAY ? 0 : config.persistence().journalRetention().retentionDays(), archiveDir,
            JournalRetention.stateFileIndex(dataDir.resolve("portfolio_state.json"), mode == EngineMode.LIVE_TRADING));
        if (retention != null) {
            retention.registerCounters(stages.counters);
        }
        source.onFailure(reason -> stop.trigger(StopSignal.Reason.FAILURE, reason));

        final Pipeline pipeline = new Pipeline(config.pipeline(), instruments.size(), chain, stop);
        final io.ringtrader.files.WriteFailures writeFailures = new io.ringtrader.files.WriteFailures();
        pipeline.reportFailuresTo(writeFailures);
        stages.parquet.reportFailuresTo(writeFailures);
        if (stages.tradeLog != null) {
            stages.tradeLog.reportFailuresTo(writeFailures);
        }
        final Telemetry telemetry = new Telemetry(stages.counters, stages.latency, source::summary,
            config.metrics().logIntervalSeconds());
        telemetry.addHealthCheck(() -> stages.parquet.healthy() ? null
            : "Parquet candle writer: " + stages.parquet.lastFailure());
        if (stages.tradeLog != null) {
            telemetry.addHealthCheck(() -> stages.tradeLog.failed()
                ? "trade log / state file writer (see the log for the I/O error)" : null);
        }
        telemetry.onUnhealthy(failure -> stop.trigger(StopSignal.Reason.FAILURE, failure));
        MetricsEndpoint endpoint = null;
        StatusDisplay status = null;
        int exitCode;
        pipeline.start();
        SignalShutdown.install(stop, config.pipeline().shutdownTimeoutMs() + 20_000);
        try {
            telemetry.start();
            if (config.metrics().port() > 0) {
                endpoint = MetricsEndpoint.start(config.metrics().port(), stages.counters, stages.latency);
                log.info("Serving Prometheus metrics at http://localhost:{}/metrics", endpoint.port());
            }
            if (dashboard != null) {
                dashboard.start(config, stages, instruments, dataDir, source instanceof FeedSource feed
                    ? feed::connectionState : () -> mode == EngineMode.REPLAY ? "REPLAYING_JOURNAL" : "SOURCE");
            }
            if (recovering) {
                final FeedResume resume = source instanceof FeedSource
                    ? new FeedResume(instruments.size(), config.feed().dedupWindow()) : null;
                recover(journal, pipeline, stop, stages, resume);
                if (source instanceof FeedSource feed) {
                    feed.resumeFrom(resume);
                    if (!"coinbase".equals(config.feed().source())) {
                        feed.continueAfter(control.lastExchangeTimeNs());
                    }
                }
                if (source instanceof Sources.ClosingSource closing && closing.inner() instanceof JournalSource tail
                    && lastRecoveredFeedSequence >= 0) {
                    tail.resumeAfter(lastRecoveredFeedSequence);
                    log.info("Tailing {} after its entry {} (already consumed before the restart)",
                        config.feed().journalDir(), lastRecoveredFeedSequence);
                }
            } else if (mode == EngineMode.LIVE_TRADING) {
                warmUpFromParquet(instruments, pipeline, stop);
            }
            if (stop.triggered()) {
                // a broken invariant (or a signal) during recovery: trading must not start
                log.error("Not starting the feed: {} ({})", stop.reason(), stop.detail());
            } else {
                if (recovering) {
                    // whatever the feed printed while the engine was down may be missing from the open minutes
                    publishWaiting(pipeline, stop, EventType.FEED_STATUS, FeedStatus.RESTARTED,
                        control.lastExchangeTimeNs());
                }
                if (mode != EngineMode.REPLAY) {
                    publishWaiting(pipeline, stop, EventType.FEED_STATUS, mode == EngineMode.LIVE_TRADING
                        ? FeedStatus.TRADING_ON : FeedStatus.TRADING_OFF, control.lastExchangeTimeNs());
                }
                if (mode == EngineMode.LIVE_TRADING && noEdge && config.orders().standAsideWithoutEdge()) {
                    log.warn("Standing aside: the strategy selection found no strategy that beat the costs on the"
                        + " stored history; no new entries (open positions keep their exits). Set"
                        + " orders.stand_aside_without_edge: false to trade anyway");
                    publishWaiting(pipeline, stop, EventType.FEED_STATUS, FeedStatus.STAND_ASIDE,
                        control.lastExchangeTimeNs());
                }
                if (mode == EngineMode.LIVE_TRADING && resetDrawdown) {
                    log.info("Drawdown protection reset (--reset-drawdown): the peak restarts at the current equity");
                    publishWaiting(pipeline, stop, EventType.FEED_STATUS, FeedStatus.RESET_DRAWDOWN,
                        control.lastExchangeTimeNs());
                }
                if (mode == EngineMode.LIVE_TRADING) {
                    // the candle store belongs to the consumer thread: read it once the stages applied the history
                    awaitStages(pipeline, stop, "warm-up (the history candles)");
                    StrategySelection.logWarmUp(log, stages, config, instruments);
                    if (config.portfolio().statusIntervalSeconds() > 0) {
                        status = new StatusDisplay(stages.view, instruments, config.portfolio().startingCashE8(),
                            telemetry::health, config.portfolio().statusIntervalSeconds(), System.out);
                        status.start();
                    }
                }
                if (retention != null) {
                    retention.start();
                }
                source.start(pipeline.publisher());
                log.info("Running; stop with Ctrl-C or SIGTERM{}", options.duration == null ? ""
                    : " (or after " + options.duration + ")");
            }
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
            final boolean parquetStopped = stages.parquet.stopped();
            if (!parquetStopped) {
                log.error("The Parquet candle writer did not finish its last flush within {} s; the newest candles"
                    + " may be missing from the Parquet files (the journal has them)",
                    ParquetCandleWriter.CLOSE_TIMEOUT_MS / 1000);
            }
            if (retention != null) {
                retention.close();
            }
            if (journal != null) {
                journal.close();
            }
            if (status != null) {
                status.close();
            }
            telemetry.logNow();
            telemetry.close();
            if (endpoint != null) {
                endpoint.close();
            }
            if (dashboard != null) {
                dashboard.linger(SignalShutdown::signalled);
                dashboard.close();
            }
            log.info("Stopped: {} events through the pipeline, {} stage errors; {}", control.processed(),
                pipeline.stageErrors(), source.summary());
            exitCode = stop.reason() == null ? ExitCodes.OK : stop.reason().exitCode();
            if ((!drained || !parquetStopped || pipeline.halted()) && exitCode == ExitCodes.OK) {
                exitCode = ExitCodes.FAILURE;
            }
            SignalShutdown.uninstall();
        }
        return exitCode;
    }

    /**
     * Reads the whole journal before anything is derived from it: a damaged one stops the start-up here, with the
     * trade log, the state file and the Parquet files untouched.
     */
    private void requireWholeJournal(Journal journal) {
        final long startNs = System.nanoTime();
        try {
            final JournalCheck.Report report = JournalCheck.requireWhole(journal);
            log.info("Journal {}: {} entries ({} inputs) read to the end in {} ms", journal.dir(), report.entries(),
                report.inputs(), (System.nanoTime() - startNs) / 1_000_000);
        } catch (JournalDamageException e) {
            journal.close();
            log.error(e.getMessage());
            throw e;
        }
    }

    /**
     * A journal whose oldest cycles retention removed no longer rebuilds everything: candles and indicators come
     * back from the kept days, and the portfolio only from a trusted state file, so without one the start is refused.
     */
    private void checkRetained(Journal journal, boolean portfolioFromJournal) {
        final List<String> removed = JournalRetention.removedCycles(journal.dir());
        if (removed.isEmpty()) {
            return;
        }
        if (portfolioFromJournal) {
            journal.close();
            final String message = "The portfolio cannot be rebuilt: the state file is missing or not trusted, and"
                + " retention removed " + removed.size() + " of the journal's oldest cycles (listed in "
                + JournalRetention.removedList(journal.dir()) + "). Move the archived cycles back into "
                + journal.dir() + " and delete that list, or restore the state file, or start a new --data-dir";
            log.error(message);
            throw new IllegalStateException(message);
        }
        log.warn("Recovering a journal whose {} oldest cycles were removed by retention (see {}): candles,"
            + " indicators, regimes and correlations are rebuilt from the kept days only{}", removed.size(),
            JournalRetention.removedList(journal.dir()), mode == EngineMode.LIVE_TRADING
                ? "; the portfolio continues from the state file" : "");
    }

    /** The journal has an input at the state's index, and the state's last update is that input's time (to 1 us). */
    private static boolean agreesWithJournal(PortfolioSnapshot restored, Journal journal) {
        if (journal == null) {
            return false;
        }
        final long journalTimeNs = journal.lastInputTimeThrough(restored.journalIndex);
        return journalTimeNs != Long.MIN_VALUE
            && Math.floorDiv(journalTimeNs, 1000L) == Math.floorDiv(restored.lastUpdateNs, 1000L);
    }

    private PortfolioSnapshot restoreState(Instruments instruments) {
        final Path stateFile = dataDir.resolve("portfolio_state.json");
        try {
            final Optional<PortfolioSnapshot> restored = StateFile.load(stateFile, instruments,
                config.orders().maxOrdersPerSymbol());
            restored.ifPresent(p -> log.info("Restored the portfolio from {} (journal index {}, {} fills, {} open"
                + " orders)", stateFile, p.journalIndex, p.tradeCount, p.orders.openCount()));
            return restored.orElse(null);
        } catch (IOException e) {
            log.error("The state file {} is not trusted ({}); the portfolio is rebuilt from the journal", stateFile,
                e.getMessage());
            return null;
        }
    }

    /**
     * Pushes the journal's inputs through the stages again (from a reader thread, so that this thread can watch
     * the deadline) and waits until all went through every stage.
     */
    private void recover(Journal journal, Pipeline pipeline, StopSignal stop, Stages stages, FeedResume resume) {
        final long startNs = System.nanoTime();
        final long errorsBefore = pipeline.stageErrors();
        final long startSequence = pipeline.lastPublished();
        final JournalSource replay = new JournalSource(journal, -1, false, 0, false, true, null,
            config.pipeline().backgroundIdle()).remembering(resume);
        replay.start(pipeline.publisher());
        final boolean done = BoundedWait.await(
            () -> replay.finished() && pipeline.processedThrough() >= pipeline.lastPublished(),
            () -> replay.published() + pipeline.processedThrough(), stallMs());
        if (replay.failure() != null) {
            throw stalled(stop, "recovery stopped: " + replay.failure());
        }
        if (!done) {
            final boolean readerDone = replay.finished();
            replay.close();
            throw stalled(stop, "recovery did not finish: " + (pipeline.processedThrough() - startSequence) + " of "
                + replay.published() + " journaled events published so far went through every stage"
                + (readerDone ? "" : " (the journal reader was waiting for room in the ring)")
                + ", and nothing moved for " + stallMs() + " ms: a stage is stuck");
        }
        lastRecoveredFeedSequence = replay.maxFeedSequence();
        if (resume != null) {
            log.info("The feed resumes after the {} journaled trades: repeats of them are dropped", resume.trades());
        }
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        log.info("Recovered {} journaled events in {} s ({} events/s){}", replay.published(),
            String.format(java.util.Locale.ROOT, "%.2f", seconds),
            String.format(java.util.Locale.ROOT, "%.0f", replay.published() / Math.max(seconds, 1e-9)),
            stages.portfolio == null ? "" : "; portfolio: " + stages.portfolio.portfolio().tradeCount()
                + " fills, journal index " + stages.portfolio.portfolio().journalIndex());
        final long errors = pipeline.stageErrors() - errorsBefore;
        if (errors > 0) {
            log.warn("Recovery: a stage failed on {} of the {} journaled events; each was skipped by that stage"
                + " only (see the stage errors above)", errors, replay.published());
        }
    }

    /** Waits until every stage has processed every event published so far. */
    private void awaitStages(Pipeline pipeline, StopSignal stop, String what) {
        final long target = pipeline.lastPublished();
        if (!BoundedWait.await(() -> pipeline.processedThrough() >= target, pipeline::processedThrough, stallMs())) {
            throw stalled(stop, what + " did not finish: the stages processed the ring through sequence "
                + pipeline.processedThrough() + " of " + target + ", and nothing moved for " + stallMs()
                + " ms: a stage is stuck");
        }
    }

    /** Claims one ring slot, waiting for room while the stages make progress. */
    private long claim(Pipeline pipeline, StopSignal stop, String what) {
        final RingPublisher publisher = pipeline.publisher();
        final long first = publisher.tryClaimWaiting();
        if (first >= 0) {
            return first;
        }
        final long[] seq = {-1};
        if (!BoundedWait.await(() -> (seq[0] = publisher.tryClaimWaiting()) >= 0, pipeline::processedThrough,
            stallMs())) {
            throw stalled(stop, "start-up could not publish " + what + ": the ring stayed full and nothing moved for "
                + stallMs() + " ms: a stage is stuck");
        }
        return seq[0];
    }

    /** How long a start-up wait may see no progress: the ring's drain deadline. */
    private long stallMs() {
        return config.pipeline().shutdownTimeoutMs();
    }

    /** Stops the engine with a failure and returns the exception that reports it (exit code 1). */
    private static IllegalStateException stalled(StopSignal stop, String message) {
        stop.trigger(StopSignal.Reason.FAILURE, message);
        return new IllegalStateException(message);
    }

    /** Fresh journal: the last days of candles from Parquet become journaled history events (exact replay). */
    private void warmUpFromParquet(Instruments instruments, Pipeline pipeline, StopSignal stop) {
        final RingPublisher publisher = pipeline.publisher();
        int total = 0;
        for (int id = 0; id < instruments.size(); id++) {
            final List<Candle> candles = ParquetCandleReader.readLatest(dataDir, instruments.get(id).symbol(), id,
                config.candles().retentionDays());
            for (Candle c : candles) {
                final long seq = claim(pipeline, stop, "the history candles");
                final MarketEvent e = publisher.slot(seq);
                e.type = EventType.HISTORY_CANDLE;
                e.instrumentId = id;
                e.timestampNs = c.openTimeNs;
                e.history.copyFrom(c);
                e.history.instrumentId = id;
                publisher.publish(seq, seq);
            }
            total += candles.size();
        }
        if (total > 0) {
            log.info("Warmed up from Parquet: {} candles", total);
        }
    }

    private void publishWaiting(Pipeline pipeline, StopSignal stop, byte type, long value, long timestampNs) {
        final RingPublisher publisher = pipeline.publisher();
        final long seq = claim(pipeline, stop, "the feed status");
        final MarketEvent e = publisher.slot(seq);
        e.type = type;
        e.value = value;
        e.timestampNs = timestampNs;
        publisher.publish(seq, seq);
    }
}

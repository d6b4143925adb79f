package io.ringtrader.app;

import io.ringtrader.config.FeedSourceKind;
import io.ringtrader.snapshot.SnapshotFile;
import io.ringtrader.snapshot.SnapshotMismatchException;
import io.ringtrader.snapshot.SnapshotStore;
import io.ringtrader.pipeline.BoundedWait;
import io.ringtrader.config.ExitCodes;
import io.ringtrader.source.JournalSource;
import io.ringtrader.journal.JournalNotes;
import io.ringtrader.source.Sources;
import io.ringtrader.source.FeedSource;
import io.ringtrader.source.MarketDataSource;
import io.ringtrader.metrics.Telemetry;
import io.ringtrader.pipeline.StopSignal;
import io.ringtrader.pipeline.Pipeline;
import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.ConfigException;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.portfolio.TradeLogFile;
import io.ringtrader.files.WriteFailures;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import io.ringtrader.pipeline.StageChain;
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
import io.ringtrader.journal.JournalRetention;
import io.ringtrader.metrics.MetricsEndpoint;
import io.ringtrader.portfolio.PortfolioSnapshot;
import io.ringtrader.strategy.StrategySelector;
import io.ringtrader.portfolio.StateFile;
import io.ringtrader.portfolio.StatusDisplay;
import io.ringtrader.store.ParquetCandleReader;
import io.ringtrader.store.ParquetCandleWriter;
import io.ringtrader.history.ReconnectRepair;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Assembles and runs one engine session in named phases: {@link #plan()} (every check before a stage exists),
 * {@code assemble} (the {@link StageChain} on a {@link Pipeline}), {@code recover} or {@code warmUpFromParquet},
 * {@code startTrading}, and {@code stop} (the shutdown order of the thread table in {@link Pipeline}).
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
    private SnapshotFile.Loaded snapshot;

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

    /** Starts the stages from {@code loaded}'s state (replay --from-snapshot; its source starts after it). */
    EngineRunner fromSnapshot(SnapshotFile.Loaded loaded) {
        this.snapshot = loaded;
        return this;
    }

    /** Runs the session: plan, assemble, recover or warm up, run until stopped, stop; returns the exit code. */
    int run() throws Exception {
        final Plan plan = plan();
        final StopSignal stop = new StopSignal();
        final Session session = assemble(plan, stop);
        if (snapshot != null) {
            // before the consumer thread starts: its start publishes the restored state to it
            SnapshotStore.restore(snapshot, StageChain.stateImage(), session.stages.stateRoots());
            if (mode == EngineMode.REPLAY && session.stages.portfolio != null) {
                session.stages.portfolio.portfolio().forgetJournalIndex(); // the replay journals into a new journal
            }
            log.info("Stages restored from {} (journal index {}, {})", snapshot.file(),
                snapshot.header().journalIndex(), Rfc3339.formatMicros(snapshot.header().exchangeTimeNs()));
        }
        int exitCode;
        session.pipeline.start();
        SignalShutdown.install(stop, config.pipeline().shutdownTimeoutMs() + 20_000);
        try {
            session.startViews(plan);
            if (plan.recovering) {
                recover(plan, session);
            } else if (mode == EngineMode.LIVE_TRADING) {
                warmUpFromParquet(plan.instruments, session.pipeline, stop);
            }
            if (stop.triggered()) {
                // a broken invariant (or a signal) during recovery: trading must not start
                log.error("Not starting the feed: {} ({})", stop.reason(), stop.detail());
            } else {
                startTrading(plan, session);
            }
            if (!stop.await(options.durationMillis())) {
                stop.trigger(StopSignal.Reason.DURATION, "--duration " + options.duration + " elapsed");
            }
            log.info("Stopping: {} ({})", stop.reason(), stop.detail());
        } finally {
            exitCode = stop(plan, session);
            SignalShutdown.uninstall();
        }
        return exitCode;
    }

    /**
     * What the session will be, concluded before any stage exists: the endpoint and key file (refused ones leave no
     * data folder behind), the source, the journal read whole and its symbols checked, the strategies chosen and
     * the state file weighed against the journal.
     */
    private Plan plan() throws IOException {
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
        final Journal journal = config.persistence().journalEnabled()
            ? Journal.open(dataDir.resolve("journal")) : null;
        final boolean recovering = mode != EngineMode.REPLAY && journal != null && journal.lastIndex() >= 0;
        final Plan plan = new Plan(instruments, source, journal, recovering);
        plan.archiveDir = archiveDir;
        if (recovering) {
            chooseSnapshot(plan);
            requireWholeJournal(journal, plan.snapshot == null ? -1 : plan.snapshot.header().journalIndex());
        }
        if (journal != null) {
            requireSymbols(journal);
        }
        if (mode != EngineMode.DATA_ONLY) {
            chooseStrategies(plan);
        }
        if (mode == EngineMode.LIVE_TRADING) {
            weighStateFile(plan);
        }
        if (recovering) {
            checkRetained(journal, mode == EngineMode.LIVE_TRADING && plan.restored == null
                && plan.snapshot == null);
        }
        return plan;
    }

    /**
     * A restart starts from the newest good snapshot of this journal, when there is one (not when tailing
     * another process's journal: where to resume reading it is learned from the whole journal).
     */
    private void chooseSnapshot(Plan plan) throws IOException {
        if (plan.source instanceof Sources.ClosingSource closing && closing.inner() instanceof JournalSource) {
            return;
        }
        final SnapshotFile.Loaded s = SnapshotStore.newestGood(dataDir.resolve("snapshots"), log::warn);
        if (s == null) {
            return;
        }
        final String misfit = SnapshotChoice.misfit(s, plan.journal, config.symbols());
        if (misfit != null) {
            log.warn("Not recovering from a snapshot: {}; the whole journal is pushed instead", misfit);
            return;
        }
        plan.snapshot = s;
    }

    /** A fresh journal records the session's symbols; one recorded with other symbols is refused. */
    private void requireSymbols(Journal journal) {
        final List<String> recorded = JournalNotes.sessionSymbols(journal);
        if (recorded == null) {
            try (Journal.Writer w = journal.writer()) {
                w.appendNote(JournalNotes.SYMBOLS_PREFIX + String.join(",", config.symbols()) + " quote="
                    + config.quoteCurrency());
            }
        } else if (!recorded.equals(config.symbols())) {
            journal.close();
            throw new ConfigException("symbols", "the journal in " + dataDir + " was recorded with symbols "
                + String.join(",", recorded) + "; run with --symbols " + String.join(",", recorded)
                + " or use another --data-dir");
        }
    }

    private void chooseStrategies(Plan plan) {
        final StrategySelection.Choice choice = strategyChoice != null ? strategyChoice
            : StrategySelection.choose(config, dataDir, plan.instruments, plan.journal, log);
        plan.choice = choice;
        plan.registry = StrategySelection.registry(config, choice);
        plan.noEdge = choice.reason().contains(StrategySelector.NO_EDGE);
        if (plan.journal != null && StrategySelection.fromJournal(plan.journal) == null) {
            try (Journal.Writer w = plan.journal.writer()) {
                w.appendNote(choice.note());
            }
        }
    }

    /** The state file continues the account only when the journal and the trade log agree with it. */
    private void weighStateFile(Plan plan) throws IOException {
        PortfolioSnapshot restored = restoreState(plan.instruments);
        if (restored != null && restored.journalIndex >= 0 && !agreesWithJournal(restored, plan.journal)) {
            log.error("The state file (journal index {}, last update {}) disagrees with the journal in {}: it is"
                + " not trusted, and the portfolio is rebuilt from the journal", restored.journalIndex,
                Rfc3339.formatMicros(restored.lastUpdateNs), dataDir.resolve("journal"));
            restored = null;
        }
        if (plan.recovering && restored != null && restored.tradeCount > 0) {
            final Path tradeLog = dataDir.resolve("live_trades.csv");
            final long rows = TradeLogFile.completeRows(tradeLog);
            if (rows < restored.tradeCount) {
                log.warn("The trade log {} holds {} complete rows but the state file {} fills: the missing rows"
                    + " are written again from the journal (the portfolio is rebuilt from it)", tradeLog, rows,
                    restored.tradeCount);
                restored = null;
            }
        }
        plan.restored = restored;
        plan.tradeLogRows = restored != null ? restored.tradeCount : plan.recovering ? 0 : -1;
    }

    /** The chain from the plan's snapshot, or without it when it does not fit this engine. */
    private StageChain buildStages(StageChain.Builder chain, Plan plan, Consumer<String> reselectionNotes)
        throws IOException {
        try {
            final StageChain stages = trading(chain, plan, reselectionNotes).fromSnapshot(plan.snapshot).build();
            if (plan.snapshot != null) {
                log.info("Recovering from snapshot {} (journal index {}, {}): only the journal after it goes"
                    + " through the stages", plan.snapshot.file(), plan.snapshot.header().journalIndex(),
                    Rfc3339.formatMicros(plan.snapshot.header().exchangeTimeNs()));
            }
            return stages;
        } catch (SnapshotMismatchException e) {
            log.warn("Not recovering from {}: {}; the whole journal is pushed instead", plan.snapshot.file(),
                e.getMessage());
            if (plan.recovering) {
                requireWholeJournal(plan.journal, -1); // the days before the snapshot were not read yet
            }
            plan.snapshot = null;
            return trading(chain, plan, reselectionNotes).fromSnapshot(null).build();
        }
    }

    /** The trading stages of {@code chain} (fresh ones each call: a failed snapshot restore leaves none behind). */
    private StageChain.Builder trading(StageChain.Builder chain, Plan plan, Consumer<String> reselectionNotes) {
        if (plan.registry != null) {
            chain.trading(plan.registry, plan.choice.active().size(), StrategySelection.reselector(config,
                plan.instruments, plan.registry, plan.choice.active().size(), reselectionNotes));
            chain.restoring(plan.snapshot == null ? plan.restored : null, plan.tradeLogRows);
        }
        return chain;
    }

    /** Builds the stage chain, the ring and the health checks around them (nothing runs yet). */
    private Session assemble(Plan plan, StopSignal stop) throws IOException {
        final DashboardWiring dashboard = DashboardWiring.create(config, mode, plan.instruments, plan.choice,
            plan.registry);
        final Consumer<String> notes = plan.journal == null ? null : new JournalNotes(plan.journal);
        final StageChain.Builder chain = StageChain.builder(config, plan.instruments).writingTo(dataDir)
            .journal(plan.journal).viewStage(dashboard == null ? null : dashboard.stage())
            .extraStage(extraStage).sessionControl(stop)
            .snapshotsIn(dataDir.resolve("snapshots"), mode == EngineMode.REPLAY || plan.archiveDir == null ? null
                : plan.archiveDir.resolve("snapshots"));
        final Consumer<String> reselectionNotes = dashboard == null ? notes : dashboard.notes(notes);
        final StageChain stages = buildStages(chain, plan, reselectionNotes);
        if (plan.source instanceof FeedSource feed) {
            feed.registerCounters(stages.counters);
        }
        final LongSupplier stateIndex = JournalRetention.stateFileIndex(dataDir.resolve("portfolio_state.json"),
            mode == EngineMode.LIVE_TRADING);
        final Path snapshotDir = dataDir.resolve("snapshots");
        // the newest snapshot's journal tail stays too: a restart from it needs every entry after it
        final JournalRetention retention = plan.journal == null ? null : new JournalRetention(plan.journal,
            mode == EngineMode.REPLAY ? 0 : config.persistence().journalRetention().retentionDays(), plan.archiveDir,
            config.persistence().snapshotIntervalMinutes() == 0 ? stateIndex
                : () -> Math.min(stateIndex.getAsLong(), SnapshotStore.newestJournalIndex(snapshotDir)));
        if (retention != null) {
            retention.registerCounters(stages.counters);
        }
        final ReconnectRepair repair = repairAfterReconnect(plan, stages);
        plan.source.onFailure(reason -> stop.trigger(StopSignal.Reason.FAILURE, reason));
        final Pipeline pipeline = new Pipeline(config.pipeline(), plan.instruments.size(), stages.handlers(), stop);
        final WriteFailures writeFailures = new WriteFailures();
        pipeline.reportFailuresTo(writeFailures);
        stages.parquet.reportFailuresTo(writeFailures);
        if (stages.tradeLog != null) {
            stages.tradeLog.reportFailuresTo(writeFailures);
        }
        final Telemetry telemetry = new Telemetry(stages.counters, stages.latency, plan.source::summary,
            config.metrics().logIntervalSeconds());
        telemetry.addHealthCheck(() -> stages.parquet.healthy() ? null
            : "Parquet candle writer: " + stages.parquet.lastFailure());
        if (stages.tradeLog != null) {
            telemetry.addHealthCheck(() -> stages.tradeLog.failed()
                ? "trade log / state file writer (see the log for the I/O error)" : null);
        }
        telemetry.onUnhealthy(failure -> stop.trigger(StopSignal.Reason.FAILURE, failure));
        final Session session = new Session(stop, stages, pipeline, telemetry, dashboard, retention);
        session.repair = repair;
        return session;
    }

    /**
     * The background repair of incomplete archived minutes from REST after reconnects
     * ({@code history.repair_after_reconnect}), or null when off or without a live feed; counted on /metrics.
     */
    private ReconnectRepair repairAfterReconnect(Plan plan, StageChain stages) {
        if (!config.history().repairAfterReconnect() || mode == EngineMode.REPLAY
            || !(plan.source instanceof FeedSource feed) || stages.parquet == null) {
            return null;
        }
        final ReconnectRepair repair = new ReconnectRepair(dataDir, config.symbols(), config.quoteCurrency(),
            config.history(), feed::reconnects, stages.parquet::repair);
        stages.counters.add("ringtrader_history_rest_repairs_total",
            "Incomplete archived candles replaced by REST candles (rest_repair)", stages.parquet::repaired);
        stages.counters.add("ringtrader_history_repair_passes_total", "Background repair passes after reconnects",
            repair::passes);
        stages.counters.add("ringtrader_history_repair_failures_total",
            "Background repair passes that failed (logged, retried with back-off)", repair::failures);
        log.info("Incomplete minutes are repaired from {} {} s after start-up and after each reconnect",
            config.history().apiUrl(), config.history().repairDelaySeconds());
        return repair;
    }

    /**
     * Recovery: the journal's inputs go through the fresh stages again, then the feed (or the journal tail) is
     * told where to continue so nothing is merged twice.
     */
    private void recover(Plan plan, Session session) {
        final long lastFeedSequence = replayJournal(plan.journal, session.pipeline, session.stop, session.stages,
            plan.snapshot == null ? -1 : plan.snapshot.header().journalIndex());
        if (plan.source instanceof FeedSource feed) {
            // the ring kept the trade ids (a snapshot carried those before it): the feed goes on with a copy
            final FeedResume resume = session.stages.feedMemory.handOver();
            log.info("The feed resumes after the {} journaled trades: repeats of them are dropped", resume.trades());
            feed.resumeFrom(resume);
            if (config.feed().source() != FeedSourceKind.COINBASE) {
                feed.continueAfter(session.stages.control.lastExchangeTimeNs());
            }
        }
        if (plan.source instanceof Sources.ClosingSource closing && closing.inner() instanceof JournalSource tail
            && lastFeedSequence >= 0) {
            tail.resumeAfter(lastFeedSequence);
            log.info("Tailing {} after its entry {} (already consumed before the restart)",
                config.feed().journalDir(), lastFeedSequence);
        }
    }

    /** The session's journaled decisions (restart, trading on, standing aside, a drawdown reset), then the feed. */
    private void startTrading(Plan plan, Session session) throws Exception {
        final Pipeline pipeline = session.pipeline;
        final StopSignal stop = session.stop;
        final long now = session.stages.control.lastExchangeTimeNs();
        if (plan.recovering) {
            // whatever the feed printed while the engine was down may be missing from the open minutes
            publishWaiting(pipeline, stop, EventType.FEED_STATUS, FeedStatus.RESTARTED, now);
        }
        if (mode != EngineMode.REPLAY) {
            publishWaiting(pipeline, stop, EventType.FEED_STATUS, mode == EngineMode.LIVE_TRADING
                ? FeedStatus.TRADING_ON : FeedStatus.TRADING_OFF, now);
        }
        if (mode == EngineMode.LIVE_TRADING && plan.noEdge && config.orders().standAsideWithoutEdge()) {
            log.warn("Standing aside: the strategy selection found no strategy that beat the costs on the"
                + " stored history; no new entries (open positions keep their exits). Set"
                + " orders.stand_aside_without_edge: false to trade anyway");
            publishWaiting(pipeline, stop, EventType.FEED_STATUS, FeedStatus.STAND_ASIDE, now);
        }
        if (mode == EngineMode.LIVE_TRADING && resetDrawdown) {
            log.info("Drawdown protection reset (--reset-drawdown): the peak restarts at the current equity");
            publishWaiting(pipeline, stop, EventType.FEED_STATUS, FeedStatus.RESET_DRAWDOWN, now);
        }
        if (mode == EngineMode.LIVE_TRADING) {
            // the candle store belongs to the consumer thread: read it once the stages applied the history
            awaitStages(pipeline, stop, "warm-up (the history candles)");
            StrategySelection.logWarmUp(log, session.stages, config, plan.instruments);
            if (config.portfolio().statusIntervalSeconds() > 0) {
                session.status = new StatusDisplay(session.stages.view, plan.instruments,
                    config.portfolio().startingCashE8(), session.telemetry::health,
                    config.portfolio().statusIntervalSeconds(), System.out);
                session.status.start();
            }
        }
        if (session.retention != null) {
            session.retention.start();
        }
        if (session.repair != null) {
            session.repair.start();
        }
        plan.source.start(pipeline.publisher());
        log.info("Running; stop with Ctrl-C or SIGTERM{}", options.duration == null ? ""
            : " (or after " + options.duration + ")");
    }

    /**
     * Shutdown, in the order of the {@link Pipeline} thread table: the source, the ring (drained), the writers, the
     * journal, the views. Returns the exit code: the stop's, or 1 when something did not finish.
     */
    private int stop(Plan plan, Session session) {
        plan.source.close();
        if (session.repair != null) {
            session.repair.close();
        }
        final Pipeline pipeline = session.pipeline;
        final boolean drained = pipeline.drainAndStop(config.pipeline().shutdownTimeoutMs());
        if (!drained) {
            log.error("The ring did not drain within {} ms; stopping anyway", config.pipeline().shutdownTimeoutMs());
        }
        session.stages.close();
        final boolean parquetStopped = session.stages.parquet.stopped();
        if (!parquetStopped) {
            log.error("The Parquet candle writer did not finish its last flush within {} s; the newest candles"
                + " may be missing from the Parquet files (the journal has them)",
                ParquetCandleWriter.CLOSE_TIMEOUT_MS / 1000);
        }
        if (session.retention != null) {
            session.retention.close();
        }
        if (plan.journal != null) {
            plan.journal.close();
        }
        session.closeViews();
        log.info("Stopped: {} events through the pipeline, {} stage errors; {}",
            session.stages.control.processed(), pipeline.stageErrors(), plan.source.summary());
        final StopSignal stop = session.stop;
        int exitCode = stop.reason() == null ? ExitCodes.OK : stop.reason().exitCode();
        if ((!drained || !parquetStopped || pipeline.halted()) && exitCode == ExitCodes.OK) {
            exitCode = ExitCodes.FAILURE;
        }
        return exitCode;
    }

    /** What {@link #plan()} concluded. */
    private static final class Plan {
        final Instruments instruments;
        final MarketDataSource source;
        final Journal journal;
        final boolean recovering;
        Path archiveDir;
        StrategyRegistry registry;
        StrategySelection.Choice choice;
        boolean noEdge;
        PortfolioSnapshot restored;
        long tradeLogRows = -1;
        /** The snapshot recovery starts from (null: the whole journal). */
        SnapshotFile.Loaded snapshot;

        Plan(Instruments instruments, MarketDataSource source, Journal journal, boolean recovering) {
            this.instruments = instruments;
            this.source = source;
            this.journal = journal;
            this.recovering = recovering;
        }
    }

    /** The running session's parts, closed by {@link #stop}. */
    private final class Session {
        final StopSignal stop;
        final StageChain stages;
        final Pipeline pipeline;
        final Telemetry telemetry;
        final DashboardWiring dashboard;
        final JournalRetention retention;
        MetricsEndpoint endpoint;
        StatusDisplay status;
        ReconnectRepair repair;

        Session(StopSignal stop, StageChain stages, Pipeline pipeline, Telemetry telemetry,
                DashboardWiring dashboard, JournalRetention retention) {
            this.stop = stop;
            this.stages = stages;
            this.pipeline = pipeline;
            this.telemetry = telemetry;
            this.dashboard = dashboard;
            this.retention = retention;
        }

        /** Telemetry, the metrics endpoint and the dashboard: readers of views, started before any event. */
        void startViews(Plan plan) throws IOException, InterruptedException {
            telemetry.start();
            if (config.metrics().port() > 0) {
                endpoint = MetricsEndpoint.start(config.metrics().port(), stages.counters, stages.latency);
                log.info("Serving Prometheus metrics at http://localhost:{}/metrics", endpoint.port());
            }
            if (dashboard != null) {
                dashboard.start(config, stages, plan.instruments, dataDir, plan.source instanceof FeedSource feed
                    ? feed::connectionState : () -> mode == EngineMode.REPLAY ? "REPLAYING_JOURNAL" : "SOURCE");
            }
        }

        void closeViews() {
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
        }
    }

    /**
     * Reads the journal before anything is derived from it: a damaged one stops the start-up here, with the trade
     * log, the state file and the Parquet files untouched. From a snapshot at {@code fromIndex} only the days from
     * its cycle on are read (the older ones derive nothing; {@code journal check} reads them), so the check does not
     * grow with the journal's age.
     */
    private void requireWholeJournal(Journal journal, long fromIndex) {
        final long startNs = System.nanoTime();
        try {
            final JournalCheck.Report report = JournalCheck.requireWholeFrom(journal, fromIndex);
            log.info("Journal {}: {} entries ({} inputs) read to the end{} in {} ms", journal.dir(), report.entries(),
                report.inputs(), fromIndex < 0 ? "" : " from the snapshot's day",
                (System.nanoTime() - startNs) / 1_000_000);
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
    private long replayJournal(Journal journal, Pipeline pipeline, StopSignal stop, StageChain stages,
                               long afterIndex) {
        final long startNs = System.nanoTime();
        final long errorsBefore = pipeline.stageErrors();
        final long startSequence = pipeline.lastPublished();
        final JournalSource replay = JournalSource.recovery(journal, afterIndex,
            config.pipeline().backgroundIdle());
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
        return replay.maxFeedSequence();
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

package io.ringtrader.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.candle.CandleHandler;
import io.ringtrader.candle.CandleStore;
import io.ringtrader.candle.ClosedCandleSink;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.config.ThreadTopology;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OrderState;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalHandler;
import io.ringtrader.journal.OutputJournalHandler;
import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.metrics.TimedStage;
import io.ringtrader.order.OrderBook;
import io.ringtrader.portfolio.OrderManager;
import io.ringtrader.portfolio.Portfolio;
import io.ringtrader.portfolio.PortfolioOutbox;
import io.ringtrader.portfolio.PortfolioSnapshot;
import io.ringtrader.portfolio.PortfolioView;
import io.ringtrader.portfolio.RiskPortfolioHandler;
import io.ringtrader.portfolio.TradeLogWriter;
import io.ringtrader.risk.RiskReason;
import io.ringtrader.snapshot.SnapshotFile;
import io.ringtrader.snapshot.SnapshotStore;
import io.ringtrader.snapshot.SnapshotTaker;
import io.ringtrader.snapshot.StateImage;
import io.ringtrader.store.ParquetCandleWriter;
import io.ringtrader.strategy.StrategyHandler;
import io.ringtrader.strategy.StrategyRegistry;
import io.ringtrader.strategy.StrategyReselector;
import io.ringtrader.strategy.StrategySelector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.LogManager;

/**
 * The one place the ring's stages are built, in pipeline order: journal -> candles -> strategies ->
 * risk/portfolio -> [dashboard view] -> output journal -> [extra] -> session control. A stage's place in the chain
 * is its latency index ({@link #LATENCY_NAMES}). Live trading, data collection, recovery and replay run the chain
 * on the ring ({@link #handlers()}); the benchmarks measure this same chain; a backtest drives the candle,
 * strategy and risk/portfolio stages of an {@link #offRing off-ring chain} directly.
 *
 * <p>Built once on the main thread, closed once after the ring has drained (closing flushes the trade log, the
 * state file and Parquet). Stages a mode does not run are null.
 */
public final class StageChain implements AutoCloseable {
    /** Latency histogram names: one per timed stage in chain order, then end to end. */
    public static final String[] LATENCY_NAMES = {"journal", "candles", "strategies", "risk_portfolio",
        "output_journal", "end_to_end"};
    /** Latency index of the input journal. */
    public static final int JOURNAL = 0;
    /** Latency index of the candle stage. */
    public static final int CANDLES = 1;
    /** Latency index of the strategy stage. */
    public static final int STRATEGIES = 2;
    /** Latency index of the risk/orders/portfolio stage. */
    public static final int RISK_PORTFOLIO = 3;
    /** Latency index of the output journal. */
    public static final int OUTPUT_JOURNAL = 4;
    /** Latency index of the whole chain (frame decoded -> every stage done), recorded by session control. */
    public static final int END_TO_END = 5;

    /** Per-stage and end-to-end latency. */
    public final LatencyTracker latency;
    /** The stages' counters, as {@code /metrics} exposes them. */
    public final Counters counters = new Counters();
    /** Appends every input to the journal (null without a journal). */
    public final JournalHandler journal;
    /** The 7-day candle store the candle stage fills (owned by the consumer thread). */
    public final CandleStore store;
    /** The background Parquet writer (null off the ring). */
    public final ParquetCandleWriter parquet;
    /** Builds 1-minute candles from trades. */
    public final CandleHandler candles;
    /** The strategies the strategy stage runs (null in data-only). */
    public final StrategyRegistry registry;
    /** Signals, regimes and confidence (null in data-only). */
    public final StrategyHandler strategies;
    /** Targets, orders, paper matching and the portfolio (null in data-only). */
    public final RiskPortfolioHandler portfolio;
    /** The portfolio's seqlock view for readers off the ring (null in data-only and off the ring). */
    public final PortfolioView view;
    /** The background trade-log and state-file writer (null in data-only and off the ring). */
    public final TradeLogWriter tradeLog;
    /** Appends every stage's outputs to the journal (null without a journal). */
    public final OutputJournalHandler outputJournal;
    /** The last stage: end-to-end latency, end of feed, the processed count (null off the ring). */
    public final SessionControlHandler control;
    /** The feed's restart memory of journaled trade ids, kept on the ring so snapshots carry it. */
    public final FeedMemoryHandler feedMemory;
    /** Snapshots every stage's state before session control (null when snapshots are off). */
    public final SnapshotTaker snapshots;

    private final List<EventHandler<MarketEvent>> handlers;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private StageChain(Builder b) throws IOException {
        final EngineConfig config = b.config;
        final int n = b.instruments.size();
        final int retentionDays = config.candles().retentionDays();
        // a chain driven with closed bars never runs its candle stage or times a stage: keep both small
        latency = b.bars ? LatencyTracker.untimed(LATENCY_NAMES) : new LatencyTracker(LATENCY_NAMES);
        store = new CandleStore(n, b.bars ? 1 : retentionDays);
        parquet = b.dataDir == null ? null
            : new ParquetCandleWriter(b.dataDir, config.symbols(), config.persistence(), retentionDays, 65_536);
        candles = new CandleHandler(config.candles(), n, store, parquet == null ? ClosedCandleSink.NONE : parquet);
        if (parquet != null) {
            closeables.add(parquet);
        }
        journal = b.journal == null ? null : new JournalHandler(b.journal);
        outputJournal = b.journal == null ? null : new OutputJournalHandler(b.journal);
        if (b.registry != null) {
            registry = b.registry;
            final StrategyConfig strategyConfig = b.strategyConfig != null ? b.strategyConfig : config.strategies();
            strategies = new StrategyHandler(strategyConfig, registry, n,
                b.initiallyActive < 0 ? registry.size() : b.initiallyActive, b.reselector);
            final Portfolio account = b.restored != null ? Portfolio.restore(b.restored)
                : new Portfolio(n, config.portfolio().startingCashE8());
            final OrderBook book = RiskPortfolioHandler.freshBook(config.orders(), n);
            if (b.restored != null) {
                book.copyFrom(b.restored.orders);
            }
            final int slots = config.orders().maxOrdersPerSymbol();
            final PortfolioOutbox outbox = b.dataDir == null ? null
                : new PortfolioOutbox(config.portfolio().writerQueueCapacity(), n, slots);
            view = outbox == null ? null : new PortfolioView(n);
            portfolio = new RiskPortfolioHandler(config.risk(), config.portfolio(), config.orders(), b.instruments,
                account, book, outbox, view);
            tradeLog = outbox == null ? null : new TradeLogWriter(b.dataDir.resolve("live_trades.csv"),
                b.dataDir.resolve("portfolio_state.json"), b.instruments,
                id -> id < 0 ? "risk" : b.registry.name(id), outbox, slots);
        } else {
            registry = null;
            strategies = null;
            portfolio = null;
            view = null;
            tradeLog = null;
        }
        control = b.stop == null ? null : new SessionControlHandler(b.stop, latency, END_TO_END);
        feedMemory = new FeedMemoryHandler(n, config.feed().dedupWindow());
        snapshots = snapshotTaker(config, b);
        handlers = Collections.unmodifiableList(chain(b.viewStage, b.extraStage));
        long keptRows = b.restoredTradeCount;
        if (b.snapshot != null) {
            // before any writer starts: a snapshot that does not fit throws here and nothing was written
            SnapshotStore.restore(b.snapshot, stateImage(), stateRoots());
            if (control != null) {
                control.resumeAt(b.snapshot.header().exchangeTimeNs());
            }
            if (portfolio != null) {
                keptRows = portfolio.portfolio().tradeCount(); // later rows are derived again from the journal
            }
        }
        if (tradeLog != null) {
            tradeLog.start(keptRows, config.pipeline().backgroundIdle());
            closeables.add(tradeLog);
        }
        if (parquet != null) {
            parquet.start(config.pipeline().backgroundIdle());
        }
        registerCounters();
    }

    /** Walks of the state before the ring starts: enough for the JIT to compile the copy (measured: 8 do). */
    private static final int SNAPSHOT_WARM_UP_WALKS = 8;

    private SnapshotTaker snapshotTaker(EngineConfig config, Builder b) {
        final long minutes = config.persistence().snapshotIntervalMinutes();
        if (b.snapshotDir == null || minutes == 0 || journal == null) {
            return null;
        }
        if (config.pipeline().threads() != ThreadTopology.FUSED) {
            throw new ConfigException("persistence.snapshot_interval_minutes", "snapshots need pipeline.threads:"
                + " fused (one consumer thread gives the consistent cut a snapshot is); got "
                + config.pipeline().threads().configName());
        }
        final SnapshotTaker taker = new SnapshotTaker(b.snapshotDir, b.snapshotArchiveDir, minutes * 60_000_000_000L,
            config.persistence().snapshotsKept(),
            String.join(",", config.symbols()), stateImage(),
            () -> strategies == null || strategies.reselectionIdle(), stateRoots());
        closeables.add(taker);
        final long lastWalkNs = taker.warmUp(SNAPSHOT_WARM_UP_WALKS);
        LogManager.getLogger(StageChain.class).info("Snapshot copy warmed up: {} bytes of state, the last of {} walks"
            + " took {} us", taker.lastBytes(), SNAPSHOT_WARM_UP_WALKS, lastWalkNs / 1_000);
        return taker;
    }

    /**
     * Everything a snapshot holds, in order: the candle store, the candle, strategy and risk/portfolio stages with
     * all they own (indicators, regimes, re-selection, correlations, drawdown, orders and exits, the account), and
     * the feed's memory of the trade ids it published.
     */
    public Object[] stateRoots() {
        return new Object[] {store, candles, strategies, portfolio, feedMemory};
    }

    /** What a snapshot walks: stage state, not the writers, views, metrics and ring slots other threads read. */
    public static StateImage stateImage() {
        return new StateImage(Set.of(MarketEvent.class, TradeLogWriter.class, PortfolioOutbox.class,
            PortfolioView.class, StopSignal.class,
            StrategySelector.class), Set.of(Journal.class.getPackageName(), Counters.class.getPackageName(),
            "io.ringtrader.dashboard", ParquetCandleWriter.class.getPackageName(), "io.ringtrader.files"));
    }

    /** A chain for {@code config} over {@code instruments}; see the builder's methods for the optional parts. */
    public static Builder builder(EngineConfig config, Instruments instruments) {
        return new Builder(config, instruments);
    }

    /**
     * The candle, strategy ({@code strategyConfig} for {@code registry}, every strategy voting) and risk/portfolio
     * stages of a fresh account, with no journal, no writers and no session control: driven directly by a backtest.
     */
    public static StageChain offRing(EngineConfig config, Instruments instruments, StrategyConfig strategyConfig,
                                     StrategyRegistry registry) {
        return offRing(config, instruments, strategyConfig, registry, false);
    }

    /**
     * {@link #offRing(EngineConfig, Instruments, StrategyConfig, StrategyRegistry)}; with {@code bars} for a run fed
     * closed candles straight into the strategy and risk/portfolio stages (never the candle stage): its candle
     * store holds one day instead of {@code candles.retention_days} and nothing is timed, which matters to
     * {@code optimize}, building a chain per parameter set and fold.
     */
    public static StageChain offRing(EngineConfig config, Instruments instruments, StrategyConfig strategyConfig,
                                     StrategyRegistry registry, boolean bars) {
        try {
            final Builder b = builder(config, instruments).trading(registry, -1, null).strategyConfig(strategyConfig);
            b.bars = bars;
            return b.build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // nothing is written off the ring
        }
    }

    private List<EventHandler<MarketEvent>> chain(EventHandler<MarketEvent> viewStage,
                                                  EventHandler<MarketEvent> extraStage) {
        final List<EventHandler<MarketEvent>> chain = new ArrayList<>();
        if (journal != null) {
            chain.add(new TimedStage(journal, latency, JOURNAL));
        }
        chain.add(new TimedStage(candles, latency, CANDLES));
        if (strategies != null) {
            chain.add(new TimedStage(strategies, latency, STRATEGIES));
            chain.add(new TimedStage(portfolio, latency, RISK_PORTFOLIO));
        }
        if (viewStage != null) {
            chain.add(viewStage);
        }
        if (outputJournal != null) {
            chain.add(new TimedStage(outputJournal, latency, OUTPUT_JOURNAL));
        }
        if (extraStage != null) {
            chain.add(extraStage);
        }
        chain.add(feedMemory);
        if (snapshots != null) {
            chain.add(snapshots);
        }
        if (control != null) {
            chain.add(control);
        }
        return chain;
    }

    private void registerCounters() {
        counters.add("ringtrader_candle_trades_total", "Trades aggregated into candles", candles::trades);
        counters.add("ringtrader_candles_total", "Candles closed", candles::candlesClosed);
        counters.add("ringtrader_candle_late_trades_total", "Trades for an already closed minute",
            candles::lateTrades);
        counters.add("ringtrader_candles_incomplete_total", "Candles touched by a gap, drop or restart",
            candles::incompleteCandles);
        counters.add("ringtrader_candle_rejected_trades_total", "Trades the candle stage refused",
            candles::rejectedTrades);
        if (parquet != null) {
            counters.add("ringtrader_parquet_overflows_total", "Closed candles the Parquet queue had no room for",
                parquet::overflows);
        }
        if (snapshots != null) {
            counters.add("ringtrader_snapshots_total", "State snapshots copied on the ring thread", snapshots::taken);
            counters.add("ringtrader_snapshots_written_total", "State snapshots written to disk", snapshots::written);
            counters.add("ringtrader_snapshots_failed_total", "State snapshots that failed (copy or write)",
                snapshots::failed);
            counters.addGauge("ringtrader_snapshot_copy_microseconds", "Ring-thread time of the last snapshot copy",
                () -> snapshots.lastCopyNs() / 1_000);
            counters.addGauge("ringtrader_snapshot_bytes", "Size of the last snapshot's state",
                snapshots::lastBytes);
        }
        if (strategies == null) {
            return;
        }
        counters.add("ringtrader_signals_total", "Signals generated", () -> strategies.counters().signalsWritten());
        counters.add("ringtrader_signals_filtered_total", "Signals under the confidence threshold",
            () -> strategies.counters().filteredSignals());
        counters.add("ringtrader_fills_total", "Paper fills", portfolio::fillCount);
        counters.add("ringtrader_risk_rejected_signals_total", "Signals risk refused entirely",
            portfolio::rejectedSignals);
        for (int bit = 0; bit < RiskReason.COUNT; bit++) {
            final int index = bit;
            counters.add("ringtrader_risk_rejections_total", "Rejected signals by reason (one may carry several)",
                "reason", RiskReason.name(index), () -> portfolio.rejectedSignals(index));
        }
        final OrderManager orders = portfolio.orders();
        for (byte state = OrderState.ACCEPTED; state < OrderState.COUNT; state++) {
            final byte code = state;
            counters.add("ringtrader_orders_total", "Paper order state changes by state", "state",
                OrderState.name(code), () -> orders.ordersInState(code));
        }
        for (byte kind = ExitReason.SIGNAL; kind < ExitReason.COUNT; kind++) {
            final byte code = kind;
            counters.add("ringtrader_exits_total", "Exit orders filled in full by kind", "kind",
                ExitReason.name(code), () -> orders.exits(code));
        }
    }

    /** The stages in chain order, as the {@link Pipeline} runs them. */
    public List<EventHandler<MarketEvent>> handlers() {
        return handlers;
    }

    /** Stops the background writers (their last flush) in reverse order of start. */
    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LogManager.getLogger(StageChain.class).error("Closing {} failed", closeables.get(i), e);
            }
        }
    }

    /** The optional parts of a chain; {@link #build()} starts its background writers. */
    public static final class Builder {
        private final EngineConfig config;
        private final Instruments instruments;
        private Path dataDir;
        private Journal journal;
        private StrategyRegistry registry;
        private int initiallyActive = -1;
        private StrategyReselector reselector;
        private StrategyConfig strategyConfig;
        private PortfolioSnapshot restored;
        private long restoredTradeCount = -1;
        private EventHandler<MarketEvent> viewStage;
        private EventHandler<MarketEvent> extraStage;
        private StopSignal stop;
        private Path snapshotDir;
        private Path snapshotArchiveDir;
        private SnapshotFile.Loaded snapshot;
        private boolean bars;

        private Builder(EngineConfig config, Instruments instruments) {
            this.config = config;
            this.instruments = instruments;
        }

        /** Writes Parquet candles, the trade log and the state file under {@code dir}. */
        public Builder writingTo(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Journals inputs first and outputs last into {@code j} (null: no journal stages). */
        public Builder journal(Journal j) {
            this.journal = j;
            return this;
        }

        /**
         * Runs the strategy and risk/portfolio stages with {@code reg}; the first {@code active} strategies vote
         * (-1: all), {@code reselect} (may be null) re-chooses them.
         */
        public Builder trading(StrategyRegistry reg, int active, StrategyReselector reselect) {
            this.registry = reg;
            this.initiallyActive = active;
            this.reselector = reselect;
            return this;
        }

        /** Strategy settings other than the configuration's (a backtest's set of strategies). */
        public Builder strategyConfig(StrategyConfig c) {
            this.strategyConfig = c;
            return this;
        }

        /** Continues {@code snapshot} (null: a fresh account); the trade log keeps its first {@code rows} (-1: all). */
        public Builder restoring(PortfolioSnapshot snapshot, long rows) {
            this.restored = snapshot;
            this.restoredTradeCount = rows;
            return this;
        }

        /** A read-only stage after the portfolio (the dashboard's signal view); may be null. */
        public Builder viewStage(EventHandler<MarketEvent> stage) {
            this.viewStage = stage;
            return this;
        }

        /** A stage after the output journal (replay's verifier); may be null. */
        public Builder extraStage(EventHandler<MarketEvent> stage) {
            this.extraStage = stage;
            return this;
        }

        /** Ends the chain with session control, which triggers {@code s} at the end of the feed. */
        public Builder sessionControl(StopSignal s) {
            this.stop = s;
            return this;
        }

        /**
         * Snapshots the stages' state into {@code dir} every {@code persistence.snapshot_interval_minutes}, and the
         * first of each day into {@code archiveDir} (the journal archive's snapshot folder; null: none).
         */
        public Builder snapshotsIn(Path dir, Path archiveDir) {
            this.snapshotDir = dir;
            this.snapshotArchiveDir = archiveDir;
            return this;
        }

        /**
         * Starts the stages from {@code s}'s state (null: fresh or as restoring says); the trade log then keeps the
         * rows the snapshot's account reflects. A snapshot that does not fit makes {@link #build()} throw a
         * {@link io.ringtrader.snapshot.SnapshotMismatchException} before anything is written.
         */
        public Builder fromSnapshot(SnapshotFile.Loaded s) {
            this.snapshot = s;
            return this;
        }

        /** Builds the chain and starts its background writers. */
        public StageChain build() throws IOException {
            return new StageChain(this);
        }
    }
}

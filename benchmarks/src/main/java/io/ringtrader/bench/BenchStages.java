package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.candle.CandleHandler;
import io.ringtrader.candle.CandleStore;
import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalHandler;
import io.ringtrader.journal.OutputJournalHandler;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.metrics.TimedStage;
import io.ringtrader.portfolio.Portfolio;
import io.ringtrader.portfolio.PortfolioOutbox;
import io.ringtrader.portfolio.PortfolioView;
import io.ringtrader.portfolio.RiskPortfolioHandler;
import io.ringtrader.portfolio.TradeLogWriter;
import io.ringtrader.store.ParquetCandleWriter;
import io.ringtrader.strategy.StrategyHandler;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine's real stage chain for a live-trading session, wired the way {@code io.ringtrader.app.Stages} and
 * {@code EngineRunner} wire it (journal -> candles -> strategies -> risk/portfolio -> output journal, each wrapped
 * in a {@link TimedStage}, with the Parquet and trade-log writer threads running), over a temporary data folder
 * that {@link #close()} deletes. Built and closed by the harness thread; the handlers run on the ring's threads.
 */
final class BenchStages implements AutoCloseable {
    /** Same histogram names as the app's {@code Stages.LATENCY_NAMES}. */
    static final String[] LATENCY_NAMES = {"journal", "candles", "strategies", "risk_portfolio", "output_journal",
        "end_to_end"};
    private static final List<Path> TEMP = new ArrayList<>();
    private static final List<Journal> JOURNALS = new ArrayList<>();

    final EngineConfig config;
    final Instruments instruments;
    final Path dataDir;
    final Journal journal;
    final CandleStore store;
    final ParquetCandleWriter parquet;
    final CandleHandler candles;
    final StrategyRegistry registry;
    final StrategyHandler strategies;
    final PortfolioView view;
    final RiskPortfolioHandler portfolio;
    final TradeLogWriter tradeLog;
    final LatencyTracker latency = new LatencyTracker(LATENCY_NAMES);
    private final List<EventHandler<MarketEvent>> handlers = new ArrayList<>();

    private BenchStages(EngineConfig config) throws IOException {
        this.config = config;
        this.instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        this.dataDir = Files.createTempDirectory("ringtrader-bench-data");
        final int n = instruments.size();
        journal = Journal.open(dataDir.resolve("journal"));
        store = new CandleStore(n, config.candles().retentionDays());
        parquet = new ParquetCandleWriter(dataDir, config.symbols(), config.persistence(),
            config.candles().retentionDays(), 65_536);
        candles = new CandleHandler(config.candles(), n, store, parquet);
        registry = StrategyRegistry.create(config.strategies(), StrategyLibrary.load());
        strategies = new StrategyHandler(config.strategies(), registry, n);
        final int slots = config.orders().maxOrdersPerSymbol();
        final PortfolioOutbox outbox = new PortfolioOutbox(config.portfolio().writerQueueCapacity(), n, slots);
        view = new PortfolioView(n);
        portfolio = new RiskPortfolioHandler(config.risk(), config.portfolio(), config.orders(), instruments,
            new Portfolio(n, config.portfolio().startingCashE8()), RiskPortfolioHandler.freshBook(config.orders(), n),
            outbox, view);
        tradeLog = new TradeLogWriter(dataDir.resolve("live_trades.csv"), dataDir.resolve("portfolio_state.json"),
            instruments, id -> id < 0 ? "risk" : registry.name(id), outbox, slots);
        tradeLog.start(-1);
        parquet.start();
        handlers.add(new TimedStage(new JournalHandler(journal), latency, 0));
        handlers.add(new TimedStage(candles, latency, 1));
        handlers.add(new TimedStage(strategies, latency, 2));
        handlers.add(new TimedStage(portfolio, latency, 3));
        handlers.add(new TimedStage(new OutputJournalHandler(journal), latency, 4));
    }

    /** The default configuration ({@code config/engine.yaml} defaults) with dotted-key overrides. */
    static EngineConfig config(Map<String, Object> overrides) {
        return ConfigLoader.load(null, overrides);
    }

    /** The default configuration with the six built-in strategies active instead of the default three. */
    static EngineConfig allStrategies() {
        final List<String> names = new ArrayList<>();
        for (var p : StrategyLibrary.builtIns()) {
            names.add(p.name());
        }
        return config(Map.of("strategies.active", names));
    }

    /** Builds the chain (starting the writer threads) over a fresh temporary data folder. */
    static BenchStages open(EngineConfig config) {
        try {
            return new BenchStages(config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stages in pipeline order, as the app hands them to its {@code Pipeline}. */
    List<EventHandler<MarketEvent>> handlers() {
        return handlers;
    }

    /** What the stages did: shows that every stage had work (candles closed, signals, fills). */
    String summary() {
        return String.format(Locale.ROOT, "trades=%d candles=%d signals=%d actionable=%d fills=%d rejected=%d"
                + " parquet_overflows=%d", candles.trades(), candles.candlesClosed(),
            strategies.counters().signalsWritten(), strategies.counters().actionableSignals(),
            portfolio.fillCount(), portfolio.rejectedSignals(), parquet.overflows()) + "; " + stageTimes();
    }

    /** Mean and p99 time spent in each stage per event (its {@link TimedStage}), in ns. */
    String stageTimes() {
        latency.sample();
        final StringBuilder sb = new StringBuilder("stage mean/p99 ns:");
        for (int i = 0; i < LATENCY_NAMES.length - 1; i++) {
            sb.append(String.format(Locale.ROOT, " %s %.0f/%d", LATENCY_NAMES[i], latency.mean(i),
                latency.percentile(i, 99)));
        }
        return sb.toString();
    }

    /** Stops the writer threads (flushing Parquet and the trade log), closes the journal, deletes the folder. */
    @Override
    public void close() {
        try {
            tradeLog.close();
        } finally {
            parquet.close();
            journal.close();
            delete(dataDir);
        }
    }

    /** A bare journal in a temporary folder (for the journal micro-benchmark); see {@link #cleanUp()}. */
    static synchronized Journal journal() {
        try {
            final Path dir = Files.createTempDirectory("ringtrader-bench-journal");
            TEMP.add(dir);
            final Journal journal = Journal.open(dir);
            JOURNALS.add(journal);
            return journal;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes and deletes what {@link #journal()} created. */
    static synchronized void cleanUp() {
        for (Journal j : JOURNALS) {
            j.close();
        }
        JOURNALS.clear();
        for (Path dir : TEMP) {
            delete(dir);
        }
        TEMP.clear();
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}

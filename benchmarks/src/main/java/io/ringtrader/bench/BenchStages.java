package io.ringtrader.bench;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.candle.CandleHandler;
import io.ringtrader.candle.CandleStore;
import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.journal.Journal;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.pipeline.StageChain;
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
 * The engine's own {@link StageChain} for a live-trading session (journal -> candles -> strategies ->
 * risk/portfolio -> output journal, each in its {@code TimedStage}, with the Parquet and trade-log writer agents
 * running), over a temporary data folder that {@link #close()} deletes. The harness appends its probe where the
 * engine puts session control. Built and closed by the harness thread; the handlers run on the ring's threads.
 */
final class BenchStages implements AutoCloseable {
    /** The chain's histogram names. */
    static final String[] LATENCY_NAMES = StageChain.LATENCY_NAMES;
    private static final List<Path> TEMP = new ArrayList<>();
    private static final List<Journal> JOURNALS = new ArrayList<>();

    final EngineConfig config;
    final Instruments instruments;
    final Path dataDir;
    final Journal journal;
    final StageChain chain;
    final CandleStore store;
    final ParquetCandleWriter parquet;
    final CandleHandler candles;
    final StrategyRegistry registry;
    final StrategyHandler strategies;
    final PortfolioView view;
    final RiskPortfolioHandler portfolio;
    final TradeLogWriter tradeLog;
    final LatencyTracker latency;

    private BenchStages(EngineConfig config) throws IOException {
        this.config = config;
        this.instruments = config.instruments().build(config.symbols(), config.quoteCurrency());
        this.dataDir = Files.createTempDirectory("ringtrader-bench-data");
        journal = Journal.open(dataDir.resolve("journal"));
        registry = StrategyRegistry.create(config.strategies(), StrategyLibrary.load());
        // the engine's own chain; the harness appends its probe where session control would be
        chain = StageChain.builder(config, instruments).writingTo(dataDir).journal(journal)
            .trading(registry, -1, null).build();
        store = chain.store;
        parquet = chain.parquet;
        candles = chain.candles;
        strategies = chain.strategies;
        view = chain.view;
        portfolio = chain.portfolio;
        tradeLog = chain.tradeLog;
        latency = chain.latency;
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
        return chain.handlers();
    }

    /** What the stages did: shows that every stage had work (candles closed, signals, fills). */
    String summary() {
        return String.format(Locale.ROOT, "trades=%d candles=%d signals=%d actionable=%d fills=%d rejected=%d"
                + " parquet_overflows=%d", candles.trades(), candles.candlesClosed(),
            strategies.counters().signalsWritten(), strategies.counters().actionableSignals(),
            portfolio.fillCount(), portfolio.rejectedSignals(), parquet.overflows()) + "; " + stageTimes();
    }

    /** Mean and p99 time spent in each stage per event (its {@code TimedStage}), in ns. */
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
            chain.close();
        } finally {
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

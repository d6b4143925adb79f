package io.ringtrader.app;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.candle.CandleHandler;
import io.ringtrader.candle.CandleStore;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.metrics.TimedStage;
import io.ringtrader.order.OrderBook;
import io.ringtrader.portfolio.OrderManager;
import io.ringtrader.portfolio.Portfolio;
import io.ringtrader.portfolio.PortfolioSnapshot;
import io.ringtrader.portfolio.PortfolioOutbox;
import io.ringtrader.portfolio.PortfolioView;
import io.ringtrader.portfolio.RiskPortfolioHandler;
import io.ringtrader.portfolio.TradeLogWriter;
import io.ringtrader.store.ParquetCandleWriter;
import io.ringtrader.strategy.StrategyHandler;
import io.ringtrader.strategy.StrategyRegistry;
import io.ringtrader.strategy.StrategyReselector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;

/**
 * The processing stages for one mode, in pipeline order, with the background writers they feed. Built once, closed
 * once after the ring has drained (closing flushes Parquet, the trade log and the state file).
 */
final class Stages implements AutoCloseable {
    /** Latency histogram names: one per stage, then end to end. */
    static final String[] LATENCY_NAMES = {"journal", "candles", "strategies", "risk_portfolio", "output_journal",
        "end_to_end"};
    static final int END_TO_END = 5;

    private final List<EventHandler<MarketEvent>> handlers = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    final LatencyTracker latency = new LatencyTracker(LATENCY_NAMES);
    final Counters counters = new Counters();
    CandleHandler candles;
    CandleStore store;
    ParquetCandleWriter parquet;
    StrategyHandler strategies;
    StrategyRegistry registry;
    RiskPortfolioHandler portfolio;
    PortfolioView view;
    TradeLogWriter tradeLog;

    private Stages() {
    }

    /**
     * Builds the stages for {@code mode} writing under {@code dataDir}. {@code restored} is the portfolio to
     * continue (live trading after a restart) or null for a fresh one; {@code restoredTradeCount} trims the trade
     * log to the rows that portfolio reflects (-1: keep every row).
     */
    static Stages build(EngineMode mode, EngineConfig config, Instruments instruments, Path dataDir,
                        StrategyRegistry registry, int initiallyActive, Consumer<String> journalNotes,
                        PortfolioSnapshot restored, long restoredTradeCount)
        throws IOException {
        final Stages s = new Stages();
        final int n = instruments.size();
        final List<String> symbols = config.symbols();
        final CandleStore store = new CandleStore(n, config.candles().retentionDays());
        s.store = store;
        s.parquet = new ParquetCandleWriter(dataDir, symbols, config.persistence(), config.candles().retentionDays(),
            65_536);
        s.candles = new CandleHandler(config.candles(), n, store, s.parquet);
        s.add(s.candles, 1);
        s.closeables.add(s.parquet);
        if (mode != EngineMode.DATA_ONLY) {
            s.registry = registry;
            final StrategyReselector reselector = !StrategySelection.reselecting(config) ? null
                : new StrategyReselector(StrategySelection.selector(config, instruments),
                    registry.names(), initiallyActive, n, config.candles().retentionDays(),
                    (long) (config.strategies().selection().intervalHours() * 3_600_000_000_000L),
                    config.strategies().selection().applyAfterMinutes() * 60_000_000_000L, journalNotes);
            s.strategies = new StrategyHandler(config.strategies(), registry, n, initiallyActive, reselector);
            s.add(s.strategies, 2);
            final Portfolio portfolio = restored != null ? Portfolio.restore(restored)
                : new Portfolio(n, config.portfolio().startingCashE8());
            final OrderBook book = RiskPortfolioHandler.freshBook(config.orders(), n);
            if (restored != null) {
                book.copyFrom(restored.orders);
            }
            final int slots = config.orders().maxOrdersPerSymbol();
            final PortfolioOutbox outbox = new PortfolioOutbox(config.portfolio().writerQueueCapacity(), n, slots);
            s.view = new PortfolioView(n);
            s.portfolio = new RiskPortfolioHandler(config.risk(), config.portfolio(), config.orders(), instruments,
                portfolio, book, outbox, s.view);
            s.add(s.portfolio, 3);
            s.tradeLog = new TradeLogWriter(dataDir.resolve("live_trades.csv"),
                dataDir.resolve("portfolio_state.json"), instruments, id -> id < 0 ? "risk" : registry.name(id),
                outbox, slots);
            s.tradeLog.start(restoredTradeCount, config.pipeline().backgroundIdle());
            s.closeables.add(s.tradeLog);
        }
        s.parquet.start(config.pipeline().backgroundIdle());
        s.registerCounters();
        return s;
    }

    private void add(EventHandler<MarketEvent> stage, int latencyIndex) {
        handlers.add(new TimedStage(stage, latency, latencyIndex));
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
        counters.add("ringtrader_parquet_overflows_total", "Closed candles the Parquet queue had no room for",
            parquet::overflows);
        if (strategies != null) {
            counters.add("ringtrader_signals_total", "Signals generated",
                () -> strategies.counters().signalsWritten());
            counters.add("ringtrader_signals_filtered_total", "Signals under the confidence threshold",
                () -> strategies.counters().filteredSignals());
        }
        if (portfolio != null) {
            counters.add("ringtrader_fills_total", "Paper fills", portfolio::fillCount);
            counters.add("ringtrader_risk_rejected_signals_total", "Signals risk refused entirely",
                portfolio::rejectedSignals);
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
    }

    List<EventHandler<MarketEvent>> handlers() {
        return handlers;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LogManager.getLogger(Stages.class).error("Closing {} failed", closeables.get(i), e);
            }
        }
    }
}

package io.ringtrader.portfolio;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.OrderConfig;
import io.ringtrader.config.PortfolioConfig;
import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OutputBatch;
import io.ringtrader.event.Regime;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.order.OrderBook;
import io.ringtrader.risk.CorrelationMatrix;
import io.ringtrader.risk.DrawdownGuard;
import io.ringtrader.risk.RiskManager;
import io.ringtrader.risk.RiskReason;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The risk/portfolio ring stage. Per event, in exchange time only: a TRADE marks its instrument to the trade price
 * (equity, peak and drawdown follow) and is then matched against the symbol's open orders by the
 * {@link OrderManager} (orders placed on earlier events only); time-driven order changes follow (expiries, the
 * maximum holding time); then each non-filtered BUY/SELL signal sets a target through the {@link RiskManager} and
 * the order manager places what the target needs. Closed candles feed the return correlations and the ATR behind
 * ATR-sized exits. Decisions, order updates and fills are written into the slot (so the output journal holds them)
 * and fills are handed to the {@link PortfolioOutbox} with state snapshots (account and open orders). Events whose
 * journal index the portfolio already reflects (a replay after restart) only warm the correlations and ATRs.
 * Allocation-free per event; runs on one consumer thread; reads only the slot annotations of earlier stages, so
 * fused and thread-per-stage topologies behave the same.
 */
public final class RiskPortfolioHandler implements EventHandler<MarketEvent> {
    private static final Logger LOG = LogManager.getLogger(RiskPortfolioHandler.class);
    /** Events between two {@link PortfolioView} publications when nothing fills. */
    private static final int VIEW_EVERY_EVENTS = 64;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Instruments instruments;
    private final Portfolio portfolio;
    private final PaperBroker broker;
    private final OrderBook book;
    private final OrderManager orders;
    private final CorrelationMatrix correlations;
    private final DrawdownGuard drawdown;
    private final RiskManager risk;
    private final boolean reduceOnDrawdown;
    private final boolean standAsideWithoutEdge;
    private final long stateIntervalNs;
    private final PortfolioOutbox outbox;
    private final PortfolioView view;
    private long lastSnapshotNs = Long.MIN_VALUE;
    private int eventsSinceView;
    private long rejectedSignals;
    /** Rejected signals by reason bit ({@link RiskReason#COUNT}); one rejection may carry several reasons. */
    private final long[] rejectedByReason = new long[RiskReason.COUNT];
    private long replaySkipped;
    private long snapshotsDropped;
    private long arithmeticErrors;
    /** Toggled by the journaled TRADING_ON / TRADING_OFF markers; off, the stage only marks to market. */
    private boolean tradingEnabled = true;
    /** Set when the strategy selection found no edge over the costs: no new entries, exits still work. */
    private boolean standAside;

    /**
     * A handler trading {@code portfolio} with the open orders of {@code book} (both fresh, or restored by
     * {@link StateFile#load}) over {@code instruments}; {@code outbox} feeds the {@link TradeLogWriter} and
     * {@code view} the {@link StatusDisplay} (either may be null).
     */
    public RiskPortfolioHandler(RiskConfig riskConfig, PortfolioConfig portfolioConfig, OrderConfig orderConfig,
                                Instruments instruments, Portfolio portfolio, OrderBook book, PortfolioOutbox outbox,
                                PortfolioView view) {
        if (portfolio.instrumentCount() != instruments.size() || book.instrumentCount() != instruments.size()) {
            throw new IllegalArgumentException("portfolio has " + portfolio.instrumentCount() + " and orders "
                + book.instrumentCount() + " instruments, the table " + instruments.size());
        }
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.broker = new PaperBroker(portfolio, portfolioConfig);
        this.book = book;
        this.orders = new OrderManager(orderConfig, instruments, portfolio, broker, book, outbox);
        this.correlations = new CorrelationMatrix(instruments.size(), riskConfig.correlationWindow());
        this.drawdown = new DrawdownGuard(riskConfig.maxDrawdown(), riskConfig.drawdownRecovery(),
            (long) (riskConfig.drawdownCooloffHours() * 3_600e9), portfolio.entriesHalted(),
            portfolio.haltedSinceNs());
        this.risk = new RiskManager(riskConfig, orderConfig.sellTargetFraction(), correlations, drawdown);
        this.reduceOnDrawdown = riskConfig.reduceOnDrawdown();
        this.standAsideWithoutEdge = orderConfig.standAsideWithoutEdge();
        this.stateIntervalNs = portfolioConfig.stateIntervalSeconds() * NANOS_PER_SECOND;
        this.outbox = outbox;
        this.view = view;
    }

    /** The book a fresh account starts with: no orders, {@code config}'s slots per symbol. */
    public static OrderBook freshBook(OrderConfig config, int instrumentCount) {
        return new OrderBook(instrumentCount, config.maxOrdersPerSymbol());
    }

    /**
     * Processes one slot. Never throws: an arithmetic overflow (absurd prices that slipped past the feed's checks)
     * is counted in {@link #arithmeticErrors()} and the rest of the event is skipped; the account stays
     * consistent because every update computes its new values before changing any field.
     */
    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        orders.begin(event);
        try {
            process(event);
        } catch (ArithmeticException e) {
            arithmeticErrors++;
        } finally {
            orders.end();
        }
    }

    private void process(MarketEvent event) {
        if (event.type == EventType.HISTORY_CANDLE) {
            correlations.onCandle(event.history);
            orders.onCandle(event.history);
            return;
        }
        if (event.type == EventType.FEED_STATUS) {
            onStatus(event);
        }
        final boolean quote = event.type == EventType.QUOTE && validInstrument(event.instrumentId);
        if (quote) {
            orders.onQuote(event.instrumentId, event.timestampNs, event.quote);
        }
        final OutputBatch<Candle> candles = event.closedCandles;
        for (int i = 0; i < candles.size(); i++) {
            correlations.onCandle(candles.get(i));
            orders.onCandle(candles.get(i));
        }
        if (event.edgeChange != 0 && standAsideWithoutEdge) {
            final boolean aside = event.edgeChange == MarketEvent.NO_EDGE; // a scheduled re-selection decided again
            if (aside != standAside) {
                // rare (at most once per re-selection): the reason new entries stop or resume, in the log
                LOG.info(aside ? "Standing aside: the strategy re-selection found no strategy that beat the costs;"
                    + " no new entries until one does (orders.stand_aside_without_edge)"
                    : "Trading again: the strategy re-selection found a strategy that beats the costs");
            }
            standAside = aside;
        }
        if (event.journalIndex >= 0 && event.journalIndex <= portfolio.journalIndex()) {
            replaySkipped++;
            return;
        }
        final long now = event.timestampNs;
        final boolean trade = event.type == EventType.TRADE && event.priceE8 > 0
            && validInstrument(event.instrumentId);
        if (trade) {
            portfolio.mark(event.instrumentId, event.priceE8);
        }
        portfolio.stamp(now, event.journalIndex);
        final int fillsBefore = event.fills.size();
        if (trade) {
            orders.onTrade(event.instrumentId, event.priceE8, event.sizeE8, now);
        } else if (quote) {
            orders.matchQuote(event.instrumentId, now);
        }
        orders.onTime(now);
        checkDrawdown(event);
        final OutputBatch<Signal> signals = event.signals;
        for (int i = 0; i < signals.size(); i++) {
            final Signal s = signals.get(i);
            if (tradingEnabled && !s.filtered && (s.action == Action.BUY || s.action == Action.SELL)
                && validInstrument(s.instrumentId)) {
                onSignal(event, s);
            }
        }
        final boolean filled = event.fills.size() > fillsBefore;
        if (filled) {
            checkDrawdown(event);
        }
        final boolean changed = filled || event.orders.size() > 0;
        if (outbox != null && (changed || now - lastSnapshotNs >= stateIntervalNs
            || lastSnapshotNs == Long.MIN_VALUE)) {
            lastSnapshotNs = now;
            if (!outbox.offerSnapshot(portfolio, book)) {
                snapshotsDropped++;
            }
        }
        if (view != null && (changed || ++eventsSinceView >= VIEW_EVERY_EVENTS)) {
            eventsSinceView = 0;
            view.publish(portfolio, book, standAside);
        }
    }

    private void onStatus(MarketEvent event) {
        if (event.value == FeedStatus.DISCONNECTED || event.value == FeedStatus.RESTARTED) {
            orders.forgetQuotes(); // the book may have moved while nothing arrived
        }
        if (event.value == FeedStatus.TRADING_ON) {
            tradingEnabled = true;
        } else if (event.value == FeedStatus.TRADING_OFF) {
            tradingEnabled = false;
        } else if (event.value == FeedStatus.RESET_DRAWDOWN
            && !(event.journalIndex >= 0 && event.journalIndex <= portfolio.journalIndex())) {
            drawdown.reset();
            portfolio.resetPeak();
            portfolio.entriesHalted(false, drawdown.haltedSinceNs());
        } else if (event.value == FeedStatus.STAND_ASIDE) {
            standAside = true;
        } else if (event.value == FeedStatus.TRADE_ON_EDGE) {
            standAside = false;
        }
    }

    private void onSignal(MarketEvent event, Signal signal) {
        final RiskDecision decision = event.decisions.add();
        if (decision == null) {
            orders.batchFullInc();
            return;
        }
        orders.onSignal(signal, risk, standAside, decision);
        if (decision.approvedQuantityE8 <= 0) {
            rejectedSignals++;
            for (int bits = decision.reasonCode & ((1 << RiskReason.COUNT) - 1); bits != 0; bits &= bits - 1) {
                rejectedByReason[Integer.numberOfTrailingZeros(bits)]++;
            }
        }
    }

    /** True while paper trading is on (see {@link FeedStatus#TRADING_ON}). */
    public boolean tradingEnabled() {
        return tradingEnabled;
    }

    /**
     * Updates the drawdown latch; when it trips with {@code reduceOnDrawdown} every position is sold at market. A
     * cool-off release restarts the peak at the current equity.
     */
    private void checkDrawdown(MarketEvent event) {
        final boolean tripped = drawdown.update(portfolio.drawdownE8(), event.timestampNs);
        if (drawdown.takeCooloffRelease()) {
            portfolio.resetPeak();
        }
        portfolio.entriesHalted(drawdown.halted(), drawdown.haltedSinceNs());
        if (!tripped || !reduceOnDrawdown) {
            return;
        }
        for (int id = 0; id < instruments.size(); id++) {
            if (portfolio.quantityE8(id) > 0) {
                final RiskDecision decision = event.decisions.add();
                if (decision != null) {
                    decision.instrumentId = id;
                    decision.timestampNs = event.timestampNs;
                    decision.side = Side.SELL;
                    decision.requestedQuantityE8 = portfolio.quantityE8(id);
                    decision.approvedQuantityE8 = portfolio.quantityE8(id);
                    decision.reasonCode = RiskReason.DRAWDOWN;
                }
                orders.exitAll(id, ExitReason.DRAWDOWN, event.timestampNs, -1, Regime.UNKNOWN);
            }
        }
    }

    private boolean validInstrument(int id) {
        return id >= 0 && id < instruments.size();
    }

    /** Queues a final snapshot for the writer; Disruptor calls this on the handler thread when it stops. */
    @Override
    public void onShutdown() {
        publishState();
    }

    /** Queues a snapshot of the current state (handler thread, or after the ring has stopped). */
    public void publishState() {
        if (outbox != null && !outbox.offerSnapshot(portfolio, book)) {
            snapshotsDropped++;
        }
        if (view != null) {
            view.publish(portfolio, book, standAside);
        }
    }

    /** The account (read only from the handler thread, or after it stopped). */
    public Portfolio portfolio() {
        return portfolio;
    }

    /** Fills made since start. */
    public long fillCount() {
        return orders.fillCount();
    }

    /** Signals rejected by risk or validation since start. */
    public long rejectedSignals() {
        return rejectedSignals;
    }

    /**
     * Signals rejected with reason bit number {@code index} of {@link RiskReason} since start: a signal at its
     * target, standing aside or cooling down is refused by design, not by a limit.
     */
    public long rejectedSignals(int index) {
        return rejectedByReason[index];
    }

    /** Orders lost because a slot's decision or fill batch was full. */
    public long batchFull() {
        return orders.batchFull();
    }

    /** Events skipped because the restored portfolio already reflected them. */
    public long replaySkipped() {
        return replaySkipped;
    }

    /** Fills or snapshots not queued because the writer's outbox was full. */
    public long outboxDropped() {
        return snapshotsDropped + orders.outboxDropped();
    }

    /** Events cut short by an arithmetic overflow (should stay 0; alert if not). */
    public long arithmeticErrors() {
        return arithmeticErrors;
    }

    /** Orders the paper broker refused (non-zero means a risk bug). */
    public long brokerRejected() {
        return broker.rejected();
    }

    /** True while the drawdown latch blocks new entries. */
    public boolean drawdownHalted() {
        return drawdown.halted();
    }

    /** The order manager (handler thread only): open orders and counters. */
    public OrderManager orders() {
        return orders;
    }

    /** True while trading stands aside (no strategy beat the costs). */
    public boolean standingAside() {
        return standAside;
    }

    /** The return correlations (handler thread only). */
    public CorrelationMatrix correlations() {
        return correlations;
    }
}

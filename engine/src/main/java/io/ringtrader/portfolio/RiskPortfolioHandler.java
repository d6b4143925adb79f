package io.ringtrader.portfolio;

import com.lmax.disruptor.EventHandler;
import io.ringtrader.config.PortfolioConfig;
import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OutputBatch;
import io.ringtrader.event.Regime;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.risk.CorrelationMatrix;
import io.ringtrader.risk.DrawdownGuard;
import io.ringtrader.risk.RiskManager;
import io.ringtrader.risk.RiskReason;

/**
 * The risk/portfolio ring stage. Per event, in exchange time only: a TRADE marks its instrument to the trade price
 * (equity, peak and drawdown follow); closed candles feed the return correlations; each non-filtered BUY/SELL
 * signal is sized by the {@link RiskManager} and filled by the {@link PaperBroker}; the decisions and fills are
 * written into the slot's {@code decisions} and {@code fills} (so the output journal holds them) and handed to the
 * {@link PortfolioOutbox} with a state snapshot. Events whose journal index the portfolio already reflects (a
 * replay after restart) only warm the correlations. Allocation-free per event; runs on one consumer thread; reads
 * only the slot annotations of earlier stages, so fused and thread-per-stage topologies behave the same.
 */
public final class RiskPortfolioHandler implements EventHandler<MarketEvent> {
    /** Events between two {@link PortfolioView} publications when nothing fills. */
    private static final int VIEW_EVERY_EVENTS = 64;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Instruments instruments;
    private final Portfolio portfolio;
    private final PaperBroker broker;
    private final CorrelationMatrix correlations;
    private final DrawdownGuard drawdown;
    private final RiskManager risk;
    private final boolean reduceOnDrawdown;
    private final long stateIntervalNs;
    private final PortfolioOutbox outbox;
    private final PortfolioView view;
    private final Fill scratch = new Fill();
    private long lastSnapshotNs = Long.MIN_VALUE;
    private int eventsSinceView;
    private long fillCount;
    private long rejectedSignals;
    private long batchFull;
    private long replaySkipped;
    private long outboxDropped;
    private long arithmeticErrors;
    /** Toggled by the journaled TRADING_ON / TRADING_OFF markers; off, the stage only marks to market. */
    private boolean tradingEnabled = true;

    /**
     * A handler trading {@code portfolio} (fresh, or restored by {@link StateFile#load}) over {@code instruments};
     * {@code outbox} feeds the {@link TradeLogWriter} and {@code view} the {@link StatusDisplay} (either may be null).
     */
    public RiskPortfolioHandler(RiskConfig riskConfig, PortfolioConfig portfolioConfig, Instruments instruments,
                                Portfolio portfolio, PortfolioOutbox outbox, PortfolioView view) {
        if (portfolio.instrumentCount() != instruments.size()) {
            throw new IllegalArgumentException("portfolio has " + portfolio.instrumentCount()
                + " instruments, the table " + instruments.size());
        }
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.broker = new PaperBroker(portfolio, portfolioConfig);
        this.correlations = new CorrelationMatrix(instruments.size(), riskConfig.correlationWindow());
        this.drawdown = new DrawdownGuard(riskConfig.maxDrawdown(), riskConfig.drawdownRecovery(),
            portfolio.entriesHalted());
        this.risk = new RiskManager(riskConfig, correlations, drawdown);
        this.reduceOnDrawdown = riskConfig.reduceOnDrawdown();
        this.stateIntervalNs = portfolioConfig.stateIntervalSeconds() * NANOS_PER_SECOND;
        this.outbox = outbox;
        this.view = view;
    }

    /**
     * Processes one slot. Never throws: an arithmetic overflow (absurd prices that slipped past the feed's checks)
     * is counted in {@link #arithmeticErrors()} and the rest of the event is skipped; the account stays
     * consistent because every update computes its new values before changing any field.
     */
    @Override
    public void onEvent(MarketEvent event, long sequence, boolean endOfBatch) {
        try {
            process(event);
        } catch (ArithmeticException e) {
            arithmeticErrors++;
        }
    }

    private void process(MarketEvent event) {
        if (event.type == EventType.HISTORY_CANDLE) {
            correlations.onCandle(event.history);
            return;
        }
        if (event.type == EventType.FEED_STATUS) {
            if (event.value == FeedStatus.TRADING_ON) {
                tradingEnabled = true;
            } else if (event.value == FeedStatus.TRADING_OFF) {
                tradingEnabled = false;
            }
        }
        final OutputBatch<Candle> candles = event.closedCandles;
        for (int i = 0; i < candles.size(); i++) {
            correlations.onCandle(candles.get(i));
        }
        if (event.journalIndex >= 0 && event.journalIndex <= portfolio.journalIndex()) {
            replaySkipped++;
            return;
        }
        if (event.type == EventType.TRADE && event.priceE8 > 0 && validInstrument(event.instrumentId)) {
            portfolio.mark(event.instrumentId, event.priceE8);
        }
        portfolio.stamp(event.timestampNs, event.journalIndex);
        final int fillsBefore = event.fills.size();
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
        if (outbox != null && (filled || event.timestampNs - lastSnapshotNs >= stateIntervalNs
            || lastSnapshotNs == Long.MIN_VALUE)) {
            lastSnapshotNs = event.timestampNs;
            if (!outbox.offerSnapshot(portfolio)) {
                outboxDropped++;
            }
        }
        if (view != null && (filled || ++eventsSinceView >= VIEW_EVERY_EVENTS)) {
            eventsSinceView = 0;
            view.publish(portfolio);
        }
    }

    private void onSignal(MarketEvent event, Signal signal) {
        final RiskDecision decision = event.decisions.add();
        if (decision == null) {
            batchFull++;
            return;
        }
        final Instrument instrument = instruments.get(signal.instrumentId);
        final long quantity = risk.decide(signal, instrument, portfolio, broker, decision);
        if (quantity <= 0) {
            rejectedSignals++;
            return;
        }
        execute(event, instrument, decision, quantity, signal.leadStrategyId, signal.regime, signal.confidence);
    }

    /** True while paper trading is on (see {@link FeedStatus#TRADING_ON}). */
    public boolean tradingEnabled() {
        return tradingEnabled;
    }

    /** Sells every position when the drawdown latch trips and {@code reduceOnDrawdown} is set. */
    private void checkDrawdown(MarketEvent event) {
        final boolean tripped = drawdown.update(portfolio.drawdownE8());
        portfolio.entriesHalted(drawdown.halted());
        if (!tripped || !reduceOnDrawdown) {
            return;
        }
        for (int id = 0; id < instruments.size(); id++) {
            final Instrument instrument = instruments.get(id);
            final long quantity = FixedPoint.floorTo(portfolio.quantityE8(id), instrument.sizeIncrementE8());
            if (quantity <= 0 || quantity < instrument.minOrderSizeE8()) {
                continue;
            }
            final RiskDecision decision = event.decisions.add();
            if (decision == null) {
                batchFull++;
                return;
            }
            decision.instrumentId = id;
            decision.timestampNs = event.timestampNs;
            decision.side = Side.SELL;
            decision.requestedQuantityE8 = quantity;
            decision.approvedQuantityE8 = quantity;
            decision.reasonCode = RiskReason.DRAWDOWN;
            execute(event, instrument, decision, quantity, -1, Regime.UNKNOWN, 1.0);
        }
    }

    private void execute(MarketEvent event, Instrument instrument, RiskDecision decision, long quantity,
                         int strategyId, byte regime, double confidence) {
        if (event.fills.size() == event.fills.capacity()) {
            decision.approvedQuantityE8 = 0;
            decision.reasonCode |= RiskReason.BATCH_FULL;
            batchFull++;
            return;
        }
        final int rc = broker.execute(instrument, decision.side, quantity, event.timestampNs, scratch);
        if (rc != 0) {
            decision.approvedQuantityE8 = 0;
            decision.reasonCode |= rc;
            rejectedSignals++;
            return;
        }
        scratch.strategyId = strategyId;
        scratch.regime = regime;
        scratch.confidence = confidence;
        scratch.reasonCode = decision.reasonCode;
        event.fills.add().copyFrom(scratch);
        fillCount++;
        if (outbox != null && !outbox.offerFill(scratch)) {
            outboxDropped++;
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
        if (outbox != null && !outbox.offerSnapshot(portfolio)) {
            outboxDropped++;
        }
        if (view != null) {
            view.publish(portfolio);
        }
    }

    /** The account (read only from the handler thread, or after it stopped). */
    public Portfolio portfolio() {
        return portfolio;
    }

    /** Fills made since start. */
    public long fillCount() {
        return fillCount;
    }

    /** Signals rejected by risk or validation since start. */
    public long rejectedSignals() {
        return rejectedSignals;
    }

    /** Orders lost because a slot's decision or fill batch was full. */
    public long batchFull() {
        return batchFull;
    }

    /** Events skipped because the restored portfolio already reflected them. */
    public long replaySkipped() {
        return replaySkipped;
    }

    /** Fills or snapshots not queued because the writer's outbox was full. */
    public long outboxDropped() {
        return outboxDropped;
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

    /** The return correlations (handler thread only). */
    public CorrelationMatrix correlations() {
        return correlations;
    }
}

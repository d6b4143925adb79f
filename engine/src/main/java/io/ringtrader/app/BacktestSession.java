package io.ringtrader.app;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Signal;
import io.ringtrader.portfolio.Portfolio;
import io.ringtrader.portfolio.RiskPortfolioHandler;
import io.ringtrader.strategy.StrategyHandler;
import io.ringtrader.strategy.StrategyRegistry;

/**
 * One backtest run: the live {@link StrategyHandler} and {@link RiskPortfolioHandler}, driven directly (off the
 * ring) on the calling thread with the events the live pipeline would hand them. Per minute of candles: first one
 * TRADE event per symbol at the candle's close price and close time (the risk/portfolio stage marks to market on
 * trades, so orders fill at the last trade price as live), then one event carrying the minute's closed candles in
 * {@code closedCandles}; each event passes the strategy stage, then the risk/portfolio stage, like the pipeline.
 * A fresh portfolio with the configured starting cash; strategies start cold (the first {@code min_candles}
 * minutes of the range warm them up). Single-use, single-threaded, deterministic.
 */
final class BacktestSession {

    /** Sees every signal the strategy stage writes (tests compare them with a live handler's). */
    interface Observer {
        void onSignal(Signal signal);
    }

    /** Told how many candles of the run are done, after each minute. */
    interface Progress {
        void done(long candles);
    }

    private final String label;
    private final Instruments instruments;
    private final StrategyHandler strategies;
    private final RiskPortfolioHandler risk;
    private final Portfolio portfolio;
    private final MarketEvent event;
    private final BacktestResult result;
    private long sequence;
    private long tradeId;

    /** A run of {@code registry}'s strategies (configured by {@code strategyConfig}) under {@code config}'s risk. */
    BacktestSession(String label, EngineConfig config, Instruments instruments, StrategyConfig strategyConfig,
                    StrategyRegistry registry) {
        this.label = label;
        this.instruments = instruments;
        final int n = instruments.size();
        strategies = new StrategyHandler(strategyConfig, registry, n);
        portfolio = new Portfolio(n, config.portfolio().startingCashE8());
        risk = new RiskPortfolioHandler(config.risk(), config.portfolio(), instruments, portfolio, null, null);
        event = new MarketEvent(n);
        result = new BacktestResult(config.portfolio().startingCashE8(), n);
    }

    /** Runs {@code candles} (time order, see {@link BacktestCandles}) and returns what happened. */
    BacktestResult run(Candle[] candles, Observer observer, Progress progress) {
        event.clear();
        event.type = EventType.FEED_STATUS;
        event.value = FeedStatus.TRADING_ON;
        event.timestampNs = candles.length == 0 ? 0 : candles[0].openTimeNs;
        dispatch(observer);
        int i = 0;
        while (i < candles.length) {
            final long openNs = candles[i].openTimeNs;
            int end = i;
            while (end < candles.length && candles[end].openTimeNs == openNs) {
                end++;
            }
            final long closeNs = openNs + StrategyHandler.CANDLE_NS;
            final boolean held = positionHeld();
            for (int k = i; k < end; k++) {
                mark(candles[k], closeNs, observer);
            }
            event.clear();
            event.type = EventType.HEARTBEAT;
            event.timestampNs = closeNs;
            for (int k = i; k < end; k++) {
                final Candle slot = event.closedCandles.add();
                if (slot != null) {
                    slot.copyFrom(candles[k]);
                }
            }
            dispatch(observer);
            result.addMinute(closeNs, portfolio.equityE8(), held);
            i = end;
            if (progress != null) {
                progress.done(end);
            }
        }
        result.signals(strategies.counters().actionableSignals(), strategies.counters().filteredSignals(),
            risk.rejectedSignals());
        if (risk.arithmeticErrors() + risk.batchFull() + risk.brokerRejected() > 0) {
            BacktestRunner.LOG.warn("Backtest {}: {} arithmetic errors, {} full batches, {} broker rejections",
                label, risk.arithmeticErrors(), risk.batchFull(), risk.brokerRejected());
        }
        return result;
    }

    /** The last trade of the minute, as the feed would have delivered it. */
    private void mark(Candle candle, long closeNs, Observer observer) {
        if (candle.closeE8 <= 0) {
            return;
        }
        event.clear();
        event.type = EventType.TRADE;
        event.instrumentId = candle.instrumentId;
        event.timestampNs = closeNs;
        event.priceE8 = candle.closeE8;
        event.sizeE8 = candle.volumeE8 > 0 ? candle.volumeE8 : FixedPoint.ONE;
        event.tradeId = ++tradeId;
        dispatch(observer);
    }

    private void dispatch(Observer observer) {
        final long seq = sequence++;
        strategies.onEvent(event, seq, true);
        if (observer != null) {
            for (int s = 0; s < event.signals.size(); s++) {
                observer.onSignal(event.signals.get(s));
            }
        }
        risk.onEvent(event, seq, true);
        for (int f = 0; f < event.fills.size(); f++) {
            result.addFill(event.fills.get(f));
        }
    }

    private boolean positionHeld() {
        for (int id = 0; id < instruments.size(); id++) {
            if (portfolio.quantityE8(id) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The account after the run. */
    Portfolio portfolio() {
        return portfolio;
    }

    /** The strategy stage (its counters). */
    StrategyHandler strategies() {
        return strategies;
    }
}

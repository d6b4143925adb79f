package io.ringtrader.backtest;

import io.ringtrader.candle.CandleHandler;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OutputBatch;
import io.ringtrader.event.Signal;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import io.ringtrader.portfolio.Portfolio;
import io.ringtrader.pipeline.StageChain;
import io.ringtrader.portfolio.RiskPortfolioHandler;
import io.ringtrader.strategy.StrategyHandler;
import io.ringtrader.strategy.StrategyRegistry;

/**
 * One backtest run: the live {@link StrategyHandler} and {@link RiskPortfolioHandler} (with its order manager and paper
 * matching engine) of an {@link StageChain#offRing off-ring stage chain}, driven directly on the calling thread with
 * the events the live pipeline would hand them. Per minute of candles: first each symbol's bar as a conservative path
 * of trades inside the minute (open, then the adverse extreme for a long position, the low, then the high, then the
 * close, each with a quarter of the volume, so resting limits fill only when the path trades through them and stops
 * trigger before take-profits), then one event carrying the minute's closed candles in {@code closedCandles}; each
 * event passes the strategy stage, then the risk/portfolio stage, like the pipeline. Orders placed on a minute's close
 * match the next minute's path, never the bar that caused them.
 * <p>{@link #runJournal} drives the same stages from a journal's recorded inputs instead, with the live candle
 * stage in front: every real trade, heartbeat and feed event in its recorded order, so orders match trade by trade
 * exactly as they did (or would have) live, with no bar path assumed.
 * A fresh portfolio with the configured starting cash; strategies start cold (the first {@code min_candles}
 * minutes of the range warm them up). Single-use, single-threaded, deterministic.
 */
public final class BacktestSession {

    /** Sees every signal the strategy stage writes (tests compare them with a live handler's). */
    public interface Observer {
        void onSignal(Signal signal);
    }

    /** Told how many candles of the run are done, after each minute. */
    public interface Progress {
        void done(long candles);
    }

    /** Trades per bar in the intra-bar path. */
    private static final int PATH_LEGS = 4;
    private static final long[] LEG_OFFSET_NS = {0L, 15_000_000_000L, 30_000_000_000L, 59_999_000_000L};

    private final String label;
    private final Instruments instruments;
    private final CandleHandler candles;
    private final StrategyHandler strategies;
    private final RiskPortfolioHandler risk;
    private final Portfolio portfolio;
    private final EngineConfig config;
    private final MarketEvent event;
    private final BacktestResult result;
    private final boolean barsOnly;
    private long sequence;
    private long tradeId;

    /** A run of {@code registry}'s strategies (configured by {@code strategyConfig}) under {@code config}'s risk. */
    public BacktestSession(String label, EngineConfig config, Instruments instruments, StrategyConfig strategyConfig,
                    StrategyRegistry registry) {
        this(label, config, instruments, strategyConfig, registry, false);
    }

    /**
     * As above; {@code barsOnly} for a session that will only {@link #run} candles (optimize, the selection): its
     * chain skips what only {@link #runJournal} uses (see {@link StageChain#offRing}), so it is cheaper to build.
     */
    BacktestSession(String label, EngineConfig config, Instruments instruments, StrategyConfig strategyConfig,
                    StrategyRegistry registry, boolean barsOnly) {
        this.label = label;
        this.instruments = instruments;
        this.config = config;
        this.barsOnly = barsOnly;
        final int n = instruments.size();
        final StageChain chain = StageChain.offRing(config, instruments, strategyConfig, registry, barsOnly);
        candles = chain.candles;
        strategies = chain.strategies;
        risk = chain.portfolio;
        portfolio = risk.portfolio();
        event = new MarketEvent(n);
        result = new BacktestResult(config.portfolio().startingCashE8(), n);
    }

    /** Runs {@code candles} (time order, see {@link BacktestCandles}) and returns what happened. */
    public BacktestResult run(Candle[] candles, Observer observer, Progress progress) {
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
            for (int leg = 0; leg < PATH_LEGS; leg++) {
                for (int k = i; k < end; k++) {
                    trade(candles[k], leg, observer);
                }
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
        return finish();
    }

    private BacktestResult finish() {
        result.signals(strategies.counters().actionableSignals(), strategies.counters().filteredSignals(),
            risk.rejectedSignals());
        if (risk.arithmeticErrors() + risk.batchFull() + risk.brokerRejected() > 0) {
            BacktestRunner.LOG.warn("Backtest {}: {} arithmetic errors, {} full batches, {} broker rejections",
                label, risk.arithmeticErrors(), risk.batchFull(), risk.brokerRejected());
        }
        return result;
    }

    /**
     * Runs the recorded inputs of {@code journal} whose exchange time lies in [{@code fromNs}, {@code toNs}) (history
     * candles, which only warm the stages up, always) through the candle, strategy and risk/portfolio stages. The
     * recorded session's own decisions (trading on and off, standing aside, drawdown resets) are not inputs of a
     * backtest and are left out: the run trades from its first event to its last. Each candle the candle stage
     * closes goes to {@code closed} (copied by the callee if kept); one equity point per minute that closed candles.
     */
    BacktestResult runJournal(Journal journal, long fromNs, long toNs, Observer observer, Progress progress,
                              java.util.function.Consumer<Candle> closed) {
        if (barsOnly) {
            throw new IllegalStateException("a bars-only session has no full candle stage to replay a journal");
        }
        final JournalRecord record = new JournalRecord();
        long inputs = 0;
        boolean started = false;
        try (JournalReader reader = journal.reader()) {
            while (reader.next(record)) {
                if (record.type != RecordType.INPUT || !backtestInput(record.input, fromNs, toNs)) {
                    continue;
                }
                if (!started && record.input.type != EventType.HISTORY_CANDLE) {
                    started = true;
                    event.clear();
                    event.type = EventType.FEED_STATUS;
                    event.value = FeedStatus.TRADING_ON;
                    event.timestampNs = record.input.timestampNs;
                    dispatch(candles, observer);
                }
                final boolean held = positionHeld();
                event.clear();
                event.copyInputFrom(record.input);
                dispatch(candles, observer);
                final OutputBatch<Candle> out = event.closedCandles;
                long lastMinuteNs = Long.MIN_VALUE;
                for (int i = 0; i < out.size(); i++) {
                    final Candle c = out.get(i);
                    if (closed != null) {
                        closed.accept(c);
                    }
                    if (c.openTimeNs != lastMinuteNs) {
                        lastMinuteNs = c.openTimeNs;
                        result.addMinute(c.openTimeNs + StrategyHandler.CANDLE_NS, portfolio.equityE8(), held);
                    }
                }
                if (progress != null && ++inputs % 65_536 == 0) {
                    progress.done(inputs);
                }
            }
        }
        if (progress != null) {
            progress.done(inputs);
        }
        return finish();
    }

    /** A journaled input a backtest replays: market data and feed events in range, never the session's decisions. */
    private static boolean backtestInput(MarketEvent in, long fromNs, long toNs) {
        if (in.type == EventType.HISTORY_CANDLE) {
            return true;
        }
        if (in.type == EventType.FEED_STATUS && (in.value == FeedStatus.TRADING_ON
            || in.value == FeedStatus.TRADING_OFF || in.value == FeedStatus.STAND_ASIDE
            || in.value == FeedStatus.TRADE_ON_EDGE || in.value == FeedStatus.RESET_DRAWDOWN)) {
            return false;
        }
        return in.timestampNs >= fromNs && in.timestampNs < toNs;
    }

    private void dispatch(CandleHandler candles, Observer observer) {
        candles.onEvent(event, sequence, true);
        dispatch(observer);
    }

    /**
     * Leg {@code leg} of the bar's path (open, low, high, close at 0, 15, 30 and 59.999 s into the minute), as the
     * feed would have delivered a trade. A bar without volume had no trade: it sends nothing.
     */
    private void trade(Candle candle, int leg, Observer observer) {
        if (candle.closeE8 <= 0 || candle.volumeE8 <= 0) {
            return;
        }
        final long price = switch (leg) {
            case 0 -> candle.openE8;
            case 1 -> candle.lowE8;
            case 2 -> candle.highE8;
            default -> candle.closeE8;
        };
        if (price <= 0) {
            return;
        }
        event.clear();
        event.type = EventType.TRADE;
        event.instrumentId = candle.instrumentId;
        event.timestampNs = candle.openTimeNs + LEG_OFFSET_NS[leg];
        event.priceE8 = price;
        event.sizeE8 = Math.max(1, candle.volumeE8 / PATH_LEGS);
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

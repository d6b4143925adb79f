package io.ringtrader.backtest;

import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Side;
import io.ringtrader.research.WalkForward;
import io.ringtrader.strategy.CandidateSimulation;
import io.ringtrader.strategy.PerformanceMetrics;
import io.ringtrader.strategy.StrategyLibrary;
import io.ringtrader.strategy.StrategyRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The strategy selection's simulation: one candidate alone through a {@link BacktestSession}, i.e. the live strategy
 * stage, risk sizing, order manager, protective exits and paper matching engine over each minute's conservative
 * trade path, paying the portfolio's maker and taker fees and slippage. A candidate is therefore ranked on the
 * trading it would do live, exactly as {@code backtest} reports it per strategy. Signals of an instrument
 * wait for its candle {@code firstTradeIndex} (the longest warm-up among the candidates), so every candidate trades
 * the same span. The traded span runs from the earliest instrument's first tradable minute; its equity (one point
 * per minute, compounded from 1.0) and its closing trades (SELL fills, realized P&amp;L net of fees) are rated whole
 * and walk-forward (see {@link #rate}). Allocation is fine: this runs at start-up
 * and once per re-selection interval. Deterministic.
 */
public final class OrderLayerSimulation implements CandidateSimulation {
    private final EngineConfig config;
    private final Instruments instruments;
    private final StrategyLibrary library;

    /** Simulates under {@code config}'s portfolio, risk and order settings over {@code instruments}. */
    public OrderLayerSimulation(EngineConfig config, Instruments instruments, StrategyLibrary library) {
        this.config = config;
        this.instruments = instruments;
        this.library = library;
    }

    @Override
    public Evaluation run(String name, List<Candle[]> history, int firstTradeIndex, int folds) {
        final List<List<Candle>> perInstrument = new ArrayList<>();
        for (int id = 0; id < instruments.size(); id++) {
            perInstrument.add(new ArrayList<>());
        }
        long tradeStartNs = Long.MAX_VALUE;
        for (Candle[] candles : history) {
            if (candles.length == 0) {
                continue;
            }
            perInstrument.get(candles[0].instrumentId).addAll(List.of(candles));
            if (candles.length > firstTradeIndex) {
                tradeStartNs = Math.min(tradeStartNs, candles[firstTradeIndex].openTimeNs);
            }
        }
        final Candle[] merged = BacktestCandles.of(perInstrument).candles();
        final List<String> one = List.of(name);
        final var strategyConfig = config.strategies().withActive(one).withMinCandles(firstTradeIndex);
        final StrategyRegistry registry = StrategyRegistry.create(strategyConfig, library);
        final BacktestResult result = new BacktestSession("selection " + name, config, instruments, strategyConfig,
            registry, true).run(merged, null, null);
        return rate(result, tradeStartNs, folds);
    }

    /**
     * The figures of {@code result} from the first minute closing after {@code tradeStartNs}: whole, and on
     * {@code folds} rolling walk-forward folds ({@link WalkForward}, as {@code optimize} cuts them) whose training
     * and test periods are each one of {@code folds + 1} equal parts of the traded exchange time; the test periods
     * joined are the out-of-sample figures.
     */
    static Evaluation rate(BacktestResult result, long tradeStartNs, int folds) {
        int first = 0;
        while (first < result.minutes() && result.timeNs(first) <= tradeStartNs) {
            first++;
        }
        final int[] tradeMinute = new int[result.fills().size()];
        for (int t = 0; t < tradeMinute.length; t++) {
            tradeMinute[t] = minuteOf(result, result.fills().get(t).timestampNs);
        }
        final PerformanceMetrics whole = rate(result, first, result.minutes(), tradeMinute);
        final long endNs = result.minutes() == 0 ? tradeStartNs : result.timeNs(result.minutes() - 1);
        final long partNs = (endNs - tradeStartNs) / (folds + 1);
        if (first >= result.minutes() || partNs <= 0) {
            final PerformanceMetrics none = rate(result, first, first, tradeMinute);
            return new Evaluation(whole, none, none, java.util.Collections.nCopies(folds, none), new double[0]);
        }
        final List<WalkForward.Fold> list = WalkForward.of(tradeStartNs, tradeStartNs + partNs * (folds + 1),
            partNs, partNs, false).folds();
        final List<PerformanceMetrics> perFold = new ArrayList<>();
        for (WalkForward.Fold fold : list) {
            perFold.add(rate(result, after(result, fold.trainToNs()), after(result, fold.testToNs()), tradeMinute));
        }
        final int inFrom = after(result, list.get(0).trainFromNs());
        final int outFrom = after(result, list.get(0).trainToNs());
        final int outTo = after(result, list.get(list.size() - 1).testToNs());
        return new Evaluation(whole, rate(result, inFrom, outFrom, tradeMinute),
            rate(result, outFrom, outTo, tradeMinute), perFold, result.returns(outFrom, outTo));
    }

    /** The first minute closing after {@code timeNs}. */
    private static int after(BacktestResult result, long timeNs) {
        return minuteOf(result, timeNs + 1);
    }

    /** Minutes [from, to): per-minute returns compounded from 1.0, the SELL fills inside them. */
    private static PerformanceMetrics rate(BacktestResult result, int from, int to, int[] tradeMinute) {
        final double[] curve = new double[to - from + 1];
        curve[0] = 1.0;
        long exposed = 0;
        double previous = from == 0 ? FixedPoint.toDouble(result.startingCashE8())
            : FixedPoint.toDouble(result.equityE8(from - 1));
        for (int m = from; m < to; m++) {
            final double equity = FixedPoint.toDouble(result.equityE8(m));
            curve[m - from + 1] = curve[m - from] * (equity / previous);
            exposed += result.exposed(m) ? 1 : 0;
            previous = equity;
        }
        final List<Fill> fills = result.fills();
        final double[] pnl = new double[fills.size()];
        int trades = 0;
        for (int t = 0; t < fills.size(); t++) {
            final Fill f = fills.get(t);
            if (f.side == Side.SELL && tradeMinute[t] >= from && tradeMinute[t] < to) {
                pnl[trades++] = FixedPoint.toDouble(f.realizedPnlE8);
            }
        }
        return PerformanceMetrics.compute(curve, to - from + 1, pnl, trades, exposed,
            PerformanceMetrics.MINUTES_PER_YEAR);
    }

    /** The minute a fill at {@code timeNs} belongs to: the first whose close is at or after it. */
    private static int minuteOf(BacktestResult result, long timeNs) {
        int lo = 0;
        int hi = result.minutes();
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (result.timeNs(mid) < timeNs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

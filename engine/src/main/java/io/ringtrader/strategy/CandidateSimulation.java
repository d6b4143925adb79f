package io.ringtrader.strategy;

import io.ringtrader.event.Candle;
import java.util.List;

/**
 * How the {@link StrategySelector} learns what one candidate would have done: it trades the strategy alone over
 * the history and rates the result walk-forward. The engine's implementation runs the live strategy, risk and
 * order stages with the paper matching engine, so a candidate is ranked net of the fees, slippage, sizing and exits
 * it would meet live.
 */
@FunctionalInterface
public interface CandidateSimulation {

    /**
     * Trades {@code name} alone over {@code history} (each instrument's candles in time order, stamped with its
     * id), deciding nothing before an instrument's candle {@code firstTradeIndex}, and rates it on {@code folds}
     * rolling walk-forward folds: the traded span is cut into {@code folds + 1} equal periods of exchange time,
     * fold {@code f} trains on period {@code f} and tests on period {@code f + 1}.
     *
     * @return the figures over the traded span, in and out of sample, and per fold's test period
     */
    Evaluation run(String name, List<Candle[]> history, int firstTradeIndex, int folds);

    /**
     * One candidate's figures, all net of costs.
     *
     * @param whole              the whole traded span
     * @param inSample           the training periods joined (the span's first {@code folds} periods)
     * @param outOfSample        the test periods joined (the periods after the first): what the selection ranks on
     * @param folds              each fold's test period, oldest first
     * @param outOfSampleReturns the per-minute returns of {@code outOfSample} (for the deflated Sharpe ratio)
     */
    record Evaluation(PerformanceMetrics whole, PerformanceMetrics inSample, PerformanceMetrics outOfSample,
                      List<PerformanceMetrics> folds, double[] outOfSampleReturns) {
        public Evaluation {
            folds = List.copyOf(folds);
            outOfSampleReturns = outOfSampleReturns.clone();
        }
    }
}

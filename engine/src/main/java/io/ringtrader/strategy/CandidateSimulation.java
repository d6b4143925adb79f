package io.ringtrader.strategy;

import io.ringtrader.event.Candle;
import java.util.List;

/**
 * How the {@link StrategySelector} learns what one candidate would have done: it trades the strategy alone over
 * the history and rates the result. The engine's implementation runs the live strategy, risk and order stages
 * with the paper matching engine, so a candidate is ranked net of the fees, slippage, sizing and exits it would
 * meet live.
 */
@FunctionalInterface
public interface CandidateSimulation {

    /**
     * Trades {@code name} alone over {@code history} (each instrument's candles in time order, stamped with its
     * id), deciding nothing before an instrument's candle {@code firstTradeIndex}.
     *
     * @return the figures over the traded span and over each of its {@code folds} consecutive equal parts
     */
    Evaluation run(String name, List<Candle[]> history, int firstTradeIndex, int folds);

    /**
     * One candidate's figures.
     *
     * @param whole the traded span
     * @param folds each walk-forward fold, oldest first
     */
    record Evaluation(PerformanceMetrics whole, List<PerformanceMetrics> folds) {
        public Evaluation {
            folds = List.copyOf(folds);
        }
    }
}

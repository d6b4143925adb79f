package io.ringtrader.backtest;

import io.ringtrader.research.OutOfSample;
import io.ringtrader.strategy.PerformanceMetrics;
import java.util.Map;

/**
 * The walk-forward figures of one parameter set: per fold its training (in-sample) and test (out-of-sample)
 * segment, and the summaries the search ranks on. Out-of-sample: the test periods' per-minute returns joined
 * (they tile the range without overlap), their annualized Sharpe ratio, the return compounded over the test
 * periods, the worst test-period drawdown, fills, fees over the starting cash (summed) and the test periods that
 * made money. In-sample: the training periods' joined returns' Sharpe ratio and their mean return (rolling training
 * periods overlap, so they are not compounded). Immutable.
 *
 * @param index  the set's position in the grid listing
 * @param params parameter name to value, in --param order
 * @param train  per fold, the training segment
 * @param test   per fold, the test segment
 */
record OptimizeSetResult(int index, Map<String, String> params, OptimizeSegment[] train, OptimizeSegment[] test) {
    private static final double ANNUALIZE = Math.sqrt(PerformanceMetrics.MINUTES_PER_YEAR);

    /** The test periods' per-minute returns, joined in fold order. */
    double[] outOfSampleReturns() {
        return joined(test);
    }

    /** Per fold, the test segment's total return. */
    private double[] testReturns() {
        final double[] out = new double[test.length];
        for (int f = 0; f < test.length; f++) {
            out[f] = test[f].totalReturn();
        }
        return out;
    }

    /** Per-minute (not annualized) Sharpe ratio of the joined test returns. */
    double outOfSampleSharpePerMinute() {
        return OutOfSample.sharpePerMinute(outOfSampleReturns());
    }

    double outOfSampleSharpe() {
        return outOfSampleSharpePerMinute() * ANNUALIZE;
    }

    double inSampleSharpe() {
        return OutOfSample.sharpePerMinute(joined(train)) * ANNUALIZE;
    }

    /** Per-minute Sharpe ratio of fold {@code f}'s training segment (what a walk-forward pick sees). */
    double inSampleSharpePerMinute(int f) {
        return OutOfSample.sharpePerMinute(train[f].returns());
    }

    double inSampleMeanReturn() {
        double sum = 0;
        for (OptimizeSegment s : train) {
            sum += s.totalReturn();
        }
        return sum / train.length;
    }

    double outOfSampleReturn() {
        return OutOfSample.compounded(testReturns());
    }

    double outOfSampleMaxDrawdown() {
        double worst = 0;
        for (OptimizeSegment s : test) {
            worst = Math.max(worst, s.stats().metrics().maxDrawdown());
        }
        return worst;
    }

    int outOfSampleFills() {
        int fills = 0;
        for (OptimizeSegment s : test) {
            fills += s.stats().fills();
        }
        return fills;
    }

    double outOfSampleFeeShare() {
        double fees = 0;
        for (OptimizeSegment s : test) {
            fees += s.stats().feeShare();
        }
        return fees;
    }

    int positiveTestPeriods() {
        return OutOfSample.positive(testReturns());
    }

    private static double[] joined(OptimizeSegment[] segments) {
        final double[][] returns = new double[segments.length][];
        for (int i = 0; i < segments.length; i++) {
            returns[i] = segments[i].returns();
        }
        return OutOfSample.joined(returns);
    }
}

package io.ringtrader.strategy;

import io.ringtrader.event.Candle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CandidateSimulation} with given figures per strategy (the selector's ranking logic is tested apart from
 * the order layer, which backtest's OrderLayerSimulationTest covers); it records what it was asked.
 */
final class ScriptedSimulation implements CandidateSimulation {
    private final Map<String, Evaluation> results = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    int lastFirstTradeIndex = -1;
    int lastInstruments = -1;

    /**
     * Strategy {@code name} scores {@code sharpe} out of sample (and in sample) with {@code trades}, and these
     * fold (test period) Sharpes.
     */
    ScriptedSimulation give(String name, double sharpe, int trades, double... foldSharpes) {
        results.put(name, evaluation(sharpe, sharpe, trades, foldSharpes));
        return this;
    }

    /** As above with an in-sample Sharpe of its own (what a selection on in-sample figures would see). */
    ScriptedSimulation giveInSample(String name, double inSampleSharpe, double sharpe, int trades,
                                    double... foldSharpes) {
        results.put(name, evaluation(inSampleSharpe, sharpe, trades, foldSharpes));
        return this;
    }

    /**
     * Figures with these Sharpes; the whole span shows the in-sample one (a span dominated by its training part),
     * and the out-of-sample returns alternate around a mean of the Sharpe's sign.
     */
    static Evaluation evaluation(double inSampleSharpe, double sharpe, int trades, double... foldSharpes) {
        final List<PerformanceMetrics> folds = new ArrayList<>();
        for (double f : foldSharpes) {
            folds.add(metrics(f, trades / Math.max(1, foldSharpes.length)));
        }
        final double[] returns = new double[200];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = sharpe * 1e-5 + (i % 2 == 0 ? 1e-3 : -1e-3);
        }
        return new Evaluation(metrics(inSampleSharpe, trades), metrics(inSampleSharpe, trades),
            metrics(sharpe, trades), folds, returns);
    }

    static PerformanceMetrics metrics(double sharpe, int trades) {
        return new PerformanceMetrics(sharpe / 100, sharpe, sharpe, 0.01, trades, 0.5, 1.0, 0.5, 100);
    }

    @Override
    public Evaluation run(String name, List<Candle[]> history, int firstTradeIndex, int folds) {
        asked.add(name);
        lastFirstTradeIndex = firstTradeIndex;
        lastInstruments = history.size();
        final Evaluation e = results.get(name);
        if (e == null) {
            return evaluation(0, 0, 0, new double[folds]);
        }
        return e;
    }
}

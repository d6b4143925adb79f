package io.ringtrader.strategy;

import io.ringtrader.event.Candle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CandidateSimulation} with given figures per strategy (the selector's ranking logic is tested apart from
 * the order layer, which app's OrderLayerSimulationTest covers); it records what it was asked.
 */
final class ScriptedSimulation implements CandidateSimulation {
    private final Map<String, Evaluation> results = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    int lastFirstTradeIndex = -1;
    int lastInstruments = -1;

    /** Strategy {@code name} scores {@code sharpe} over the whole span with {@code trades}, and these fold Sharpes. */
    ScriptedSimulation give(String name, double sharpe, int trades, double... foldSharpes) {
        final List<PerformanceMetrics> folds = new ArrayList<>();
        for (double f : foldSharpes) {
            folds.add(metrics(f, trades / Math.max(1, foldSharpes.length)));
        }
        results.put(name, new Evaluation(metrics(sharpe, trades), folds));
        return this;
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
            final List<PerformanceMetrics> empty = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                empty.add(metrics(0, 0));
            }
            return new Evaluation(metrics(0, 0), empty);
        }
        return e;
    }
}

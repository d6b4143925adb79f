package io.ringtrader.strategy;

import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the three strategies to run: every candidate is evaluated ALONE, walk-forward, on the history (its
 * indicators warm up on the first candles, then it trades the rest in time order, never seeing a candle before
 * acting on the previous one; parameters are not fitted, so everything after the warm-up is out of sample)
 * by a {@link CandidateSimulation} (in the engine: the live order layer, net of every cost), and ranked by
 * {@code strategies.selection.metric} over the whole traded span.
 * The span is also cut into {@code folds} consecutive folds scored separately, so a strategy that earned
 * everything in one burst shows it. Strategies with fewer than {@code min_trades} trades or fewer than
 * {@code min_positive_folds} positive folds rank after the others; ties break by name. With too little history
 * (no instrument has {@code min_history_candles} after the longest warm-up) the three defaults are returned with
 * that reason.
 * Start-up only, single-threaded.
 */
public final class StrategySelector {
    private final StrategyConfig config;
    private final StrategyLibrary library;
    private final CandidateSimulation simulation;

    /** The words in a selection's reason when no strategy had a positive score net of costs. */
    public static final String NO_EDGE = "no strategy beat the costs";

    /**
     * A selector over {@code library} using {@code config.selection()} and {@code config.params()}, rating each
     * candidate with {@code simulation}.
     */
    public StrategySelector(StrategyConfig config, StrategyLibrary library, CandidateSimulation simulation) {
        this.config = config;
        this.library = library;
        this.simulation = simulation;
    }

    /**
     * One candidate's result.
     *
     * @param name           strategy name
     * @param metrics        over the whole traded span of every instrument
     * @param score          the ranking metric of {@code metrics}
     * @param foldScores     the ranking metric in each walk-forward fold, oldest first
     * @param positiveFolds  folds with a positive score
     * @param qualified      made {@code min_trades} and {@code min_positive_folds}
     */
    public record Ranking(String name, PerformanceMetrics metrics, double score, List<Double> foldScores,
                          int positiveFolds, boolean qualified) {
    }

    /** The choice: {@code chosen} has three names (fewer only if the library is smaller), best first. */
    public record Selection(List<String> chosen, String reason, List<Ranking> rankings) {
    }

    /** Selects among every library strategy. */
    public Selection select(List<Candle[]> historyPerInstrument) {
        return select(historyPerInstrument, library.names());
    }

    /** Selects among {@code candidates}; {@code historyPerInstrument} holds each instrument's candles in order. */
    public Selection select(List<Candle[]> historyPerInstrument, List<String> candidates) {
        return select(historyPerInstrument, candidates, List.of());
    }

    /**
     * As above, re-choosing while {@code incumbents} are active: a qualified incumbent keeps its place unless the
     * challenger that would take it scores at least {@code switch_margin} more, so the choice does not flip on noise.
     */
    public Selection select(List<Candle[]> historyPerInstrument, List<String> candidates, List<String> incumbents) {
        final StrategyConfig.Selection sel = config.selection();
        int firstTradeIndex = 0;
        for (String name : candidates) {
            firstTradeIndex = Math.max(firstTradeIndex,
                library.configure(name, config.params()).factory().create(0).warmUpCandles());
        }
        final List<Candle[]> usable = new ArrayList<>();
        for (Candle[] candles : historyPerInstrument) {
            if (candles.length - firstTradeIndex >= sel.minHistoryCandles()) {
                usable.add(candles);
            }
        }
        if (usable.isEmpty()) {
            return new Selection(defaults(new ArrayList<>()), "history too short: no instrument has "
                + sel.minHistoryCandles() + " candles after the " + firstTradeIndex + "-candle warm-up; using the"
                + " defaults", List.of());
        }
        final List<Ranking> rankings = new ArrayList<>();
        for (String name : candidates) {
            final CandidateSimulation.Evaluation evaluation = simulation.run(name, usable, firstTradeIndex,
                sel.folds());
            final PerformanceMetrics m = evaluation.whole();
            final double score = m.metric(sel.metric());
            final List<Double> foldScores = new ArrayList<>();
            int positive = 0;
            for (PerformanceMetrics fold : evaluation.folds()) {
                final double foldScore = fold.metric(sel.metric());
                foldScores.add(foldScore);
                positive += foldScore > 0 ? 1 : 0;
            }
            rankings.add(new Ranking(name, m, score, List.copyOf(foldScores), positive,
                m.trades() >= sel.minTrades() && positive >= sel.minPositiveFolds() && !Double.isNaN(score)));
        }
        rankings.sort(Comparator.comparing((Ranking r) -> !r.qualified())
            .thenComparing(Ranking::score, Comparator.reverseOrder())
            .thenComparing(Ranking::name));
        final List<String> chosen = new ArrayList<>();
        for (Ranking r : rankings) {
            if (r.qualified() && chosen.size() < 3) {
                chosen.add(r.name());
            }
        }
        String reason = "best " + sel.metric() + " net of costs over " + usable.size() + " instrument(s),"
            + " walk-forward after a " + firstTradeIndex + "-candle warm-up";
        final String kept = keepIncumbents(chosen, rankings, incumbents, sel.switchMargin());
        if (!kept.isEmpty()) {
            reason += "; kept " + kept + " (challengers within switch_margin " + sel.switchMargin() + ")";
        }
        if (!chosen.isEmpty() && rankings.get(0).score() <= 0) {
            reason += "; note: even the best " + sel.metric() + " is not positive (" + NO_EDGE + ")";
        }
        if (chosen.size() < 3) {
            reason += "; only " + chosen.size() + " strateg" + (chosen.size() == 1 ? "y" : "ies") + " made "
                + sel.minTrades() + " trades and " + sel.minPositiveFolds() + " positive folds, the rest are defaults";
            defaults(chosen);
        }
        return new Selection(List.copyOf(chosen), reason, List.copyOf(rankings));
    }

    /**
     * Puts back each qualified incumbent that fell out of {@code chosen} when the weakest newcomer in it does not
     * beat the incumbent by {@code margin}; returns what was kept, for the reason ("" when nothing).
     */
    private static String keepIncumbents(List<String> chosen, List<Ranking> rankings, List<String> incumbents,
                                         double margin) {
        final StringBuilder kept = new StringBuilder();
        for (Ranking incumbent : rankings) {
            if (!incumbent.qualified() || !incumbents.contains(incumbent.name())
                || chosen.contains(incumbent.name())) {
                continue;
            }
            Ranking weakest = null;
            for (int i = rankings.size() - 1; i >= 0 && weakest == null; i--) {
                final Ranking r = rankings.get(i);
                if (chosen.contains(r.name()) && !incumbents.contains(r.name())) {
                    weakest = r;
                }
            }
            if (weakest != null && weakest.score() - incumbent.score() < margin) {
                chosen.set(chosen.indexOf(weakest.name()), incumbent.name());
                kept.append(kept.length() == 0 ? "" : ", ").append(incumbent.name()).append(String.format(
                    java.util.Locale.ROOT, " %.3f over %s %.3f", incumbent.score(), weakest.name(), weakest.score()));
            }
        }
        return kept.toString();
    }

    private List<String> defaults(List<String> chosen) {
        for (String name : StrategyConfig.DEFAULT_ACTIVE) {
            if (chosen.size() < 3 && !chosen.contains(name) && library.provider(name) != null) {
                chosen.add(name);
            }
        }
        return chosen;
    }
}

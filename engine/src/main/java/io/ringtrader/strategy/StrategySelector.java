package io.ringtrader.strategy;

import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.research.OutOfSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the three strategies to run on out-of-sample evidence: every candidate is traded ALONE over the history
 * by a {@link CandidateSimulation} (in the engine: the live order layer, net of every cost) and rated on rolling
 * walk-forward folds, as {@code optimize} rates a parameter set: it is ranked by {@code strategies.selection.metric}
 * over the folds' test periods joined, never over the period it trained on. A candidate needs a track record to
 * qualify: {@code min_trades} closing trades and {@code min_positive_folds} test periods that made money.
 * Each candidate's deflated Sharpe ratio among the library's trials, and that of the chosen set, are part of the
 * evidence. At a re-selection an active qualified strategy keeps its place unless a challenger beats it by
 * {@code switch_margin} (hysteresis). Unqualified strategies rank after the others; ties break by name. With
 * too little history (no instrument has {@code min_history_candles} after the longest warm-up) the three defaults
 * are returned with that reason; when no qualified strategy has a positive score the reason says {@link #NO_EDGE}
 * (the engine then stands aside, {@code orders.stand_aside_without_edge}).
 * Start-up and the re-selection worker, one call at a time.
 */
public final class StrategySelector {
    private final StrategyConfig config;
    private final StrategyLibrary library;
    private final CandidateSimulation simulation;

    /** The words in a selection's reason when no qualified strategy had a positive score net of costs. */
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
     * One candidate's evidence.
     *
     * @param name           strategy name
     * @param metrics        over the folds' test periods joined (out of sample)
     * @param score          the ranking metric of {@code metrics}
     * @param inSampleScore  the ranking metric over the training periods joined (shown, never ranked on)
     * @param foldScores     the ranking metric in each fold's test period, oldest first
     * @param positiveFolds  test periods that made money
     * @param deflatedSharpe the deflated Sharpe ratio of its out-of-sample returns among every candidate tried
     * @param qualified      made {@code min_trades} and {@code min_positive_folds}
     * @param verdict        why it was chosen, kept, replaced or rejected
     */
    public record Ranking(String name, PerformanceMetrics metrics, double score, double inSampleScore,
                          List<Double> foldScores, int positiveFolds, double deflatedSharpe, boolean qualified,
                          String verdict) {
        Ranking withVerdict(String why) {
            return new Ranking(name, metrics, score, inSampleScore, foldScores, positiveFolds, deflatedSharpe,
                qualified, why);
        }

        /** One log line of evidence under {@code metric}: out of sample first, then in sample, then the verdict. */
        public String evidence(String metric) {
            return String.format(Locale.ROOT, "%-16s oos_%s=%9.4f is_%s=%9.4f positive_folds=%d/%d trades=%d"
                    + " dsr=%.4f oos_return=%.4f folds=%s -> %s", name, metric, score, metric, inSampleScore,
                positiveFolds, foldScores.size(), metrics.trades(), deflatedSharpe, metrics.totalReturn(),
                foldScores.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList(), verdict);
        }
    }

    /**
     * The choice: {@code chosen} has three names (fewer only if the library is smaller), best first, with the
     * deflated Sharpe ratio of the chosen set's equally weighted out-of-sample returns (NaN without evidence).
     */
    public record Selection(List<String> chosen, String reason, List<Ranking> rankings, double setDeflatedSharpe) {
        /** The lines to log: the choice with its set's deflated Sharpe ratio, then each candidate's evidence. */
        public List<String> evidence(String metric) {
            final List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "chosen %s set_dsr=%.4f trials=%d (%s)", chosen, setDeflatedSharpe,
                rankings.size(), reason));
            for (Ranking r : rankings) {
                lines.add("evidence " + r.evidence(metric));
            }
            return lines;
        }
    }

    /** The ranking metric ({@code strategies.selection.metric}). */
    public String metric() {
        return config.selection().metric();
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
                + " defaults", List.of(), Double.NaN);
        }
        final List<CandidateSimulation.Evaluation> evaluations = new ArrayList<>();
        final double[] trialSharpes = new double[candidates.size()];
        for (int c = 0; c < candidates.size(); c++) {
            final CandidateSimulation.Evaluation e = simulation.run(candidates.get(c), usable, firstTradeIndex,
                sel.folds());
            evaluations.add(e);
            trialSharpes[c] = OutOfSample.sharpePerMinute(e.outOfSampleReturns());
        }
        final List<Ranking> rankings = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            rankings.add(rank(candidates.get(c), evaluations.get(c), trialSharpes, sel));
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
        final List<String> top = List.copyOf(chosen);
        String reason = "best out-of-sample " + sel.metric() + " net of costs over " + usable.size()
            + " instrument(s), " + sel.folds() + " walk-forward folds after a " + firstTradeIndex
            + "-candle warm-up";
        final String kept = keepIncumbents(chosen, rankings, incumbents, sel.switchMargin());
        if (!kept.isEmpty()) {
            reason += "; kept " + kept + " (challengers within switch_margin " + sel.switchMargin() + ")";
        }
        final boolean edge = rankings.stream().anyMatch(r -> r.qualified() && r.score() > 0);
        if (!edge) {
            reason += "; " + (chosen.isEmpty() ? "no strategy has the track record" : "even the best "
                + sel.metric() + " is not positive") + " (" + NO_EDGE + ")";
        }
        if (chosen.size() < 3) {
            reason += "; only " + chosen.size() + " strateg" + (chosen.size() == 1 ? "y" : "ies") + " made "
                + sel.minTrades() + " out-of-sample trades and " + sel.minPositiveFolds()
                + " positive folds, the rest are the best of the others out of sample";
            for (int i = 0; i < rankings.size() && chosen.size() < 3; i++) {
                if (!chosen.contains(rankings.get(i).name())) {
                    chosen.add(rankings.get(i).name());
                }
            }
            defaults(chosen);
        }
        final List<Ranking> judged = SelectionVerdicts.judge(rankings, chosen, top, incumbents, sel);
        return new Selection(List.copyOf(chosen), reason, judged, setDeflatedSharpe(chosen, candidates,
            evaluations, trialSharpes));
    }

    private static Ranking rank(String name, CandidateSimulation.Evaluation e, double[] trialSharpes,
                                StrategyConfig.Selection sel) {
        final PerformanceMetrics m = e.outOfSample();
        final double score = m.metric(sel.metric());
        final List<Double> foldScores = new ArrayList<>();
        final double[] foldReturns = new double[e.folds().size()];
        for (int f = 0; f < foldReturns.length; f++) {
            foldScores.add(e.folds().get(f).metric(sel.metric()));
            foldReturns[f] = e.folds().get(f).totalReturn();
        }
        final int positive = OutOfSample.positive(foldReturns);
        return new Ranking(name, m, score, e.inSample().metric(sel.metric()), List.copyOf(foldScores), positive,
            OutOfSample.deflatedSharpe(e.outOfSampleReturns(), trialSharpes),
            m.trades() >= sel.minTrades() && positive >= sel.minPositiveFolds() && !Double.isNaN(score), "");
    }

    /** The deflated Sharpe ratio of the chosen strategies' out-of-sample returns averaged minute by minute. */
    private static double setDeflatedSharpe(List<String> chosen, List<String> candidates,
                                            List<CandidateSimulation.Evaluation> evaluations, double[] trialSharpes) {
        int length = Integer.MAX_VALUE;
        final List<double[]> parts = new ArrayList<>();
        for (String name : chosen) {
            final int c = candidates.indexOf(name);
            if (c >= 0) {
                parts.add(evaluations.get(c).outOfSampleReturns());
                length = Math.min(length, parts.get(parts.size() - 1).length);
            }
        }
        if (parts.isEmpty()) {
            return Double.NaN;
        }
        final double[] mean = new double[length];
        for (double[] p : parts) {
            for (int m = 0; m < length; m++) {
                mean[m] += p[m] / parts.size();
            }
        }
        return OutOfSample.deflatedSharpe(mean, trialSharpes);
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
                    Locale.ROOT, " %.3f over %s %.3f", incumbent.score(), weakest.name(), weakest.score()));
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

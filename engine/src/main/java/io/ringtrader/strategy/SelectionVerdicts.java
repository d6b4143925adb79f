package io.ringtrader.strategy;

import io.ringtrader.config.StrategyConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Says, for the log, why the {@link StrategySelector} chose, kept, replaced or rejected each candidate. Stateless.
 */
final class SelectionVerdicts {
    private SelectionVerdicts() {
    }

    /**
     * {@code rankings} with their verdicts: {@code chosen} is the final choice (defaults included), {@code top}
     * the best qualified before hysteresis, {@code incumbents} the set voting before this selection.
     */
    static List<StrategySelector.Ranking> judge(List<StrategySelector.Ranking> rankings, List<String> chosen,
                                                List<String> top, List<String> incumbents,
                                                StrategyConfig.Selection sel) {
        final List<String> displaced = new ArrayList<>();
        for (String name : incumbents) {
            if (!chosen.contains(name)) {
                displaced.add(name);
            }
        }
        final List<StrategySelector.Ranking> out = new ArrayList<>();
        for (StrategySelector.Ranking r : rankings) {
            out.add(r.withVerdict(verdict(r, chosen.contains(r.name()), incumbents.contains(r.name()),
                top.contains(r.name()), displaced, incumbents.isEmpty(), sel)));
        }
        return List.copyOf(out);
    }

    private static String verdict(StrategySelector.Ranking r, boolean chosen, boolean incumbent, boolean top,
                                  List<String> displaced, boolean first, StrategyConfig.Selection sel) {
        if (!r.qualified()) {
            final String why = rejection(r, sel);
            return chosen ? "runs for want of qualified ones, " + why : incumbent ? "replaced, " + why : why;
        }
        if (chosen && incumbent) {
            return top ? "kept: active and still in the top three"
                : "kept: active, no challenger beats it by switch_margin " + sel.switchMargin();
        }
        if (chosen) {
            return first || displaced.isEmpty() ? "chosen: among the top three qualified"
                : "chosen: replaces " + String.join(",", displaced);
        }
        return incumbent ? "replaced: a challenger beats it by more than switch_margin " + sel.switchMargin()
            : "not chosen: outside the top three";
    }

    private static String rejection(StrategySelector.Ranking r, StrategyConfig.Selection sel) {
        if (r.metrics().trades() < sel.minTrades()) {
            return "rejected: " + r.metrics().trades() + " out-of-sample trades < min_trades " + sel.minTrades();
        }
        if (r.positiveFolds() < sel.minPositiveFolds()) {
            return "rejected: " + r.positiveFolds() + " positive folds < min_positive_folds "
                + sel.minPositiveFolds();
        }
        return "rejected: no " + sel.metric() + " out of sample";
    }
}

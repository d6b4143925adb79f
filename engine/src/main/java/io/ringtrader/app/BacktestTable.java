package io.ringtrader.app;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.PerformanceMetrics;
import java.util.List;
import java.util.Locale;

/** The backtest's console summary: one row per run, fixed columns, {@link Locale#ROOT}. Stateless. */
final class BacktestTable {
    private static final String ROW = "%-24s %9s %8s %8s %7s %6s %6s %6s %6s %6s %6s %14s%n";

    private BacktestTable() {
    }

    /** The table for the portfolio run, then each strategy alone. */
    static String render(BacktestStats portfolio, List<BacktestStats> strategies) {
        final StringBuilder sb = new StringBuilder(256 * (strategies.size() + 3));
        sb.append(String.format(Locale.ROOT, ROW, "run", "return", "sharpe", "sortino", "max_dd", "fills", "sells",
            "trips", "win", "pf", "expo", "final_equity"));
        sb.append(row("portfolio", portfolio));
        for (BacktestStats s : strategies) {
            sb.append(row(s.name(), s));
        }
        sb.append("portfolio = ").append(String.join(" + ", portfolio.strategies())).append('\n');
        sb.append("sharpe, sortino: per-minute returns x sqrt(525600); win, pf: over sells; trips: flat to flat;"
            + " expo: minutes in a position\n");
        return sb.toString();
    }

    private static String row(String name, BacktestStats s) {
        final PerformanceMetrics m = s.metrics();
        final String label = name.length() > 24 ? name.substring(0, 21) + "..." : name;
        return String.format(Locale.ROOT, ROW, label, percent(m.totalReturn()), number(m.sharpe()),
            number(m.sortino()), percent(m.maxDrawdown()), s.fills(), s.sells(), s.roundTrips(),
            s.sells() == 0 ? "-" : percent(m.winRate()), s.sells() == 0 ? "-" : number(m.profitFactor()),
            percent(m.exposure()), FixedPoint.format(FixedPoint.floorTo(s.finalEquityE8(), 1_000_000L)));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.isNaN(value) ? "nan" : String.format(Locale.ROOT, "%.2f", value);
    }
}

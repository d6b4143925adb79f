package io.ringtrader.backtest;

import io.ringtrader.event.ExitReason;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.strategy.PerformanceMetrics;
import java.util.List;
import java.util.Locale;

/** The backtest's console summary: one row per run, fixed columns, {@link Locale#ROOT}. Stateless. */
final class BacktestTable {
    private static final String ROW = "%-24s %9s %8s %8s %7s %6s %6s %6s %6s %6s %6s %6s %6s %14s  %s%n";

    private BacktestTable() {
    }

    /** The table for the portfolio run, then each strategy alone, then holding the same symbols. */
    static String render(BacktestStats portfolio, List<BacktestStats> strategies, BacktestStats buyAndHold) {
        final StringBuilder sb = new StringBuilder(256 * (strategies.size() + 4));
        sb.append(String.format(Locale.ROOT, ROW, "run", "return", "sharpe", "sortino", "max_dd", "fills", "sells",
            "trips", "win", "pf", "expo", "fees", "turn", "final_equity", "exits"));
        sb.append(row("portfolio", portfolio));
        for (BacktestStats s : strategies) {
            sb.append(row(s.name(), s));
        }
        sb.append(row(buyAndHold.name(), buyAndHold));
        sb.append("portfolio = ").append(String.join(" + ", portfolio.strategies())).append('\n');
        sb.append("sharpe, sortino: per-minute returns x sqrt(525600); win, pf: over sells; trips: flat to flat;"
            + " expo: minutes in a position; fees: share of the starting cash; turn: notional traded / starting"
            + " cash; exits: sells by kind; buy_and_hold: the starting cash split over the symbols at their first"
            + " close\n");
        return sb.toString();
    }

    private static String row(String name, BacktestStats s) {
        final PerformanceMetrics m = s.metrics();
        final String label = name.length() > 24 ? name.substring(0, 21) + "..." : name;
        return String.format(Locale.ROOT, ROW, label, percent(m.totalReturn()), number(m.sharpe()),
            number(m.sortino()), percent(m.maxDrawdown()), s.fills(), s.sells(), s.roundTrips(),
            s.sells() == 0 ? "-" : percent(m.winRate()), s.sells() == 0 ? "-" : number(m.profitFactor()),
            percent(m.exposure()), percent(s.feeShare()), String.format(Locale.ROOT, "%.1fx", s.turnover()),
            FixedPoint.format(FixedPoint.floorTo(s.finalEquityE8(), 1_000_000L)), exits(s));
    }

    private static String exits(BacktestStats s) {
        final StringBuilder sb = new StringBuilder();
        for (byte k = ExitReason.SIGNAL; k < ExitReason.COUNT; k++) {
            if (s.exits(k) > 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(ExitReason.name(k)).append('=').append(s.exits(k));
            }
        }
        return sb.toString();
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

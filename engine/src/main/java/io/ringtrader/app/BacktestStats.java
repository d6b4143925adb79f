package io.ringtrader.app;

import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Side;
import io.ringtrader.strategy.PerformanceMetrics;
import java.util.List;

/**
 * The figures of one backtest run. Returns are per minute of the equity curve (starting cash, then the equity
 * after each minute that had candles); Sharpe and Sortino are annualised with {@code sqrt(525600)} (minutes in a
 * 24/7 year, zero risk-free rate), computed by {@link PerformanceMetrics#compute} exactly as the strategy selector
 * does. Win rate and profit factor are over closing trades = SELL fills, each with its realized P&amp;L net of both
 * fees at average cost; {@code roundTrips} counts positions taken from flat back to exactly zero. Exposure is the
 * fraction of minutes that started with a position open. Immutable.
 *
 * @param name       "portfolio" or the strategy's name
 * @param strategies the strategies that voted in the run
 * @param metrics    return, Sharpe, Sortino, max drawdown, win rate, profit factor, exposure
 */
record BacktestStats(String name, List<String> strategies, PerformanceMetrics metrics, int fills, int buys,
                     int sells, int roundTrips, long startingCashE8, long finalEquityE8, long feesE8,
                     long realizedPnlE8, long actionableSignals, long rejectedSignals) {

    BacktestStats {
        strategies = List.copyOf(strategies);
    }

    /** The figures of {@code result}. */
    static BacktestStats of(String name, List<String> strategies, BacktestResult result) {
        final int minutes = result.minutes();
        final double[] equity = new double[minutes + 1];
        equity[0] = FixedPoint.toDouble(result.startingCashE8());
        long exposed = 0;
        for (int m = 0; m < minutes; m++) {
            equity[m + 1] = FixedPoint.toDouble(result.equityE8(m));
            if (result.exposed(m)) {
                exposed++;
            }
        }
        final List<Fill> fills = result.fills();
        final double[] closingPnl = new double[fills.size()];
        int closing = 0;
        long fees = 0;
        long realized = 0;
        for (Fill f : fills) {
            fees += f.feeE8;
            if (f.side == Side.SELL) {
                closingPnl[closing++] = FixedPoint.toDouble(f.realizedPnlE8);
                realized += f.realizedPnlE8;
            }
        }
        final PerformanceMetrics metrics = PerformanceMetrics.compute(equity, minutes + 1, closingPnl, closing,
            exposed, PerformanceMetrics.MINUTES_PER_YEAR);
        return new BacktestStats(name, strategies, metrics, fills.size(), result.buys(), result.sells(),
            result.roundTrips(), result.startingCashE8(), result.finalEquityE8(), fees, realized,
            result.actionableSignals(), result.rejectedSignals());
    }
}

package io.ringtrader.backtest;

import io.ringtrader.event.Candle;
import io.ringtrader.event.ExitReason;
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
 * fraction of minutes that started with a position open. {@code turnoverE8} is the notional bought and sold;
 * {@code exits} counts the sells by {@link ExitReason}. {@link #buyAndHold} is the benchmark: the starting cash
 * split equally over the symbols, bought at each one's first candle close with the taker fee, held to the end.
 * Immutable.
 *
 * @param name       "portfolio" or the strategy's name
 * @param strategies the strategies that voted in the run
 * @param metrics    return, Sharpe, Sortino, max drawdown, win rate, profit factor, exposure
 */
record BacktestStats(String name, List<String> strategies, PerformanceMetrics metrics, int fills, int buys,
                     int sells, int roundTrips, long startingCashE8, long finalEquityE8, long feesE8,
                     long realizedPnlE8, long actionableSignals, long rejectedSignals, long turnoverE8,
                     int[] exits) {

    /** The name of the benchmark row. */
    static final String BUY_AND_HOLD = "buy_and_hold";

    BacktestStats {
        strategies = List.copyOf(strategies);
        exits = exits.clone();
    }

    /** Fees as a fraction of the starting cash. */
    double feeShare() {
        return startingCashE8 <= 0 ? 0 : FixedPoint.toDouble(feesE8) / FixedPoint.toDouble(startingCashE8);
    }

    /** Turnover as a multiple of the starting cash. */
    double turnover() {
        return startingCashE8 <= 0 ? 0 : FixedPoint.toDouble(turnoverE8) / FixedPoint.toDouble(startingCashE8);
    }

    /** Sells of one {@link ExitReason}. */
    int exits(byte reason) {
        return exits[reason];
    }

    /**
     * Holding the same symbols: {@code startingCashE8 / symbols} of each bought at its first candle's close (taker
     * fee {@code takerFeeE8}), marked at each minute's closes; one point per minute of {@code candles} (time order).
     */
    static BacktestStats buyAndHold(Candle[] candles, int instrumentCount, long startingCashE8, long takerFeeE8) {
        final BuyAndHold hold = BuyAndHold.of(candles, instrumentCount, startingCashE8, takerFeeE8);
        final double start = FixedPoint.toDouble(startingCashE8);
        final int minutes = hold.equity().length;
        final double[] equity = new double[minutes + 1];
        equity[0] = start;
        System.arraycopy(hold.equity(), 0, equity, 1, minutes);
        final PerformanceMetrics metrics = PerformanceMetrics.compute(equity, minutes + 1, new double[0], 0, minutes,
            PerformanceMetrics.MINUTES_PER_YEAR);
        return new BacktestStats(BUY_AND_HOLD, List.of(), metrics, hold.symbols(), hold.symbols(), 0, 0,
            startingCashE8, FixedPoint.fromDouble(equity[minutes]), FixedPoint.fromDouble(hold.fees()), 0, 0, 0,
            FixedPoint.fromDouble(start - hold.cashLeft()), new int[ExitReason.COUNT]);
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
        long turnover = 0;
        final int[] exits = new int[ExitReason.COUNT];
        for (Fill f : fills) {
            fees += f.feeE8;
            turnover += f.notionalE8;
            if (f.side == Side.SELL) {
                exits[f.exitReason >= 0 && f.exitReason < ExitReason.COUNT ? f.exitReason : 0]++;
                closingPnl[closing++] = FixedPoint.toDouble(f.realizedPnlE8);
                realized += f.realizedPnlE8;
            }
        }
        final PerformanceMetrics metrics = PerformanceMetrics.compute(equity, minutes + 1, closingPnl, closing,
            exposed, PerformanceMetrics.MINUTES_PER_YEAR);
        return new BacktestStats(name, strategies, metrics, fills.size(), result.buys(), result.sells(),
            result.roundTrips(), result.startingCashE8(), result.finalEquityE8(), fees, realized,
            result.actionableSignals(), result.rejectedSignals(), turnover, exits);
    }
}

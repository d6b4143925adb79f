package io.ringtrader.strategy;

/**
 * Performance of one equity curve and its round-trip trades. Returns are per period (one period = one 1-minute
 * candle in the paper simulation); Sharpe and Sortino are annualised by {@code sqrt(periodsPerYear)} (525,600
 * minutes in a 24/7 year) with a zero risk-free rate. Sharpe uses the sample standard deviation (n - 1); Sortino's
 * downside deviation is {@code sqrt(sum(min(r, 0)^2) / n)}. Immutable.
 *
 * @param totalReturn   final / first equity - 1
 * @param sharpe        annualised mean / stddev of period returns (0 when flat)
 * @param sortino       annualised mean / downside deviation (infinite when positive with no down period)
 * @param maxDrawdown   largest fall from a running peak, as a fraction of the peak (0.2 = 20 %)
 * @param trades        closed round trips
 * @param winRate       fraction of trades with a positive P&L (0 without trades)
 * @param profitFactor  gross profit / gross loss of trades (infinite with profits and no loss, 0 without profit)
 * @param exposure      fraction of periods spent holding a position
 * @param periods       number of period returns
 */
public record PerformanceMetrics(double totalReturn, double sharpe, double sortino, double maxDrawdown, int trades,
                                 double winRate, double profitFactor, double exposure, int periods) {
    /** Minutes in a 365-day year: crypto trades around the clock. */
    public static final double MINUTES_PER_YEAR = 525_600;

    /**
     * Metrics of {@code equity[0..length)} (equity after each period; the first value is the start),
     * {@code tradePnl[0..tradeCount)} and {@code exposedPeriods} of the {@code length - 1} periods.
     */
    public static PerformanceMetrics compute(double[] equity, int length, double[] tradePnl, int tradeCount,
                                             long exposedPeriods, double periodsPerYear) {
        final int n = length - 1;
        if (n < 1) {
            return new PerformanceMetrics(0, 0, 0, 0, tradeCount, winRate(tradePnl, tradeCount),
                profitFactor(tradePnl, tradeCount), 0, 0);
        }
        double sum = 0;
        double peak = equity[0];
        double maxDrawdown = 0;
        for (int i = 1; i < length; i++) {
            sum += equity[i] / equity[i - 1] - 1.0;
            peak = Math.max(peak, equity[i]);
            maxDrawdown = Math.max(maxDrawdown, (peak - equity[i]) / peak);
        }
        final double mean = sum / n;
        double squares = 0;
        double downside = 0;
        for (int i = 1; i < length; i++) {
            final double r = equity[i] / equity[i - 1] - 1.0;
            squares += (r - mean) * (r - mean);
            if (r < 0) {
                downside += r * r;
            }
        }
        final double annual = Math.sqrt(periodsPerYear);
        final double stddev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0;
        final double downsideDev = Math.sqrt(downside / n);
        final double sharpe = stddev > 0 ? mean / stddev * annual : 0.0;
        final double sortino = downsideDev > 0 ? mean / downsideDev * annual
            : mean > 0 ? Double.POSITIVE_INFINITY : 0.0;
        return new PerformanceMetrics(equity[length - 1] / equity[0] - 1.0, sharpe, sortino, maxDrawdown,
            tradeCount, winRate(tradePnl, tradeCount), profitFactor(tradePnl, tradeCount),
            exposedPeriods / (double) n, n);
    }

    private static double winRate(double[] pnl, int count) {
        int wins = 0;
        for (int i = 0; i < count; i++) {
            if (pnl[i] > 0) {
                wins++;
            }
        }
        return count == 0 ? 0.0 : wins / (double) count;
    }

    private static double profitFactor(double[] pnl, int count) {
        double profit = 0;
        double loss = 0;
        for (int i = 0; i < count; i++) {
            if (pnl[i] > 0) {
                profit += pnl[i];
            } else {
                loss -= pnl[i];
            }
        }
        if (loss > 0) {
            return profit / loss;
        }
        return profit > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }

    /** The value of {@code metric}: sharpe, sortino, total_return or profit_factor. */
    public double metric(String metric) {
        return switch (metric) {
            case "sharpe" -> sharpe;
            case "sortino" -> sortino;
            case "total_return" -> totalReturn;
            case "profit_factor" -> profitFactor;
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }
}

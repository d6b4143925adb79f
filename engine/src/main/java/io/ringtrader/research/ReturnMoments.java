package io.ringtrader.research;

/**
 * Sample moments of a return series: mean, standard deviation (n - 1), skewness and kurtosis (not excess: 3 for a
 * normal distribution), and the per-period Sharpe ratio (mean / standard deviation, 0 when flat). Immutable.
 *
 * @param count    number of returns
 * @param mean     average return
 * @param stdDev   sample standard deviation
 * @param skewness third standardized moment (population form, as in Bailey and Lopez de Prado)
 * @param kurtosis fourth standardized moment
 */
public record ReturnMoments(int count, double mean, double stdDev, double skewness, double kurtosis) {

    /** The moments of {@code returns[0..n)}. */
    public static ReturnMoments of(double[] returns, int n) {
        if (n < 2) {
            return new ReturnMoments(n, n == 1 ? returns[0] : 0, 0, 0, 3);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += returns[i];
        }
        final double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int i = 0; i < n; i++) {
            final double d = returns[i] - mean;
            final double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        final double popVar = m2 / n;
        final double std = Math.sqrt(m2 / (n - 1));
        if (popVar <= 0) {
            return new ReturnMoments(n, mean, 0, 0, 3);
        }
        return new ReturnMoments(n, mean, std, (m3 / n) / Math.pow(popVar, 1.5), (m4 / n) / (popVar * popVar));
    }

    /** Mean over standard deviation per period; 0 for a flat series. */
    public double sharpe() {
        return stdDev > 0 ? mean / stdDev : 0;
    }
}

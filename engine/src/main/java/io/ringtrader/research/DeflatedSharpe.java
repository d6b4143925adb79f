package io.ringtrader.research;

/**
 * The deflated Sharpe ratio of Bailey and Lopez de Prado ("The Deflated Sharpe Ratio: Correcting for Selection
 * Bias, Backtest Overfitting and Non-Normality", 2014): the probability that the best of {@code N} trials has a
 * true Sharpe ratio above zero, once the Sharpe ratio that the best of N trials of pure luck would reach is taken
 * as the bar ({@link #expectedMaxSharpe}), and the best trial's sample length, skewness and kurtosis are accounted
 * for ({@link #probabilistic}). Sharpe ratios here are per period, not annualized. Stateless.
 */
public final class DeflatedSharpe {
    /** The Euler-Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private DeflatedSharpe() {
    }

    /**
     * The expected maximum Sharpe ratio of {@code trials} independent trials with true Sharpe ratio 0 whose
     * sample Sharpe ratios vary with {@code sharpeVariance}: {@code sqrt(V) ((1 - g) Z(1 - 1/N) + g Z(1 - 1/(N e)))}.
     * Zero for one trial.
     */
    public static double expectedMaxSharpe(double sharpeVariance, int trials) {
        if (trials <= 1 || sharpeVariance <= 0) {
            return 0;
        }
        return Math.sqrt(sharpeVariance) * ((1 - EULER_GAMMA) * Normal.inverseCdf(1 - 1.0 / trials)
            + EULER_GAMMA * Normal.inverseCdf(1 - 1.0 / (trials * Math.E)));
    }

    /**
     * The probabilistic Sharpe ratio: P(true Sharpe &gt; {@code benchmark}) given an observed per-period
     * {@code sharpe} over {@code periods} returns with {@code skewness} and {@code kurtosis} (not excess).
     */
    public static double probabilistic(double sharpe, double benchmark, long periods, double skewness,
                                       double kurtosis) {
        if (periods < 2) {
            return Double.NaN;
        }
        final double denominator = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(denominator > 0)) {
            return Double.NaN;
        }
        return Normal.cdf((sharpe - benchmark) * Math.sqrt(periods - 1) / Math.sqrt(denominator));
    }

    /**
     * The deflated Sharpe ratio of the trial with returns {@code best} among trials whose per-period Sharpe ratios
     * are {@code trialSharpes} (the best included).
     */
    public static double deflated(ReturnMoments best, double[] trialSharpes) {
        return probabilistic(best.sharpe(), expectedMaxSharpe(variance(trialSharpes), trialSharpes.length),
            best.count(), best.skewness(), best.kurtosis());
    }

    /** Sample variance (n - 1) of {@code values}; 0 for fewer than two. */
    static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        final double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (values.length - 1);
    }
}

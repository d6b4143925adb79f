package io.ringtrader.research;

/**
 * The out-of-sample figures that both {@code optimize} and the live strategy selection rank on, so the two cannot
 * disagree: the test periods' per-minute returns joined in fold order, their per-minute Sharpe ratio, the return
 * compounded over the test periods, the test periods that made money, and the deflated Sharpe ratio of one
 * candidate's joined returns against every candidate tried. Stateless.
 */
public final class OutOfSample {
    private OutOfSample() {
    }

    /** The segments' returns joined in order. */
    public static double[] joined(double[][] segments) {
        int n = 0;
        for (double[] s : segments) {
            n += s.length;
        }
        final double[] out = new double[n];
        int at = 0;
        for (double[] s : segments) {
            System.arraycopy(s, 0, out, at, s.length);
            at += s.length;
        }
        return out;
    }

    /** Per-minute (not annualized) Sharpe ratio of {@code returns}; 0 when flat. */
    public static double sharpePerMinute(double[] returns) {
        return ReturnMoments.of(returns, returns.length).sharpe();
    }

    /** The test periods' total returns compounded, minus one. */
    public static double compounded(double[] periodReturns) {
        double growth = 1;
        for (double r : periodReturns) {
            growth *= 1 + r;
        }
        return growth - 1;
    }

    /** Test periods that made money (total return above zero). */
    public static int positive(double[] periodReturns) {
        int n = 0;
        for (double r : periodReturns) {
            n += r > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The deflated Sharpe ratio of {@code returns} (one candidate's joined test returns) among trials whose
     * per-minute out-of-sample Sharpe ratios are {@code trialSharpes} (that candidate included).
     */
    public static double deflatedSharpe(double[] returns, double[] trialSharpes) {
        return DeflatedSharpe.deflated(ReturnMoments.of(returns, returns.length), trialSharpes);
    }
}

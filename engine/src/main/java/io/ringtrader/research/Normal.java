package io.ringtrader.research;

/**
 * The standard normal distribution: density, cumulative distribution (Marsaglia's series, about 1e-15 absolute,
 * inside |x| &lt;= 3; Mills' ratio beyond) and its inverse (bisection on the distribution, to 1e-15).
 * Stateless.
 */
public final class Normal {
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Normal() {
    }

    /** The density at {@code x}. */
    public static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** P(Z &lt;= x). */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -3) {
            return upperTail(-x);
        }
        if (x > 3) {
            return 1 - upperTail(x);
        }
        // Marsaglia (2004): Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...)
        double term = x;
        double sum = x;
        final double x2 = x * x;
        for (int k = 3; k < 400 && Math.abs(term) > 1e-17 * Math.abs(sum); k += 2) {
            term *= x2 / k;
            sum += term;
        }
        return Math.min(1, Math.max(0, 0.5 + pdf(x) * sum));
    }

    /**
     * P(Z &gt; x) for x &gt; 3 from the continued fraction of Mills' ratio, {@code phi(x) / (x + 1/(x + 2/(x + ...)))},
     * evaluated from its 300th term back: full relative precision in the tail.
     */
    private static double upperTail(double x) {
        if (x > 38) {
            return 0;
        }
        double fraction = x;
        for (int k = 300; k >= 1; k--) {
            fraction = x + k / fraction;
        }
        return pdf(x) / fraction;
    }

    /** The x with P(Z &lt;= x) = p, for p in (0, 1); infinite at 0 and 1. */
    public static double inverseCdf(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability outside [0, 1]: " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = -38;
        double hi = 38;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            final double mid = 0.5 * (lo + hi);
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}

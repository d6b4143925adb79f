package io.ringtrader.research;

/**
 * The probability of backtest overfitting (PBO) by combinatorially symmetric cross-validation (Bailey, Borwein,
 * Lopez de Prado and Zhu, "The Probability of Backtest Overfitting", 2017). The returns of N trials over the same T
 * periods are cut into S contiguous blocks; for each of the C(S, S/2) ways to pick half the blocks as in-sample
 * (the rest out-of-sample), the trial with the best in-sample Sharpe ratio is found and its relative rank
 * {@code w} among the trials out-of-sample taken ({@code (rank) / (N + 1)}, ties counted half), with logit
 * {@code ln(w / (1 - w))}. PBO is the share of splits where that logit is at most 0: the in-sample winner did no
 * better than the median out-of-sample. About 0.5 for trials that are all luck, near 0 when one trial is really
 * better. Stateless.
 */
public final class BacktestOverfitting {
    /** Most blocks: C(24, 12) = 2.7 million splits. */
    public static final int MAX_BLOCKS = 24;

    /** The result: PBO, the splits it was counted over, and the mean logit. */
    public record Result(double pbo, int splits, double meanLogit) {
    }

    private BacktestOverfitting() {
    }

    /** PBO of {@code returns[trial][period]} (every row the same length) over {@code blocks} blocks (even). */
    public static Result estimate(double[][] returns, int blocks) {
        final int trials = returns.length;
        if (trials < 2) {
            throw new IllegalArgumentException("PBO needs at least 2 trials, got " + trials);
        }
        final int periods = returns[0].length;
        if (blocks < 2 || blocks % 2 != 0 || blocks > MAX_BLOCKS || blocks > periods) {
            throw new IllegalArgumentException("blocks must be even, 2.." + MAX_BLOCKS + " and at most the "
                + periods + " periods, got " + blocks);
        }
        final double[][] sum = new double[trials][blocks];
        final double[][] squares = new double[trials][blocks];
        final int[] count = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            final int from = (int) ((long) periods * b / blocks);
            final int to = (int) ((long) periods * (b + 1) / blocks);
            count[b] = to - from;
            for (int n = 0; n < trials; n++) {
                if (returns[n].length != periods) {
                    throw new IllegalArgumentException("trial " + n + " has " + returns[n].length + " periods, not "
                        + periods);
                }
                for (int t = from; t < to; t++) {
                    sum[n][b] += returns[n][t];
                    squares[n][b] += returns[n][t] * returns[n][t];
                }
            }
        }
        int splits = 0;
        int overfit = 0;
        double logits = 0;
        final double[] outOfSample = new double[trials];
        for (int mask = 0; mask < 1 << blocks; mask++) {
            if (Integer.bitCount(mask) != blocks / 2) {
                continue;
            }
            int best = 0;
            double bestSharpe = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < trials; n++) {
                final double is = sharpe(sum[n], squares[n], count, mask);
                if (is > bestSharpe) {
                    bestSharpe = is;
                    best = n;
                }
                outOfSample[n] = sharpe(sum[n], squares[n], count, ~mask);
            }
            double below = 0;
            for (int n = 0; n < trials; n++) {
                if (n != best) {
                    below += outOfSample[n] < outOfSample[best] ? 1 : outOfSample[n] == outOfSample[best] ? 0.5 : 0;
                }
            }
            final double w = (below + 1) / (trials + 1);
            final double logit = Math.log(w / (1 - w));
            logits += logit;
            if (logit <= 0) {
                overfit++;
            }
            splits++;
        }
        return new Result((double) overfit / splits, splits, logits / splits);
    }

    private static double sharpe(double[] sum, double[] squares, int[] count, int mask) {
        double s = 0;
        double q = 0;
        long n = 0;
        for (int b = 0; b < count.length; b++) {
            if ((mask >>> b & 1) != 0) {
                s += sum[b];
                q += squares[b];
                n += count[b];
            }
        }
        if (n < 2) {
            return 0;
        }
        final double mean = s / n;
        final double variance = (q - n * mean * mean) / (n - 1);
        return variance > 1e-30 ? mean / Math.sqrt(variance) : 0;
    }
}

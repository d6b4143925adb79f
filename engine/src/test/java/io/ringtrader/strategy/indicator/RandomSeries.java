package io.ringtrader.strategy.indicator;

import java.util.SplittableRandom;

/** Seeded random OHLCV series for checking indicators against naive full-window versions. */
final class RandomSeries {
    final long seed;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    /** {@code n} candles around {@code basePrice} with regime-switching drift, some flat runs and some spikes. */
    RandomSeries(long seed, int n, double basePrice) {
        this.seed = seed;
        final SplittableRandom random = new SplittableRandom(seed);
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        double price = basePrice;
        double drift = 0;
        for (int i = 0; i < n; i++) {
            if (i % 50 == 0) {
                drift = (random.nextDouble() - 0.5) * 0.002;
            }
            final boolean flat = random.nextInt(20) == 0;
            final double o = price;
            final double ret = flat ? 0.0 : drift + random.nextGaussian() * 0.003 * (random.nextInt(30) == 0 ? 5 : 1);
            final double c = o * Math.exp(ret);
            final double spread = flat ? 0.0 : Math.abs(random.nextGaussian()) * 0.002 * o;
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) + spread * random.nextDouble();
            low[i] = Math.min(o, c) - spread * random.nextDouble();
            volume[i] = random.nextInt(10) == 0 ? 0.0 : random.nextDouble() * 10;
            price = c;
        }
    }

    static void assertClose(double expected, double actual, String what, int index, long seed) {
        final boolean bothNaN = Double.isNaN(expected) && Double.isNaN(actual);
        if (!bothNaN && !(Math.abs(expected - actual) <= 1e-9 * Math.max(1.0, Math.abs(expected)))) {
            throw new AssertionError(what + " at candle " + index + ": expected " + expected + " but was " + actual
                + " (seed " + seed + ")");
        }
    }

    static long[] seeds() {
        final long base = System.nanoTime();
        return new long[] {1L, 42L, 20_261_126L, base, base * 31 + 7};
    }
}

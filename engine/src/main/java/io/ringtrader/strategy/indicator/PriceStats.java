package io.ringtrader.strategy.indicator;

/**
 * Exact rolling mean and population standard deviation of the last {@code period} fixed-point (E8) prices, O(1)
 * per update. Sums of values and of squares are kept as exact integers (the squares in 128 bits), so the variance
 * numerator {@code n * sum(x^2) - sum(x)^2} is exact: no drift, no cancellation even when a window at 100,000 is
 * flat to the last satoshi. Only the final division rounds. Prices up to ~9e10 (E8 below 2^63 / period) are safe.
 * Single-threaded.
 */
public final class PriceStats {
    private final long[] window;
    private int head;
    private int size;
    private long sum;
    private long squaresHigh;
    private long squaresLow;

    /** Statistics over {@code period} prices. */
    public PriceStats(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        window = new long[period];
    }

    /** Adds a price (E8, >= 0). */
    public void update(long priceE8) {
        if (size == window.length) {
            final long old = window[head];
            sum -= old;
            subtractSquare(old);
        } else {
            size++;
        }
        window[head] = priceE8;
        head = head + 1 == window.length ? 0 : head + 1;
        sum += priceE8;
        addSquare(priceE8);
    }

    private void addSquare(long x) {
        final long low = x * x;
        final long high = Math.multiplyHigh(x, x);
        final long newLow = squaresLow + low;
        squaresHigh += high + (Long.compareUnsigned(newLow, squaresLow) < 0 ? 1 : 0);
        squaresLow = newLow;
    }

    private void subtractSquare(long x) {
        final long low = x * x;
        final long high = Math.multiplyHigh(x, x);
        final long newLow = squaresLow - low;
        squaresHigh -= high + (Long.compareUnsigned(squaresLow, low) < 0 ? 1 : 0);
        squaresLow = newLow;
    }

    /** Mean price (as a plain double, not E8); NaN before the first update. */
    public double mean() {
        return size == 0 ? Double.NaN : (double) sum / size / 1e8;
    }

    /** Population variance (price units squared). */
    public double variance() {
        if (size == 0) {
            return Double.NaN;
        }
        // numerator = n * S2 - S1^2, exact in 128 bits
        final long n = size;
        long numLow = squaresLow * n;
        // unsigned high word of squaresLow * n (n > 0): the signed one corrected for a set top bit
        long numHigh = squaresHigh * n + Math.multiplyHigh(squaresLow, n) + ((squaresLow >> 63) & n);
        final long s1Low = sum * sum;
        final long s1High = Math.multiplyHigh(sum, sum);
        final long borrow = Long.compareUnsigned(numLow, s1Low) < 0 ? 1 : 0;
        numLow -= s1Low;
        numHigh -= s1High + borrow;
        final double numerator = numHigh * 0x1.0p64 + unsignedToDouble(numLow);
        return Math.max(0.0, numerator / ((double) n * n) / 1e16);
    }

    private static double unsignedToDouble(long value) {
        final double d = (double) (value >>> 1) * 2.0;
        return d + (value & 1L);
    }

    /** Population standard deviation (price units). */
    public double stddev() {
        return Math.sqrt(variance());
    }

    /** True once {@code period} prices were seen. */
    public boolean ready() {
        return size == window.length;
    }

    /** How many prices are held. */
    public int count() {
        return size;
    }
}

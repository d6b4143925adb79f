package io.ringtrader.risk;

import io.ringtrader.event.Candle;
import io.ringtrader.strategy.indicator.RollingCorrelation;
import java.util.Arrays;

/**
 * Pairwise rolling correlations of 1-minute log returns between N instruments, fed by closed candles. A candle's
 * return is {@code ln(close / previous close)} of the same instrument; two instruments' returns are paired only
 * when they belong to the same candle minute ({@code openTimeNs}), so pairs are aligned in exchange time whatever
 * order the candles close in. Allocation-free after construction; single-threaded (the risk/portfolio handler).
 */
public final class CorrelationMatrix {
    private static final long NONE = Long.MIN_VALUE;

    private final int size;
    /** Upper triangle, index {@code i * size + j} for i < j; null elsewhere. */
    private final RollingCorrelation[] pairs;
    private final long[] prevCloseE8;
    private final long[] lastReturnOpenNs;
    private final double[] lastReturn;

    /** Creates the matrix for {@code size} instruments and a window of {@code window} aligned returns. */
    public CorrelationMatrix(int size, int window) {
        this.size = size;
        this.pairs = new RollingCorrelation[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                pairs[i * size + j] = new RollingCorrelation(window);
            }
        }
        this.prevCloseE8 = new long[size];
        this.lastReturnOpenNs = new long[size];
        this.lastReturn = new double[size];
        Arrays.fill(lastReturnOpenNs, NONE);
    }

    /** Feeds one closed candle; out-of-range instruments and non-positive closes are ignored. */
    public void onCandle(Candle candle) {
        final int id = candle.instrumentId;
        if (id < 0 || id >= size || candle.closeE8 <= 0) {
            return;
        }
        final long prev = prevCloseE8[id];
        prevCloseE8[id] = candle.closeE8;
        if (prev <= 0) {
            return;
        }
        final double r = Math.log((double) candle.closeE8 / (double) prev);
        final long openNs = candle.openTimeNs;
        lastReturn[id] = r;
        lastReturnOpenNs[id] = openNs;
        for (int other = 0; other < size; other++) {
            if (other != id && lastReturnOpenNs[other] == openNs) {
                if (id < other) {
                    pairs[id * size + other].add(r, lastReturn[other]);
                } else {
                    pairs[other * size + id].add(lastReturn[other], r);
                }
            }
        }
    }

    /** Correlation of instruments {@code a} and {@code b}; 0 until their window is full, 1 for a == b. */
    public double correlation(int a, int b) {
        if (a == b) {
            return 1.0;
        }
        final RollingCorrelation c = a < b ? pairs[a * size + b] : pairs[b * size + a];
        return c.isFull() ? c.value() : 0.0;
    }

    /** Aligned return pairs collected for {@code a} and {@code b} (a != b). */
    public int pairCount(int a, int b) {
        return a < b ? pairs[a * size + b].count() : pairs[b * size + a].count();
    }

    /** Number of instruments. */
    public int size() {
        return size;
    }
}

package io.ringtrader.strategy.indicator;

/**
 * Wilder's directional movement: +DI, -DI and ADX. +DM/-DM and true range are Wilder-summed (first value = sum of
 * {@code period}, then {@code s = s - s / period + x}); DX = 100 |+DI - -DI| / (+DI + -DI); ADX = mean of the
 * first {@code period} DX values, then Wilder-smoothed. Ready after {@code 2 * period} candles. O(1),
 * single-threaded.
 */
public final class Adx {
    private final int period;
    private boolean hasPrevious;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private long moves;
    private double sumTr;
    private double sumPlusDm;
    private double sumMinusDm;
    private double plusDi;
    private double minusDi;
    private long dxCount;
    private double adx;

    /** ADX over {@code period} candles (14 is Wilder's choice). */
    public Adx(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        this.period = period;
    }

    /** Adds one candle. */
    public void update(double high, double low, double close) {
        if (!hasPrevious) {
            hasPrevious = true;
            remember(high, low, close);
            return;
        }
        final double up = high - previousHigh;
        final double down = previousLow - low;
        final double plusDm = up > down && up > 0 ? up : 0.0;
        final double minusDm = down > up && down > 0 ? down : 0.0;
        final double tr = Atr.trueRange(high, low, previousClose);
        remember(high, low, close);
        moves++;
        if (moves <= period) {
            sumTr += tr;
            sumPlusDm += plusDm;
            sumMinusDm += minusDm;
        } else {
            sumTr = sumTr - sumTr / period + tr;
            sumPlusDm = sumPlusDm - sumPlusDm / period + plusDm;
            sumMinusDm = sumMinusDm - sumMinusDm / period + minusDm;
        }
        if (moves < period) {
            return;
        }
        plusDi = sumTr == 0 ? 0.0 : 100.0 * sumPlusDm / sumTr;
        minusDi = sumTr == 0 ? 0.0 : 100.0 * sumMinusDm / sumTr;
        final double diSum = plusDi + minusDi;
        final double dx = diSum == 0 ? 0.0 : 100.0 * Math.abs(plusDi - minusDi) / diSum;
        dxCount++;
        if (dxCount <= period) {
            adx += dx;
            if (dxCount == period) {
                adx /= period;
            }
        } else {
            adx = (adx * (period - 1) + dx) / period;
        }
    }

    private void remember(double high, double low, double close) {
        previousHigh = high;
        previousLow = low;
        previousClose = close;
    }

    /** ADX in [0, 100], NaN until ready. */
    public double adx() {
        return ready() ? adx : Double.NaN;
    }

    /** +DI in [0, 100] (0 until {@code period + 1} candles). */
    public double plusDi() {
        return plusDi;
    }

    /** -DI in [0, 100] (0 until {@code period + 1} candles). */
    public double minusDi() {
        return minusDi;
    }

    /** True once ADX has {@code period} DX values behind it ({@code 2 * period} candles). */
    public boolean ready() {
        return dxCount >= period;
    }
}

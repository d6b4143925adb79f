package io.ringtrader.strategy.indicator;

/**
 * Pearson correlation of two return series over a sliding window of the last {@code window} pairs, updated in
 * O(1) and without allocation. Running sums are rebuilt from the window every {@code window} updates so that
 * floating-point drift from add/subtract cannot accumulate. Single-threaded: owned by one handler.
 */
public final class RollingCorrelation {
    private final int window;
    private final double[] xs;
    private final double[] ys;
    private int count;
    private int next;
    private int sinceRebuild;
    private double sumX;
    private double sumY;
    private double sumXx;
    private double sumYy;
    private double sumXy;

    /** Creates a correlation over the last {@code window} (>= 2) pairs. */
    public RollingCorrelation(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        this.window = window;
        this.xs = new double[window];
        this.ys = new double[window];
    }

    /** Adds one pair of returns; the oldest pair leaves once the window is full. Non-finite pairs are ignored. */
    public void add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        if (count == window) {
            final double oldX = xs[next];
            final double oldY = ys[next];
            sumX -= oldX;
            sumY -= oldY;
            sumXx -= oldX * oldX;
            sumYy -= oldY * oldY;
            sumXy -= oldX * oldY;
        } else {
            count++;
        }
        xs[next] = x;
        ys[next] = y;
        sumX += x;
        sumY += y;
        sumXx += x * x;
        sumYy += y * y;
        sumXy += x * y;
        next = next + 1 == window ? 0 : next + 1;
        if (++sinceRebuild >= window) {
            rebuild();
        }
    }

    /** Adds the log returns of two price moves ({@code prev -> cur}, any positive unit). */
    public void addPrices(double prevX, double curX, double prevY, double curY) {
        add(Math.log(curX / prevX), Math.log(curY / prevY));
    }

    /** Pairs currently in the window. */
    public int count() {
        return count;
    }

    /** The window length. */
    public int window() {
        return window;
    }

    /** True once the window is full. */
    public boolean isFull() {
        return count == window;
    }

    /**
     * Correlation in [-1, 1] of the pairs in the window; 0 when fewer than 2 pairs or either series is flat
     * (a flat series carries no co-movement information, so it must not trigger a size reduction).
     */
    public double value() {
        if (count < 2) {
            return 0.0;
        }
        final double n = count;
        final double varX = sumXx - sumX * sumX / n;
        final double varY = sumYy - sumY * sumY / n;
        if (varX <= 0.0 || varY <= 0.0) {
            return 0.0;
        }
        final double r = (sumXy - sumX * sumY / n) / Math.sqrt(varX * varY);
        return r > 1.0 ? 1.0 : r < -1.0 ? -1.0 : r;
    }

    /** Forgets every pair. */
    public void reset() {
        count = 0;
        next = 0;
        sinceRebuild = 0;
        sumX = 0;
        sumY = 0;
        sumXx = 0;
        sumYy = 0;
        sumXy = 0;
    }

    private void rebuild() {
        sinceRebuild = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < count; i++) {
            final double x = xs[i];
            final double y = ys[i];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        sumX = sx;
        sumY = sy;
        sumXx = sxx;
        sumYy = syy;
        sumXy = sxy;
    }
}

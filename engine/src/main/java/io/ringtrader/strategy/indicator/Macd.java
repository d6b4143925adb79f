package io.ringtrader.strategy.indicator;

/**
 * MACD: line = EMA(fast) - EMA(slow), signal = EMA(signal) of the line, histogram = line - signal. Every EMA is fed
 * from the first close; ready once {@code slow + signal - 1} closes were seen. O(1), single-threaded.
 */
public final class Macd {
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private final long readyAfter;
    private long count;

    /** MACD(fast, slow, signal); the classic is 12, 26, 9. */
    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("fast period " + fastPeriod + " must be < slow period " + slowPeriod);
        }
        fast = new Ema(fastPeriod);
        slow = new Ema(slowPeriod);
        signal = new Ema(signalPeriod);
        readyAfter = slowPeriod + signalPeriod - 1L;
    }

    /** Adds a close. */
    public void update(double close) {
        final double line = fast.update(close) - slow.update(close);
        signal.update(line);
        count++;
    }

    /** EMA(fast) - EMA(slow). */
    public double line() {
        return fast.value() - slow.value();
    }

    /** EMA of the line. */
    public double signal() {
        return signal.value();
    }

    /** Line minus signal. */
    public double histogram() {
        return line() - signal.value();
    }

    /** True once enough closes were seen for the signal line to mean something. */
    public boolean ready() {
        return count >= readyAfter;
    }
}

package io.ringtrader.strategy.indicator;

/**
 * A fixed-capacity ring of doubles: the window behind the rolling indicators. Pushing into a full ring overwrites
 * the oldest value. Allocation-free after construction; single-threaded (owned by one indicator).
 */
public final class DoubleRing {
    private final double[] values;
    private int head;
    private int size;

    /** A ring holding the last {@code capacity} values. */
    public DoubleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        values = new double[capacity];
    }

    /** Appends {@code value}, dropping the oldest one when full. */
    public void push(double value) {
        values[head] = value;
        head = head + 1 == values.length ? 0 : head + 1;
        if (size < values.length) {
            size++;
        }
    }

    /** The value that the next {@link #push} will drop (only meaningful when {@link #full()}). */
    public double oldest() {
        return get(0);
    }

    /** The newest value. */
    public double newest() {
        return get(size - 1);
    }

    /** The {@code index}-th value, 0 = oldest. */
    public double get(int index) {
        int i = head - size + index;
        if (i < 0) {
            i += values.length;
        }
        return values[i];
    }

    /** How many values are held. */
    public int size() {
        return size;
    }

    /** How many values the ring holds at most. */
    public int capacity() {
        return values.length;
    }

    /** True when the ring holds {@link #capacity()} values. */
    public boolean full() {
        return size == values.length;
    }

    /** Forgets every value. */
    public void clear() {
        head = 0;
        size = 0;
    }
}

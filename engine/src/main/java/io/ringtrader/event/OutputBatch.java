package io.ringtrader.event;

import java.util.function.Supplier;

/**
 * A fixed-capacity list of pre-allocated, reusable records that a ring stage fills for the stages after it
 * (closed candles, signals, risk decisions, fills). {@link #add()} hands out the next record to overwrite; nothing
 * is allocated after construction. Written by one stage, read by later stages of the same slot.
 *
 * @param <T> the record type
 */
public final class OutputBatch<T> {
    private final Object[] items;
    private int size;
    private long overflows;

    /** Creates a batch holding up to {@code capacity} records made by {@code factory}. */
    public OutputBatch(int capacity, Supplier<T> factory) {
        items = new Object[capacity];
        for (int i = 0; i < capacity; i++) {
            items[i] = factory.get();
        }
    }

    /** The next record to fill, now counted in {@link #size()}; null (and counted) when the batch is full. */
    @SuppressWarnings("unchecked")
    public T add() {
        if (size == items.length) {
            overflows++;
            return null;
        }
        return (T) items[size++];
    }

    /** The i-th record filled. */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) items[index];
    }

    /** How many records are filled. */
    public int size() {
        return size;
    }

    /** How many records could hold. */
    public int capacity() {
        return items.length;
    }

    /** How many {@link #add()} calls found the batch full since it was created. */
    public long overflows() {
        return overflows;
    }

    /** Empties the batch; records are kept for reuse. */
    public void clear() {
        size = 0;
    }
}

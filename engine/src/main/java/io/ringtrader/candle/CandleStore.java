package io.ringtrader.candle;

import io.ringtrader.event.Candle;

/**
 * The last {@code retentionDays} of 1-minute candles per instrument, in event time, kept in fixed-size primitive
 * rings (struct of arrays: one array per field, one region per instrument), so memory is bounded and reads and
 * appends allocate nothing. Index 0 is the oldest candle held. Owned by the consumer thread: the candle stage
 * appends, later stages of the same thread (strategies) and start-up warm-up read; no other thread may touch it.
 */
public final class CandleStore {
    /** One minute in nanoseconds. */
    public static final long MINUTE_NS = 60_000_000_000L;
    /** Minutes per day. */
    public static final int MINUTES_PER_DAY = 1440;

    private final int instrumentCount;
    private final int capacity;
    private final long retentionNs;
    private final long[] openTimeNs;
    private final long[] openE8;
    private final long[] highE8;
    private final long[] lowE8;
    private final long[] closeE8;
    private final long[] volumeE8;
    private final long[] notionalE8;
    private final long[] tradeCount;
    private final boolean[] complete;
    private final int[] head;
    private final int[] size;
    private long rejectedAppends;

    /** Allocates every ring up front: {@code instrumentCount x retentionDays x 1440} candles. */
    public CandleStore(int instrumentCount, int retentionDays) {
        if (instrumentCount < 1 || retentionDays < 1) {
            throw new IllegalArgumentException("instrumentCount and retentionDays must be positive");
        }
        this.instrumentCount = instrumentCount;
        this.capacity = retentionDays * MINUTES_PER_DAY;
        this.retentionNs = capacity * MINUTE_NS;
        final int total = Math.multiplyExact(instrumentCount, capacity);
        openTimeNs = new long[total];
        openE8 = new long[total];
        highE8 = new long[total];
        lowE8 = new long[total];
        closeE8 = new long[total];
        volumeE8 = new long[total];
        notionalE8 = new long[total];
        tradeCount = new long[total];
        complete = new boolean[total];
        head = new int[instrumentCount];
        size = new int[instrumentCount];
    }

    /**
     * Appends a candle newer than the instrument's latest one, evicting candles that fall out of the retention
     * window (event time of the new candle) or out of the ring. Returns false (and counts it) for an unknown
     * instrument or a candle not newer than the latest held.
     */
    public boolean append(Candle candle) {
        final int id = candle.instrumentId;
        if (id < 0 || id >= instrumentCount) {
            rejectedAppends++;
            return false;
        }
        final int base = id * capacity;
        int n = size[id];
        int h = head[id];
        if (n > 0 && candle.openTimeNs <= openTimeNs[base + (h + n - 1) % capacity]) {
            rejectedAppends++;
            return false;
        }
        final long oldestKeptNs = candle.openTimeNs - retentionNs;
        while (n > 0 && (n == capacity || openTimeNs[base + h] <= oldestKeptNs)) {
            h = h + 1 == capacity ? 0 : h + 1;
            n--;
        }
        final int at = base + (h + n) % capacity;
        openTimeNs[at] = candle.openTimeNs;
        openE8[at] = candle.openE8;
        highE8[at] = candle.highE8;
        lowE8[at] = candle.lowE8;
        closeE8[at] = candle.closeE8;
        volumeE8[at] = candle.volumeE8;
        notionalE8[at] = candle.notionalE8;
        tradeCount[at] = candle.tradeCount;
        complete[at] = candle.complete;
        head[id] = h;
        size[id] = n + 1;
        return true;
    }

    /** Number of instruments. */
    public int instrumentCount() {
        return instrumentCount;
    }

    /** Most candles held per instrument ({@code retentionDays x 1440}). */
    public int capacity() {
        return capacity;
    }

    /** Candles held for {@code instrumentId}. */
    public int size(int instrumentId) {
        return size[instrumentId];
    }

    /** Copies the {@code index}-th oldest candle of the instrument into {@code out}; false if out of range. */
    public boolean get(int instrumentId, int index, Candle out) {
        if (index < 0 || index >= size[instrumentId]) {
            return false;
        }
        final int at = slot(instrumentId, index);
        out.instrumentId = instrumentId;
        out.openTimeNs = openTimeNs[at];
        out.openE8 = openE8[at];
        out.highE8 = highE8[at];
        out.lowE8 = lowE8[at];
        out.closeE8 = closeE8[at];
        out.volumeE8 = volumeE8[at];
        out.notionalE8 = notionalE8[at];
        out.tradeCount = tradeCount[at];
        out.complete = complete[at];
        return true;
    }

    /** Copies the newest candle of the instrument into {@code out}; false if none is held. */
    public boolean latest(int instrumentId, Candle out) {
        return get(instrumentId, size[instrumentId] - 1, out);
    }

    /**
     * Copies up to {@code count} candles starting at the {@code fromIndex}-th oldest into {@code out[outOffset..]};
     * returns how many were copied.
     */
    public int copyRange(int instrumentId, int fromIndex, Candle[] out, int outOffset, int count) {
        final int n = Math.max(0, Math.min(count, Math.min(size[instrumentId] - fromIndex, out.length - outOffset)));
        for (int i = 0; i < n; i++) {
            get(instrumentId, fromIndex + i, out[outOffset + i]);
        }
        return n;
    }

    /**
     * Copies up to {@code count} close prices (E8) starting at the {@code fromIndex}-th oldest candle into
     * {@code out[outOffset..]}; returns how many were copied. The cheap path for indicators.
     */
    public int copyCloses(int instrumentId, int fromIndex, long[] out, int outOffset, int count) {
        final int n = Math.max(0, Math.min(count, Math.min(size[instrumentId] - fromIndex, out.length - outOffset)));
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = closeE8[slot(instrumentId, fromIndex + i)];
        }
        return n;
    }

    /** Open time (epoch ns) of the {@code index}-th oldest candle; index must be in range. */
    public long openTimeNs(int instrumentId, int index) {
        return openTimeNs[checkedSlot(instrumentId, index)];
    }

    /** Close (E8) of the {@code index}-th oldest candle; index must be in range. */
    public long closeE8(int instrumentId, int index) {
        return closeE8[checkedSlot(instrumentId, index)];
    }

    /** Appends refused since creation (unknown instrument or not newer than the latest candle). */
    public long rejectedAppends() {
        return rejectedAppends;
    }

    private int checkedSlot(int instrumentId, int index) {
        if (index < 0 || index >= size[instrumentId]) {
            throw new IndexOutOfBoundsException(index);
        }
        return slot(instrumentId, index);
    }

    private int slot(int instrumentId, int index) {
        return instrumentId * capacity + (head[instrumentId] + index) % capacity;
    }
}

package io.ringtrader.dashboard;

import io.ringtrader.event.Signal;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest signal of each instrument, seqlock-published for display threads. One writer (the
 * {@link SignalViewHandler} on the consumer thread) calls {@link #publish} without locks or allocation; readers
 * call {@link #read} and retry until they get a consistent copy.
 */
public final class SignalView {
    private static final int SEQ = 0;
    private static final int TIME = 1;
    private static final int ACTION = 2;
    private static final int CONFIDENCE = 3;
    private static final int REGIME = 4;
    private static final int LEAD = 5;
    private static final int FILTERED = 6;
    private static final int PRICE = 7;
    private static final int COUNT = 8;
    private static final int STRIDE = 9;

    private final int instrumentCount;
    private final AtomicLongArray data;

    /** A view for {@code instrumentCount} instruments; nothing published yet. */
    public SignalView(int instrumentCount) {
        this.instrumentCount = instrumentCount;
        this.data = new AtomicLongArray(STRIDE * instrumentCount);
    }

    /** Number of instruments. */
    public int instruments() {
        return instrumentCount;
    }

    /** Writer thread only: {@code signal} becomes its instrument's latest one. */
    public void publish(Signal signal) {
        final int id = signal.instrumentId;
        if (id < 0 || id >= instrumentCount) {
            return;
        }
        final int at = STRIDE * id;
        final long s = data.getPlain(at + SEQ);
        data.setOpaque(at + SEQ, s + 1);
        VarHandle.storeStoreFence();
        data.setOpaque(at + TIME, signal.timestampNs);
        data.setOpaque(at + ACTION, signal.action);
        data.setOpaque(at + CONFIDENCE, Double.doubleToRawLongBits(signal.confidence));
        data.setOpaque(at + REGIME, signal.regime);
        data.setOpaque(at + LEAD, signal.leadStrategyId);
        data.setOpaque(at + FILTERED, signal.filtered ? 1 : 0);
        data.setOpaque(at + PRICE, signal.referencePriceE8);
        data.setOpaque(at + COUNT, data.getPlain(at + COUNT) + 1);
        data.setRelease(at + SEQ, s + 2);
    }

    /** Any thread: copies instrument {@code id}'s latest signal into {@code out}; false when it has none yet. */
    public boolean read(int id, Copy out) {
        final int at = STRIDE * id;
        while (true) {
            final long s1 = data.getAcquire(at + SEQ);
            if (s1 == 0) {
                return false;
            }
            if ((s1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            out.timestampNs = data.getOpaque(at + TIME);
            out.action = (byte) data.getOpaque(at + ACTION);
            out.confidence = Double.longBitsToDouble(data.getOpaque(at + CONFIDENCE));
            out.regime = (byte) data.getOpaque(at + REGIME);
            out.leadStrategyId = (int) data.getOpaque(at + LEAD);
            out.filtered = data.getOpaque(at + FILTERED) != 0;
            out.referencePriceE8 = data.getOpaque(at + PRICE);
            out.count = data.getOpaque(at + COUNT);
            VarHandle.loadLoadFence();
            if (data.getOpaque(at + SEQ) == s1) {
                return true;
            }
        }
    }

    /** A reader's copy of one instrument's latest signal. */
    public static final class Copy {
        public long timestampNs;
        public byte action;
        public double confidence;
        public byte regime;
        public int leadStrategyId;
        public boolean filtered;
        public long referencePriceE8;
        /** Signals this instrument produced so far (filtered ones included). */
        public long count;
    }
}

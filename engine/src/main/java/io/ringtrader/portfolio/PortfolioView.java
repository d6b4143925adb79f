package io.ringtrader.portfolio;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A seqlock-published copy of a few portfolio primitives for display threads. The handler thread (the only
 * writer) calls {@link #publish}; readers call {@link #read} and retry until they get a consistent copy. No locks,
 * no allocation on the writer side.
 */
public final class PortfolioView {
    private static final int CASH = 0;
    private static final int EQUITY = 1;
    private static final int REALIZED = 2;
    private static final int PEAK = 3;
    private static final int TRADES = 4;
    private static final int LAST_UPDATE = 5;
    private static final int DRAWDOWN = 6;
    private static final int HEADER = 7;

    private final int instrumentCount;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray data;

    /** A view for {@code instrumentCount} instruments. */
    public PortfolioView(int instrumentCount) {
        this.instrumentCount = instrumentCount;
        this.data = new AtomicLongArray(HEADER + 3 * instrumentCount);
    }

    /** Writer (handler thread only): publishes {@code p}'s current state. */
    public void publish(Portfolio p) {
        final long s = sequence.getPlain();
        sequence.setOpaque(s + 1);
        VarHandle.storeStoreFence();
        data.setOpaque(CASH, p.cashE8());
        data.setOpaque(EQUITY, p.equityE8());
        data.setOpaque(REALIZED, p.realizedPnlE8());
        data.setOpaque(PEAK, p.peakEquityE8());
        data.setOpaque(TRADES, p.tradeCount());
        data.setOpaque(LAST_UPDATE, p.lastUpdateNs());
        data.setOpaque(DRAWDOWN, p.drawdownE8());
        for (int i = 0; i < instrumentCount; i++) {
            final int at = HEADER + 3 * i;
            data.setOpaque(at, p.quantityE8(i));
            data.setOpaque(at + 1, p.lastPriceE8(i));
            data.setOpaque(at + 2, p.costBasisE8(i));
        }
        sequence.setRelease(s + 2);
    }

    /** Reader (any thread): copies a consistent state into {@code out}; false if nothing was published yet. */
    public boolean read(Copy out) {
        while (true) {
            final long s1 = sequence.getAcquire();
            if (s1 == 0) {
                return false;
            }
            if ((s1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            out.cashE8 = data.getOpaque(CASH);
            out.equityE8 = data.getOpaque(EQUITY);
            out.realizedPnlE8 = data.getOpaque(REALIZED);
            out.peakEquityE8 = data.getOpaque(PEAK);
            out.tradeCount = data.getOpaque(TRADES);
            out.lastUpdateNs = data.getOpaque(LAST_UPDATE);
            out.drawdownE8 = data.getOpaque(DRAWDOWN);
            for (int i = 0; i < instrumentCount; i++) {
                final int at = HEADER + 3 * i;
                out.quantityE8[i] = data.getOpaque(at);
                out.lastPriceE8[i] = data.getOpaque(at + 1);
                out.costBasisE8[i] = data.getOpaque(at + 2);
            }
            VarHandle.loadLoadFence();
            if (sequence.getOpaque() == s1) {
                return true;
            }
        }
    }

    /** A new reader-side copy sized for this view. */
    public Copy newCopy() {
        return new Copy(instrumentCount);
    }

    /** A reader's consistent copy of the view; owned by one reader thread. */
    public static final class Copy {
        public final long[] quantityE8;
        public final long[] lastPriceE8;
        public final long[] costBasisE8;
        public long cashE8;
        public long equityE8;
        public long realizedPnlE8;
        public long peakEquityE8;
        public long tradeCount;
        public long lastUpdateNs;
        public long drawdownE8;

        Copy(int instrumentCount) {
            quantityE8 = new long[instrumentCount];
            lastPriceE8 = new long[instrumentCount];
            costBasisE8 = new long[instrumentCount];
        }
    }
}

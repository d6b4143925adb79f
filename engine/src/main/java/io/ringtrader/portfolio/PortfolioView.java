package io.ringtrader.portfolio;

import io.ringtrader.event.ExitReason;
import io.ringtrader.event.OrderType;
import io.ringtrader.order.Order;
import io.ringtrader.order.OrderBook;
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
    private static final int HALTED = 7;
    private static final int STAND_ASIDE = 8;
    private static final int HEADER = 9;
    private static final int PER_INSTRUMENT = 6;

    private final int instrumentCount;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray data;

    /** A view for {@code instrumentCount} instruments. */
    public PortfolioView(int instrumentCount) {
        this.instrumentCount = instrumentCount;
        this.data = new AtomicLongArray(HEADER + PER_INSTRUMENT * instrumentCount);
    }

    /** Writer (handler thread only): publishes {@code p}'s state and, per symbol, its open orders and exits. */
    public void publish(Portfolio p, OrderBook book) {
        publish(p, book, false);
    }

    /** As {@link #publish(Portfolio, OrderBook)}, also telling whether trading stands aside. */
    public void publish(Portfolio p, OrderBook book, boolean standingAside) {
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
        data.setOpaque(HALTED, p.entriesHalted() ? 1 : 0);
        data.setOpaque(STAND_ASIDE, standingAside ? 1 : 0);
        for (int i = 0; i < instrumentCount; i++) {
            final int at = HEADER + PER_INSTRUMENT * i;
            data.setOpaque(at, p.quantityE8(i));
            data.setOpaque(at + 1, p.lastPriceE8(i));
            data.setOpaque(at + 2, p.costBasisE8(i));
            long open = 0;
            long stop = 0;
            long takeProfit = 0;
            for (int k = 0; k < book.slotsPerInstrument(); k++) {
                final Order o = book.slot(i, k);
                if (o.id == 0 || !o.open()) {
                    continue;
                }
                open++;
                if (o.type == OrderType.STOP || o.type == OrderType.TRAILING_STOP) {
                    stop = Math.max(stop, o.stopPriceE8);
                } else if (o.exitReason == ExitReason.TAKE_PROFIT) {
                    takeProfit = o.limitPriceE8;
                }
            }
            data.setOpaque(at + 3, open);
            data.setOpaque(at + 4, stop);
            data.setOpaque(at + 5, takeProfit);
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
            out.entriesHalted = data.getOpaque(HALTED) != 0;
            out.standingAside = data.getOpaque(STAND_ASIDE) != 0;
            for (int i = 0; i < instrumentCount; i++) {
                final int at = HEADER + PER_INSTRUMENT * i;
                out.quantityE8[i] = data.getOpaque(at);
                out.lastPriceE8[i] = data.getOpaque(at + 1);
                out.costBasisE8[i] = data.getOpaque(at + 2);
                out.openOrders[i] = data.getOpaque(at + 3);
                out.stopE8[i] = data.getOpaque(at + 4);
                out.takeProfitE8[i] = data.getOpaque(at + 5);
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
        /** Open orders per symbol, the highest armed stop price and the take-profit price (0 = none). */
        public final long[] openOrders;
        public final long[] stopE8;
        public final long[] takeProfitE8;
        public boolean entriesHalted;
        /** True while no strategy beat the costs: no new entries. */
        public boolean standingAside;
        public long cashE8;
        public long equityE8;
        public long realizedPnlE8;
        public long peakEquityE8;
        public long tradeCount;
        public long lastUpdateNs;
        public long drawdownE8;

        Copy(int instrumentCount) {
            quantityE8 = new long[instrumentCount];
            openOrders = new long[instrumentCount];
            stopE8 = new long[instrumentCount];
            takeProfitE8 = new long[instrumentCount];
            lastPriceE8 = new long[instrumentCount];
            costBasisE8 = new long[instrumentCount];
        }
    }
}

package io.ringtrader.portfolio;

import io.ringtrader.order.OrderBook;

/**
 * A copy of a {@link Portfolio}'s state at one event: what the state file holds. Mutable and reusable (the
 * handler copies into the {@link PortfolioOutbox}'s three buffers); a snapshot belongs to one thread at a time,
 * handed over through the outbox.
 */
public final class PortfolioSnapshot {
    public final long[] quantityE8;
    public final long[] costBasisE8;
    public final long[] lastPriceE8;
    public long cashE8;
    public long realizedPnlE8;
    public long feesPaidE8;
    public long peakEquityE8;
    public long tradeCount;
    public long lastUpdateNs;
    public long journalIndex = -1;
    public boolean entriesHalted;
    public long haltedSinceNs;
    /** The open orders, armed exits, entry times and cooldowns at the same event. */
    public final OrderBook orders;

    /** An empty snapshot for {@code instrumentCount} instruments with {@code orderSlots} order slots each. */
    public PortfolioSnapshot(int instrumentCount, int orderSlots) {
        orders = new OrderBook(instrumentCount, orderSlots);
        quantityE8 = new long[instrumentCount];
        costBasisE8 = new long[instrumentCount];
        lastPriceE8 = new long[instrumentCount];
    }

    /** Copies {@code p}'s state and {@code book}'s orders; allocation-free. */
    public void copyFrom(Portfolio p, OrderBook book) {
        orders.copyFrom(book);
        haltedSinceNs = p.haltedSinceNs();
        for (int i = 0; i < quantityE8.length; i++) {
            quantityE8[i] = p.quantityE8(i);
            costBasisE8[i] = p.costBasisE8(i);
            lastPriceE8[i] = p.lastPriceE8(i);
        }
        cashE8 = p.cashE8();
        realizedPnlE8 = p.realizedPnlE8();
        feesPaidE8 = p.feesPaidE8();
        peakEquityE8 = p.peakEquityE8();
        tradeCount = p.tradeCount();
        lastUpdateNs = p.lastUpdateNs();
        journalIndex = p.journalIndex();
        entriesHalted = p.entriesHalted();
    }

    /** Copies another snapshot of the same size; allocation-free. */
    public void copyFrom(PortfolioSnapshot s) {
        orders.copyFrom(s.orders);
        haltedSinceNs = s.haltedSinceNs;
        System.arraycopy(s.quantityE8, 0, quantityE8, 0, quantityE8.length);
        System.arraycopy(s.costBasisE8, 0, costBasisE8, 0, costBasisE8.length);
        System.arraycopy(s.lastPriceE8, 0, lastPriceE8, 0, lastPriceE8.length);
        cashE8 = s.cashE8;
        realizedPnlE8 = s.realizedPnlE8;
        feesPaidE8 = s.feesPaidE8;
        peakEquityE8 = s.peakEquityE8;
        tradeCount = s.tradeCount;
        lastUpdateNs = s.lastUpdateNs;
        journalIndex = s.journalIndex;
        entriesHalted = s.entriesHalted;
    }

    /** Number of instruments. */
    public int instrumentCount() {
        return quantityE8.length;
    }
}

package io.ringtrader.portfolio;

import io.ringtrader.risk.AccountView;
import io.ringtrader.event.WideMath;
import io.ringtrader.event.FixedPoint;

/**
 * The paper account in E8 fixed point: cash and realized P&amp;L in quote units, positions in base units, a cost
 * basis per position that includes its buy fees, the last trade price per instrument, and the peak equity for
 * drawdown. Equity is exactly {@code cash + sum(multiply(quantity, lastPrice))}; this class keeps that sum
 * incrementally. It applies already-validated fills (see {@link PaperBroker}). Single-threaded: owned by the
 * risk/portfolio handler; other threads see it only through {@link PortfolioSnapshot} and {@link PortfolioView}.
 */
public final class Portfolio implements AccountView {
    private final long[] quantityE8;
    private final long[] costBasisE8;
    private final long[] lastPriceE8;
    private final long[] positionValueE8;
    private long cashE8;
    private long totalPositionValueE8;
    private long realizedPnlE8;
    private long feesPaidE8;
    private long peakEquityE8;
    private long tradeCount;
    private long lastUpdateNs;
    private long journalIndex = -1;
    private boolean entriesHalted;
    private long haltedSinceNs;

    /** A fresh account with {@code startingCashE8} and nothing held, for {@code instrumentCount} instruments. */
    public Portfolio(int instrumentCount, long startingCashE8) {
        if (startingCashE8 < 0) {
            throw new IllegalArgumentException("starting cash must not be negative");
        }
        quantityE8 = new long[instrumentCount];
        costBasisE8 = new long[instrumentCount];
        lastPriceE8 = new long[instrumentCount];
        positionValueE8 = new long[instrumentCount];
        cashE8 = startingCashE8;
        peakEquityE8 = startingCashE8;
    }

    /** Restores an account from a snapshot (state file); validation is the caller's job. */
    public static Portfolio restore(PortfolioSnapshot s) {
        final Portfolio p = new Portfolio(s.instrumentCount(), s.cashE8);
        for (int i = 0; i < s.instrumentCount(); i++) {
            p.quantityE8[i] = s.quantityE8[i];
            p.costBasisE8[i] = s.costBasisE8[i];
            p.lastPriceE8[i] = s.lastPriceE8[i];
            p.positionValueE8[i] = FixedPoint.multiply(s.quantityE8[i], s.lastPriceE8[i]);
            p.totalPositionValueE8 += p.positionValueE8[i];
        }
        p.realizedPnlE8 = s.realizedPnlE8;
        p.feesPaidE8 = s.feesPaidE8;
        p.peakEquityE8 = Math.max(s.peakEquityE8, p.equityE8());
        p.tradeCount = s.tradeCount;
        p.lastUpdateNs = s.lastUpdateNs;
        p.journalIndex = s.journalIndex;
        p.entriesHalted = s.entriesHalted;
        p.haltedSinceNs = s.haltedSinceNs;
        return p;
    }

    /** Marks {@code instrumentId} to a new last trade price and updates the peak equity. */
    public void mark(int instrumentId, long priceE8) {
        final long value = checkedValue(instrumentId, quantityE8[instrumentId], priceE8, 0);
        lastPriceE8[instrumentId] = priceE8;
        revalue(instrumentId, value);
    }

    /** Applies a validated buy: cash pays notional plus fee, both go into the position's cost basis. */
    void applyBuy(int instrumentId, long quantityE8, long notionalE8, long feeE8) {
        final long cost = notionalE8 + feeE8;
        final long value = checkedValue(instrumentId, this.quantityE8[instrumentId] + quantityE8,
            lastPriceE8[instrumentId], -cost);
        cashE8 -= cost;
        costBasisE8[instrumentId] += cost;
        this.quantityE8[instrumentId] += quantityE8;
        feesPaidE8 += feeE8;
        tradeCount++;
        revalue(instrumentId, value);
    }

    /** Applies a validated sell at average cost; returns its realized P&amp;L (proceeds net of fee - basis sold). */
    long applySell(int instrumentId, long quantityE8, long notionalE8, long feeE8) {
        final long held = this.quantityE8[instrumentId];
        final long basisSold = quantityE8 == held ? costBasisE8[instrumentId]
            : WideMath.mulDivFloor(costBasisE8[instrumentId], quantityE8, held);
        final long proceeds = notionalE8 - feeE8;
        final long pnl = proceeds - basisSold;
        final long value = checkedValue(instrumentId, held - quantityE8, lastPriceE8[instrumentId], proceeds);
        cashE8 += proceeds;
        costBasisE8[instrumentId] -= basisSold;
        this.quantityE8[instrumentId] = held - quantityE8;
        realizedPnlE8 += pnl;
        feesPaidE8 += feeE8;
        tradeCount++;
        revalue(instrumentId, value);
        return pnl;
    }

    /**
     * The value of {@code quantityE8} of {@code id} at {@code priceE8}, checked so that the new total of positions
     * and the equity also fit a long; throws {@link ArithmeticException} before any field changes otherwise.
     */
    private long checkedValue(int id, long quantityE8, long priceE8, long cashDeltaE8) {
        final long value = FixedPoint.multiply(quantityE8, priceE8);
        final long total = Math.addExact(totalPositionValueE8, value - positionValueE8[id]);
        Math.addExact(Math.addExact(cashE8, cashDeltaE8), total);
        return value;
    }

    /** Applies a position's new value, computed by the caller before any field changed. */
    private void revalue(int id, long value) {
        totalPositionValueE8 += value - positionValueE8[id];
        positionValueE8[id] = value;
        final long equity = cashE8 + totalPositionValueE8;
        if (equity > peakEquityE8) {
            peakEquityE8 = equity;
        }
    }

    /** Records the exchange time and journal index of the last event this account reflects. */
    public void stamp(long timestampNs, long journalIndex) {
        if (timestampNs > lastUpdateNs) {
            lastUpdateNs = timestampNs;
        }
        if (journalIndex >= 0) {
            this.journalIndex = journalIndex;
        }
    }

    /**
     * Forgets the journal index: the events that follow are numbered by another journal (a replay from a snapshot
     * writes a new one), so none of them is "already reflected".
     */
    public void forgetJournalIndex() {
        journalIndex = -1;
    }

    /** Cash plus every position at its last trade price. */
    public long equityE8() {
        return cashE8 + totalPositionValueE8;
    }

    /** Peak-to-current drawdown as an E8 fraction (0.15 = 15_000_000). */
    public long drawdownE8() {
        final long equity = equityE8();
        return peakEquityE8 <= 0 || equity >= peakEquityE8 ? 0 : WideMath.divideE8(peakEquityE8 - equity,
            peakEquityE8);
    }

    public long cashE8() {
        return cashE8;
    }

    public long quantityE8(int instrumentId) {
        return quantityE8[instrumentId];
    }

    public long costBasisE8(int instrumentId) {
        return costBasisE8[instrumentId];
    }

    public long lastPriceE8(int instrumentId) {
        return lastPriceE8[instrumentId];
    }

    public long positionValueE8(int instrumentId) {
        return positionValueE8[instrumentId];
    }

    public long totalPositionValueE8() {
        return totalPositionValueE8;
    }

    public long realizedPnlE8() {
        return realizedPnlE8;
    }

    public long feesPaidE8() {
        return feesPaidE8;
    }

    public long peakEquityE8() {
        return peakEquityE8;
    }

    public long tradeCount() {
        return tradeCount;
    }

    public long lastUpdateNs() {
        return lastUpdateNs;
    }

    /** Journal index of the last event applied, -1 if none. */
    public long journalIndex() {
        return journalIndex;
    }

    /** True while drawdown protection blocks new entries (kept here so a restart restores the latch). */
    public boolean entriesHalted() {
        return entriesHalted;
    }

    /** Records the drawdown latch and when it last tripped (risk/portfolio handler only). */
    public void entriesHalted(boolean halted, long sinceNs) {
        entriesHalted = halted;
        haltedSinceNs = sinceNs;
    }

    /** Exchange time the drawdown latch last tripped; 0 if never. */
    public long haltedSinceNs() {
        return haltedSinceNs;
    }

    /** Restarts the drawdown peak at the current equity (the latch was released). */
    public void resetPeak() {
        peakEquityE8 = equityE8();
    }

    public int instrumentCount() {
        return quantityE8.length;
    }
}

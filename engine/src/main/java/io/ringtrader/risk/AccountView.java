package io.ringtrader.risk;

/**
 * What risk reads of the account it sizes for: cash, equity, positions and the last prices, all fixed point
 * (E8). Risk owns this view so that it depends on no portfolio class; the portfolio implements it. Read on the
 * risk/portfolio stage's thread only.
 */
public interface AccountView {
    /** Instruments the account tracks. */
    int instrumentCount();

    /** Cash plus the value of every position at its last price. */
    long equityE8();

    /** Cash. */
    long cashE8();

    /** Quantity held of an instrument (0 when flat). */
    long quantityE8(int instrumentId);

    /** Last trade price of an instrument (0 before its first trade). */
    long lastPriceE8(int instrumentId);

    /** Value of the position in an instrument at its last price. */
    long positionValueE8(int instrumentId);

    /** Value of every position at its last price. */
    long totalPositionValueE8();
}

package io.ringtrader.risk;

/**
 * What an entry costs, as the paper broker charges it: the price a buy pays after slippage, and the quantity a
 * given cash buys with its fee. Risk owns this so that it sizes targets without knowing the broker.
 */
public interface EntryCosts {
    /** The price a market buy pays when the last trade was {@code tradePriceE8}. */
    long buyPriceE8(long tradePriceE8);

    /** The largest quantity {@code cashE8} buys at {@code priceE8}, fee included. */
    long affordableQuantityE8(long cashE8, long priceE8);
}

package io.ringtrader.event;

/**
 * One tradable product: its small int id (its index in {@link Instruments}), the base symbol ({@code BTC}), the
 * Coinbase product id ({@code BTC-USD}) and its increments, all E8.
 *
 * @param id            index in the instrument table, 0-based
 * @param symbol        base asset, upper case
 * @param productId     {@code BASE-QUOTE}
 * @param priceIncrementE8 smallest price step
 * @param sizeIncrementE8  smallest size step
 * @param minOrderSizeE8   smallest order size the venue accepts (base units)
 * @param referencePriceE8 a realistic price level (simulator start, sanity bounds); 0 if unknown
 */
public record Instrument(int id, String symbol, String productId, long priceIncrementE8, long sizeIncrementE8,
                         long minOrderSizeE8, long referencePriceE8) {
}

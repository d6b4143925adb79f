package io.ringtrader.exchange;

/**
 * The last N trades of every product, for {@code snapshot} events: one ring of primitive columns per product.
 * Owned by the exchange's event loop thread.
 */
final class TradeHistory {
    private final int capacity;
    private final long[][] timeNs;
    private final long[][] priceE8;
    private final long[][] sizeE8;
    private final long[][] tradeId;
    private final byte[][] side;
    private final long[] added;

    TradeHistory(int products, int capacity) {
        this.capacity = capacity;
        timeNs = new long[products][capacity];
        priceE8 = new long[products][capacity];
        sizeE8 = new long[products][capacity];
        tradeId = new long[products][capacity];
        side = new byte[products][capacity];
        added = new long[products];
    }

    void add(SimEvent trade) {
        if (capacity == 0) {
            return;
        }
        final int p = trade.instrumentId;
        final int slot = (int) (added[p] % capacity);
        timeNs[p][slot] = trade.timestampNs;
        priceE8[p][slot] = trade.priceE8;
        sizeE8[p][slot] = trade.sizeE8;
        tradeId[p][slot] = trade.tradeId;
        side[p][slot] = trade.side;
        added[p]++;
    }

    /** Trades held for {@code product} (at most the capacity). */
    int size(int product) {
        return (int) Math.min(added[product], capacity);
    }

    /** Fills {@code out} with the {@code age}-th newest trade of {@code product} (0 = newest). */
    void newest(int product, int age, SimEvent out) {
        final int slot = (int) ((added[product] - 1 - age) % capacity);
        out.trade(product, timeNs[product][slot], priceE8[product][slot], sizeE8[product][slot],
            tradeId[product][slot], side[product][slot]);
    }
}

package io.ringtrader.backtest;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.util.Arrays;

/**
 * The benchmark every backtest is read against: the starting cash split equally over the symbols that trade, each
 * slice bought at its symbol's first close with the taker fee, then held and marked at each minute's closes. One
 * computation for the report's curve and the table's row.
 *
 * @param symbols   symbols with a price
 * @param endTimeMs each minute's end, epoch ms (time order)
 * @param equity    the holding's value at each minute's end
 * @param cashLeft  cash never invested (none unless no symbol trades)
 * @param fees      taker fees paid on the purchases
 */
record BuyAndHold(int symbols, double[] endTimeMs, double[] equity, double cashLeft, double fees) {
    private static final long MINUTE_NS = 60_000_000_000L;

    /** Holds the symbols of {@code candles} (time order) from {@code startingCashE8}. */
    static BuyAndHold of(Candle[] candles, int instrumentCount, long startingCashE8, long takerFeeE8) {
        final double[] units = new double[instrumentCount];
        final double[] close = new double[instrumentCount];
        final boolean[] seen = new boolean[instrumentCount];
        int symbols = 0;
        for (Candle c : candles) {
            if (!seen[c.instrumentId] && c.closeE8 > 0) {
                seen[c.instrumentId] = true;
                symbols++;
            }
        }
        final double fee = FixedPoint.toDouble(takerFeeE8);
        final double slice = symbols == 0 ? 0 : FixedPoint.toDouble(startingCashE8) / symbols;
        double cash = FixedPoint.toDouble(startingCashE8);
        double fees = 0;
        final double[] times = new double[candles.length];
        final double[] equity = new double[candles.length];
        int minutes = 0;
        int i = 0;
        while (i < candles.length) {
            final long openNs = candles[i].openTimeNs;
            for (; i < candles.length && candles[i].openTimeNs == openNs; i++) {
                final Candle c = candles[i];
                if (c.closeE8 <= 0) {
                    continue;
                }
                close[c.instrumentId] = FixedPoint.toDouble(c.closeE8);
                if (units[c.instrumentId] == 0) {
                    units[c.instrumentId] = slice / (1 + fee) / close[c.instrumentId];
                    cash -= slice;
                    fees += slice - slice / (1 + fee);
                }
            }
            double value = cash;
            for (int k = 0; k < instrumentCount; k++) {
                value += units[k] * close[k];
            }
            times[minutes] = Math.floorDiv(openNs + MINUTE_NS, 1_000_000L);
            equity[minutes++] = value;
        }
        return new BuyAndHold(symbols, Arrays.copyOf(times, minutes), Arrays.copyOf(equity, minutes), cash, fees);
    }
}

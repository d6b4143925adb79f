package io.ringtrader.config;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-symbol overrides of the built-in increments ({@code instruments.BTC.price_increment: 0.01}).
 *
 * @param bySymbol  symbol -> {priceIncrement, sizeIncrement, minOrderSize, referencePrice} E8, 0 = keep default
 */
public record InstrumentOverrides(Map<String, long[]> bySymbol) {

    /** Reads the {@code instruments} section. */
    public static InstrumentOverrides read(ConfigNode n) {
        final Map<String, long[]> map = new LinkedHashMap<>();
        for (String symbol : n.keys()) {
            final ConfigNode s = n.section(symbol);
            map.put(symbol.toUpperCase(Locale.ROOT), new long[] {
                FixedPoint.fromDouble(s.decimal("price_increment", 0, 0, 1e6)),
                FixedPoint.fromDouble(s.decimal("size_increment", 0, 0, 1e6)),
                FixedPoint.fromDouble(s.decimal("min_order_size", 0, 0, 1e9)),
                FixedPoint.fromDouble(s.decimal("reference_price", 0, 0, 1e9))});
        }
        return new InstrumentOverrides(Map.copyOf(map));
    }

    /** The instrument table for {@code symbols} quoted in {@code quote}: built-in values, then these overrides. */
    public Instruments build(List<String> symbols, String quote) {
        final List<Instrument> list = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            final Instrument d = Instruments.withDefaults(i, symbols.get(i), quote);
            final long[] o = bySymbol.getOrDefault(d.symbol(), new long[4]);
            list.add(new Instrument(i, d.symbol(), d.productId(),
                o[0] > 0 ? o[0] : d.priceIncrementE8(), o[1] > 0 ? o[1] : d.sizeIncrementE8(),
                o[2] > 0 ? o[2] : d.minOrderSizeE8(), o[3] > 0 ? o[3] : d.referencePriceE8()));
        }
        return new Instruments(list);
    }
}

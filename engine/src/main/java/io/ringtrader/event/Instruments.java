package io.ringtrader.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The instrument table built once at start-up: symbols become small int ids so the hot path indexes arrays
 * instead of hashing strings. Immutable and safe to share between threads.
 */
public final class Instruments {
    /** Returned by the look-ups for an unknown symbol or product. */
    public static final int UNKNOWN = -1;

    /** Built-in increments and price levels for the default symbols (Coinbase, 2024-2026); config can override. */
    private static final Map<String, long[]> DEFAULTS = Map.ofEntries(
        // symbol -> {priceIncrement, sizeIncrement, minOrderSize, referencePrice}, all E8
        Map.entry("BTC", new long[] {1_000_000L, 1L, 1_000L, 65_000L * FixedPoint.ONE}),
        Map.entry("ETH", new long[] {1_000_000L, 1L, 10_000L, 3_000L * FixedPoint.ONE}),
        Map.entry("ADA", new long[] {10_000L, 1_000_000L, 100_000_000L, 45_000_000L}),
        Map.entry("AVAX", new long[] {1_000_000L, 1L, 1_000_000L, 25L * FixedPoint.ONE}),
        Map.entry("DOT", new long[] {100_000L, 1L, 10_000_000L, 5L * FixedPoint.ONE}),
        Map.entry("LINK", new long[] {100_000L, 1_000_000L, 1_000_000L, 14L * FixedPoint.ONE}),
        Map.entry("MATIC", new long[] {10_000L, 10_000_000L, 100_000_000L, 50_000_000L}),
        // POL replaced MATIC 1:1 (2024) and kept its increments
        Map.entry("POL", new long[] {10_000L, 10_000_000L, 100_000_000L, 50_000_000L}),
        Map.entry("SOL", new long[] {1_000_000L, 1L, 1_000_000L, 150L * FixedPoint.ONE}),
        Map.entry("UNI", new long[] {100_000L, 100L, 10_000_000L, 8L * FixedPoint.ONE}),
        Map.entry("LTC", new long[] {1_000_000L, 1L, 1_000_000L, 80L * FixedPoint.ONE}));
    private static final long[] FALLBACK = {100L, 1L, 1L, 0L};

    private final Instrument[] table;
    private final byte[][] productBytes;

    /** Wraps a fixed list; ids must equal positions. */
    public Instruments(List<Instrument> instruments) {
        table = instruments.toArray(new Instrument[0]);
        productBytes = new byte[table.length][];
        for (int i = 0; i < table.length; i++) {
            if (table[i].id() != i) {
                throw new IllegalArgumentException("instrument " + table[i].symbol() + " has id " + table[i].id()
                    + " but sits at position " + i);
            }
            productBytes[i] = table[i].productId().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Builds the table for {@code symbols} quoted in {@code quote}, with the built-in increments. */
    public static Instruments of(List<String> symbols, String quote) {
        final Instrument[] list = new Instrument[symbols.size()];
        for (int i = 0; i < list.length; i++) {
            list[i] = withDefaults(i, symbols.get(i), quote);
        }
        return new Instruments(List.of(list));
    }

    /** An instrument with the built-in increments for {@code symbol} (sensible fallbacks for unknown ones). */
    public static Instrument withDefaults(int id, String symbol, String quote) {
        final String base = symbol.toUpperCase(Locale.ROOT);
        final long[] d = DEFAULTS.getOrDefault(base, FALLBACK);
        return new Instrument(id, base, base + "-" + quote.toUpperCase(Locale.ROOT), d[0], d[1], d[2], d[3]);
    }

    /** Number of instruments; ids run from 0 to size() - 1. */
    public int size() {
        return table.length;
    }

    /** The instrument with this id. */
    public Instrument get(int id) {
        return table[id];
    }

    /** Id of a base symbol ({@code BTC}), or {@link #UNKNOWN}. */
    public int idOfSymbol(String symbol) {
        for (Instrument instrument : table) {
            if (instrument.symbol().equalsIgnoreCase(symbol)) {
                return instrument.id();
            }
        }
        return UNKNOWN;
    }

    /** Id of a product id ({@code BTC-USD}), or {@link #UNKNOWN}. */
    public int idOfProduct(CharSequence productId) {
        for (int i = 0; i < table.length; i++) {
            if (table[i].productId().contentEquals(productId)) {
                return i;
            }
        }
        return UNKNOWN;
    }

    /** Id of the product whose ASCII id is {@code buf[offset, offset + length)}; allocation-free. */
    public int idOfProduct(byte[] buf, int offset, int length) {
        outer:
        for (int i = 0; i < productBytes.length; i++) {
            final byte[] candidate = productBytes[i];
            if (candidate.length != length) {
                continue;
            }
            for (int k = 0; k < length; k++) {
                if (candidate[k] != buf[offset + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return UNKNOWN;
    }

    /** All instruments in id order. */
    public List<Instrument> all() {
        return List.of(table);
    }
}

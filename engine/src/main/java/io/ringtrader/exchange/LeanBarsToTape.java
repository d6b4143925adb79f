package io.ringtrader.exchange;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns QuantConnect Lean trade bars (a zip or CSV of {@code ms_since_midnight,open,high,low,close,volume}, second or
 * minute bars, UTC) into a JSON-lines trade tape for {@link TapeSource}. Each bar becomes trades at open, then low and
 * high (high first on a falling bar), then close, with repeats of the same price merged, spread evenly inside the bar,
 * with consecutive trade ids and the volume split exactly in E8 (remainder on the last trade), so candles built from
 * the tape reproduce the bars exactly. An offline tool: {@code main(out.jsonl, PRODUCT=file ...)} merges products.
 */
public final class LeanBarsToTape {
    /** One trade of a tape. */
    public record TapeTrade(String productId, long tradeId, long timeNs, long priceE8, long sizeE8, byte side) {
    }

    private static final long MS_NS = 1_000_000L;

    private LeanBarsToTape() {
    }

    /**
     * Usage: {@code LeanBarsToTape OUT.jsonl BTC-USD=/path/20161007_trade.zip [ETH-USD=...]}: writes the merged,
     * time-ordered tape (temp file, fsync, atomic rename) and prints the trade count.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LeanBarsToTape OUT.jsonl PRODUCT=LEAN_ZIP_OR_CSV [PRODUCT=...]");
            System.exit(2);
        }
        final List<TapeTrade> all = new ArrayList<>();
        // several days of one product: trade ids continue across its files (give them oldest first)
        final java.util.Map<String, Long> nextTradeId = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            final int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected PRODUCT=FILE, got " + args[i]);
            }
            final String product = args[i].substring(0, eq);
            final List<TapeTrade> trades = convert(product, Path.of(args[i].substring(eq + 1)),
                nextTradeId.getOrDefault(product, 1L));
            nextTradeId.put(product, nextTradeId.getOrDefault(product, 1L) + trades.size());
            all.addAll(trades);
        }
        all.sort(Comparator.comparingLong(TapeTrade::timeNs));
        write(Path.of(args[0]), all);
        System.out.println("wrote " + all.size() + " trades to " + args[0]);
    }

    /** Reads one Lean bar file; the date comes from the file name ({@code yyyyMMdd_...}), the bar size from it. */
    public static List<TapeTrade> convert(String productId, Path file, long firstTradeId) throws IOException {
        final String name = file.getFileName().toString();
        final long dayStartNs = dayStartNs(name);
        if (name.endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                final ZipEntry entry = zip.getNextEntry();
                if (entry == null) {
                    throw new IOException(file + " is an empty zip");
                }
                final BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.US_ASCII));
                return convert(productId, dayStartNs, periodMs(entry.getName(), file), reader, firstTradeId);
            }
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return convert(productId, dayStartNs, periodMs(name, file), reader, firstTradeId);
        }
    }

    /** Converts bars of {@code periodMs} read from {@code csv}, day starting at {@code dayStartNs}. */
    public static List<TapeTrade> convert(String productId, long dayStartNs, long periodMs, BufferedReader csv,
                                          long firstTradeId) throws IOException {
        final List<TapeTrade> out = new ArrayList<>();
        final long[] prices = new long[4];
        long tradeId = firstTradeId;
        long lastPriceE8 = 0;
        byte side = Side.SELL;
        String line;
        int lineNumber = 0;
        while ((line = csv.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            final String[] f = line.trim().split(",");
            if (f.length < 6) {
                throw new IOException("line " + lineNumber + ": expected 6 columns: " + line);
            }
            final long barStartNs = dayStartNs + Long.parseLong(f[0]) * MS_NS;
            final long open = parse(f[1], lineNumber);
            final long high = parse(f[2], lineNumber);
            final long low = parse(f[3], lineNumber);
            final long close = parse(f[4], lineNumber);
            final long volume = parse(f[5], lineNumber);
            final boolean rising = close >= open;
            int n = path(prices, open, rising ? low : high, rising ? high : low, close);
            // every trade needs a positive size: on a dust bar keep the open and close only
            while (n > volume && n > 1) {
                prices[n - 2] = prices[n - 1];
                n--;
            }
            final long part = volume / n;
            for (int k = 0; k < n; k++) {
                final long size = k == n - 1 ? volume - part * (n - 1) : part;
                if (lastPriceE8 != 0 && prices[k] != lastPriceE8) {
                    // a price rising into the ask hit a maker seller; Coinbase reports the maker side
                    side = prices[k] > lastPriceE8 ? Side.SELL : Side.BUY;
                }
                lastPriceE8 = prices[k];
                final long timeNs = barStartNs + periodMs * MS_NS * k / n;
                out.add(new TapeTrade(productId, tradeId++, timeNs, prices[k], size, side));
            }
        }
        return out;
    }

    /** The JSON line of one trade, in the recorded-trade form {@link TapeSource} reads. */
    public static String toJson(TapeTrade t) {
        final StringBuilder sb = new StringBuilder(128);
        sb.append("{\"product_id\":\"").append(t.productId()).append("\",\"trade_id\":\"").append(t.tradeId())
            .append("\",\"price\":\"");
        FixedPoint.appendTo(sb, t.priceE8());
        sb.append("\",\"size\":\"");
        FixedPoint.appendTo(sb, t.sizeE8());
        sb.append("\",\"side\":\"").append(Side.name(t.side())).append("\",\"time\":\"");
        CoinbaseTime.appendRfc3339(sb, t.timeNs());
        return sb.append("\"}").toString();
    }

    /** Writes the tape to a temp file, fsyncs it and renames it over {@code out}. */
    public static void write(Path out, List<TapeTrade> trades) throws IOException {
        io.ringtrader.files.AtomicFile.write(out, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                for (TapeTrade t : trades) {
                    w.write(toJson(t));
                    w.write('\n');
                }
            }
        });
    }

    private static int path(long[] prices, long... points) {
        int n = 0;
        for (long p : points) {
            if (n == 0 || prices[n - 1] != p) {
                prices[n++] = p;
            }
        }
        return n;
    }

    private static long parse(String text, int lineNumber) throws IOException {
        final long value = FixedPoint.parse(text.trim());
        if (value == FixedPoint.INVALID || value < 0) {
            throw new IOException("line " + lineNumber + ": not a non-negative decimal: " + text);
        }
        return value;
    }

    private static long dayStartNs(String fileName) {
        if (fileName.length() < 8 || !fileName.substring(0, 8).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("file name must start with yyyyMMdd: " + fileName);
        }
        final int date = Integer.parseInt(fileName.substring(0, 8));
        return Rfc3339.daysFromCivil(date / 10_000, date / 100 % 100, date % 100) * 86_400L * 1_000_000_000L;
    }

    private static long periodMs(String entryName, Path file) {
        final String hint = entryName + " " + file;
        if (hint.contains("second")) {
            return 1_000;
        }
        if (hint.contains("minute")) {
            return 60_000;
        }
        throw new IllegalArgumentException("cannot tell second from minute bars for " + file);
    }
}

package io.ringtrader.strategy;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

/** Reads the real Lean/Coinbase minute bars in the test resources (see lean/NOTICE.md) into candles. */
final class LeanBars {
    private LeanBars() {
    }

    /** Candles of {@code symbol} (e.g. "btcusd") over {@code days} ("20180404", ...), in time order. */
    static Candle[] read(int instrumentId, String symbol, String... days) {
        final List<Candle> out = new ArrayList<>();
        for (String day : days) {
            final long dayNs = LocalDate.parse(day.substring(0, 4) + "-" + day.substring(4, 6) + "-"
                + day.substring(6)).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
            final String resource = "lean/" + symbol + "_" + day + "_trade.zip";
            try (InputStream in = LeanBars.class.getResourceAsStream(resource);
                 ZipInputStream zip = new ZipInputStream(in)) {
                zip.getNextEntry();
                final BufferedReader reader = new BufferedReader(new InputStreamReader(zip,
                    StandardCharsets.US_ASCII));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    final String[] f = line.split(",");
                    final Candle c = new Candle();
                    c.instrumentId = instrumentId;
                    c.openTimeNs = dayNs + Long.parseLong(f[0]) * 1_000_000L;
                    c.openE8 = FixedPoint.parse(f[1]);
                    c.highE8 = FixedPoint.parse(f[2]);
                    c.lowE8 = FixedPoint.parse(f[3]);
                    c.closeE8 = FixedPoint.parse(f[4]);
                    c.volumeE8 = FixedPoint.parse(f[5]);
                    // Lean bars carry no notional: approximate it with the typical price
                    final double typical = (FixedPoint.toDouble(c.highE8) + FixedPoint.toDouble(c.lowE8)
                        + FixedPoint.toDouble(c.closeE8)) / 3;
                    c.notionalE8 = FixedPoint.fromDouble(typical * FixedPoint.toDouble(c.volumeE8));
                    c.tradeCount = 1;
                    c.complete = true;
                    out.add(c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return out.toArray(new Candle[0]);
    }

    /** Merges per-instrument series into one stream ordered by open time (instrument id breaks ties). */
    static Candle[] interleave(Candle[]... series) {
        final List<Candle> all = new ArrayList<>();
        for (Candle[] s : series) {
            all.addAll(List.of(s));
        }
        all.sort((a, b) -> a.openTimeNs != b.openTimeNs ? Long.compare(a.openTimeNs, b.openTimeNs)
            : Integer.compare(a.instrumentId, b.instrumentId));
        return all.toArray(new Candle[0]);
    }
}

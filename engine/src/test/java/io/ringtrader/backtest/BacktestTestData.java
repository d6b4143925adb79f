package io.ringtrader.backtest;

import io.ringtrader.config.ConfigLoader;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.store.CandleParquetFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

/**
 * Real Coinbase minute bars (QuantConnect Lean, Apache-2.0, see io/ringtrader/strategy/lean/NOTICE.md in the test
 * resources) for BTC and ETH on 2018-04-04 and 2018-04-05, written as the engine's Parquet candle files.
 */
public final class BacktestTestData {
    public static final LocalDate DAY1 = LocalDate.of(2018, 4, 4);
    static final LocalDate DAY2 = LocalDate.of(2018, 4, 5);
    public static final List<String> SYMBOLS = List.of("BTC", "ETH");

    private BacktestTestData() {
    }

    /** The configuration defaults with {@code symbols} (no file). */
    public static EngineConfig config(Path dir, List<String> symbols) {
        final Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("symbols", symbols);
        return ConfigLoader.load(dir.resolve("no-such-config.yaml"), overrides);
    }

    /** {@link #DAY1} and {@link #DAY2} of every one of {@link #SYMBOLS}, as a backtest takes them. */
    public static BacktestCandles firstTwoDays() {
        final List<List<Candle>> perInstrument = new ArrayList<>();
        for (int id = 0; id < SYMBOLS.size(); id++) {
            final List<Candle> series = new ArrayList<>();
            series.addAll(lean(SYMBOLS.get(id), id, DAY1));
            series.addAll(lean(SYMBOLS.get(id), id, DAY2));
            perInstrument.add(series);
        }
        return BacktestCandles.of(perInstrument);
    }

    /** Candles of {@code symbol} on {@code day}, stamped with {@code instrumentId}, in time order. */
    public static List<Candle> lean(String symbol, int instrumentId, LocalDate day) {
        final long dayNs = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        final String resource = "/io/ringtrader/strategy/lean/" + symbol.toLowerCase(java.util.Locale.ROOT) + "usd_"
            + day.toString().replace("-", "") + "_trade.zip";
        final List<Candle> out = new ArrayList<>();
        try (InputStream in = BacktestTestData.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            zip.getNextEntry();
            final BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.US_ASCII));
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
                c.notionalE8 = FixedPoint.multiply(c.volumeE8, (c.highE8 + c.lowE8 + c.closeE8) / 3);
                c.tradeCount = 1;
                c.complete = true;
                out.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return out;
    }

    /** Writes BTC and ETH for both days into {@code dataDir/candles/SYM/DAY.parquet}. */
    public static void write(Path dataDir) throws IOException {
        for (String symbol : SYMBOLS) {
            for (LocalDate day : List.of(DAY1, DAY2)) {
                CandleParquetFiles.writeAtomically(CandleParquetFiles.archiveFile(dataDir, symbol, day), symbol,
                    lean(symbol, -1, day), CandleParquetFiles.codec("snappy"));
            }
        }
    }
}

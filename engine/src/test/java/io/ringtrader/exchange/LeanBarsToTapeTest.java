package io.ringtrader.exchange;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Rfc3339;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class LeanBarsToTapeTest {
    private static final long MINUTE_NS = 60_000_000_000L;

    static Path resource(String name) {
        try {
            return Path.of(LeanBarsToTapeTest.class.getResource("/lean/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The BTC-USD 2016-10-07 second bars as a tape. */
    static List<LeanBarsToTape.TapeTrade> secondBarsTape() throws IOException {
        return LeanBarsToTape.convert("BTC-USD", resource("second/btcusd/20161007_trade.zip"), 1);
    }

    /** Naive 1-minute candles, minute start ns -> {open, high, low, close, volume}, of one product's trades. */
    private static Map<Long, long[]> minuteCandles(List<LeanBarsToTape.TapeTrade> trades, String product) {
        final Map<Long, long[]> candles = new TreeMap<>();
        for (LeanBarsToTape.TapeTrade t : trades) {
            if (!t.productId().equals(product)) {
                continue;
            }
            final long minute = Math.floorDiv(t.timeNs(), MINUTE_NS) * MINUTE_NS;
            final long[] c = candles.computeIfAbsent(minute, m -> new long[] {t.priceE8(), t.priceE8(), t.priceE8(),
                t.priceE8(), 0});
            c[1] = Math.max(c[1], t.priceE8());
            c[2] = Math.min(c[2], t.priceE8());
            c[3] = t.priceE8();
            c[4] += t.sizeE8();
        }
        return candles;
    }

    /** Lean's minute bars of a zip, keyed like {@link #minuteCandles}. */
    private static Map<Long, long[]> leanMinuteBars(Path zip, long dayStartNs) throws IOException {
        final Map<Long, long[]> bars = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            in.getNextEntry();
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                final String[] f = line.split(",");
                final long[] bar = new long[5];
                for (int i = 0; i < 5; i++) {
                    bar[i] = FixedPoint.parse(f[i + 1]);
                }
                bars.put(dayStartNs + Long.parseLong(f[0]) * 1_000_000L, bar);
            }
        }
        return bars;
    }

    private static void assertSameBars(Map<Long, long[]> actual, Map<Long, long[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<Long, long[]> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey())).as("bar at %s", CoinbaseTime.rfc3339(e.getKey()))
                .containsExactly(e.getValue());
        }
    }

    @Test
    void shouldRebuildLeanMinuteBarsExactlyFromSecondBarTape() throws IOException {
        final List<LeanBarsToTape.TapeTrade> tape = secondBarsTape();
        final long day = dayNs(2016, 10, 7);

        assertThat(tape).hasSize(6_082);
        final Map<Long, long[]> expected = leanMinuteBars(resource("minute/btcusd/20161007_trade.zip"), day);
        assertThat(expected).hasSize(1_419);
        assertSameBars(minuteCandles(tape, "BTC-USD"), expected);
    }

    @Test
    void shouldRebuildMinuteBarsOfMergedMultiProductTape() throws IOException {
        final long day = dayNs(2018, 4, 4);
        final List<LeanBarsToTape.TapeTrade> tape = new ArrayList<>();
        tape.addAll(LeanBarsToTape.convert("ETH-USD", resource("minute/ethusd/20180404_trade.zip"), 1));
        tape.addAll(LeanBarsToTape.convert("LTC-USD", resource("minute/ltcusd/20180404_trade.zip"), 1));

        for (String product : List.of("ETH-USD", "LTC-USD")) {
            final String file = "minute/" + product.substring(0, 3).toLowerCase() + "usd/20180404_trade.zip";
            assertSameBars(minuteCandles(tape, product), leanMinuteBars(resource(file), day));
        }
        for (LeanBarsToTape.TapeTrade t : tape) {
            assertThat(t.sizeE8()).isPositive();
            assertThat(t.timeNs()).isGreaterThanOrEqualTo(day).isLessThan(day + 1_440 * MINUTE_NS);
        }
    }

    @Test
    void shouldSplitVolumeExactlyWithRemainderOnClose() throws IOException {
        final String csv = "0,10,12,9,11,0.00000007\n1000,5,5,5,5,1\n2000,7,8,6,7.5,0.00000002\n";
        final List<LeanBarsToTape.TapeTrade> tape = LeanBarsToTape.convert("X-USD", 0, 1_000,
            new BufferedReader(new StringReader(csv)), 100);

        // rising bar: open, low, high, close; 7e-8 split 1,1,1,4
        assertThat(tape.subList(0, 4)).extracting(LeanBarsToTape.TapeTrade::priceE8)
            .containsExactly(10 * FixedPoint.ONE, 9 * FixedPoint.ONE, 12 * FixedPoint.ONE, 11 * FixedPoint.ONE);
        assertThat(tape.subList(0, 4)).extracting(LeanBarsToTape.TapeTrade::sizeE8).containsExactly(1L, 1L, 1L, 4L);
        assertThat(tape.subList(0, 4)).extracting(LeanBarsToTape.TapeTrade::timeNs)
            .containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L);
        // a flat bar is one trade with the whole volume
        assertThat(tape.get(4).sizeE8()).isEqualTo(FixedPoint.ONE);
        assertThat(tape.get(4).timeNs()).isEqualTo(1_000_000_000L);
        // a dust bar too small to split four ways keeps open and close
        assertThat(tape.subList(5, tape.size())).extracting(LeanBarsToTape.TapeTrade::priceE8)
            .containsExactly(7 * FixedPoint.ONE, 750_000_000L);
        assertThat(tape).extracting(LeanBarsToTape.TapeTrade::tradeId).containsExactly(100L, 101L, 102L, 103L, 104L,
            105L, 106L);
    }

    @Test
    void shouldWriteTapeLinesThatMatchTheCommittedSample(@TempDir Path dir) throws IOException {
        final Path out = dir.resolve("tape.jsonl");
        LeanBarsToTape.write(out, secondBarsTape());

        final Path sample = Path.of("..", "data", "sample", "btc-usd-2016-10-07.jsonl");
        assertThat(Files.readAllLines(out)).hasSize(6_082).isEqualTo(Files.readAllLines(sample));
        assertThat(Files.readAllLines(out).get(0)).isEqualTo("{\"product_id\":\"BTC-USD\",\"trade_id\":\"1\","
            + "\"price\":\"611.78\",\"size\":\"0.30023\",\"side\":\"SELL\",\"time\":\"2016-10-07T00:00:04Z\"}");
    }

    @Test
    void shouldContinueTradeIdsAcrossDaysOfOneProductFromTheCommandLine(@TempDir Path dir) throws IOException {
        final Path out = dir.resolve("two-days.jsonl");
        LeanBarsToTape.main(new String[] {out.toString(),
            "BTC-USD=" + resource("minute/btcusd/20180404_trade.zip"),
            "BTC-USD=" + resource("minute/btcusd/20180405_trade.zip")});
        final java.util.List<String> lines = java.nio.file.Files.readAllLines(out);
        final java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"trade_id\":\"(\\d+)\"");
        long previous = 0;
        for (String line : lines) {
            final java.util.regex.Matcher m = id.matcher(line);
            assertThat(m.find()).isTrue();
            final long tradeId = Long.parseLong(m.group(1));
            assertThat(tradeId).as("ids rise across both days").isEqualTo(previous + 1);
            previous = tradeId;
        }
        assertThat(lines.get(lines.size() - 1)).contains("2018-04-05T23:59");
    }

    private static long dayNs(int year, int month, int day) {
        return Rfc3339.daysFromCivil(year, month, day) * 86_400L * 1_000_000_000L;
    }
}

package io.ringtrader.candle;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.CandleConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Real Coinbase data (Lean, see test resources lean/NOTICE.md): second bars as trades rebuild Lean's minute bars. */
class CandleHandlerRealDataTest {
    /** 2016-10-07T00:00:00Z. */
    private static final long DAY_START_NS = 1_475_798_400L * 1_000_000_000L;
    private static final long MS = 1_000_000L;

    /** One Lean CSV row: ms since midnight UTC, then open, high, low, close, volume as E8. */
    private record Bar(long ms, long open, long high, long low, long close, long volume) {
    }

    @Test
    void shouldReproduceLeanMinuteBarsFromLeanSecondBarsAndFillQuietMinutes() throws IOException {
        final List<Bar> seconds = read("/lean/second/btcusd/20161007_trade.zip");
        final List<Bar> minutes = read("/lean/minute/btcusd/20161007_trade.zip");
        assertThat(seconds).hasSize(4_063);
        assertThat(minutes).hasSize(1_419);

        final List<Candle> built = new ArrayList<>();
        final CandleHandler handler = new CandleHandler(new CandleConfig(2_000, 7), 1, new CandleStore(1, 7),
            c -> {
                final Candle copy = new Candle();
                copy.copyFrom(c);
                return built.add(copy);
            });
        final MarketEvent e = new MarketEvent(8);
        for (Bar b : seconds) {
            // Four trades per second: open, high, low, close; volume split exactly in E8, remainder on the last.
            final long[] prices = {b.open, b.high, b.low, b.close};
            final long part = b.volume / 4;
            for (int k = 0; k < 4; k++) {
                e.clear();
                e.type = EventType.TRADE;
                e.instrumentId = 0;
                e.timestampNs = DAY_START_NS + (b.ms + 250L * k) * MS;
                e.priceE8 = prices[k];
                e.sizeE8 = k < 3 ? part : b.volume - 3 * part;
                handler.onEvent(e, 0, true);
            }
        }
        e.clear();
        e.type = EventType.HEARTBEAT;
        e.timestampNs = DAY_START_NS + 86_400_000L * MS + 2_000L * MS;
        handler.onEvent(e, 0, true);

        assertThat(built).hasSize(1_440);
        assertThat(handler.lateTrades()).isZero();
        final Map<Long, Bar> leanByMs = new HashMap<>();
        minutes.forEach(b -> leanByMs.put(b.ms, b));
        int fillers = 0;
        long previousClose = 0;
        for (int i = 0; i < built.size(); i++) {
            final Candle c = built.get(i);
            final long ms = (c.openTimeNs - DAY_START_NS) / MS;
            assertThat(ms).isEqualTo(i * 60_000L);
            final Bar lean = leanByMs.get(ms);
            if (lean == null) {
                fillers++;
                assertThat(c.tradeCount).as("minute %d", i).isZero();
                assertThat(c.volumeE8).isZero();
                assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8}).containsOnly(previousClose);
            } else {
                assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8, c.volumeE8}).as("minute %d", i)
                    .containsExactly(lean.open, lean.high, lean.low, lean.close, lean.volume);
                assertThat(c.tradeCount).isPositive();
            }
            assertThat(c.complete).as("minute %d", i).isEqualTo(i > 0);
            previousClose = c.closeE8;
        }
        assertThat(fillers).isEqualTo(1_440 - 1_419);
        assertThat(built.stream().mapToLong(c -> c.volumeE8).sum()).isEqualTo(FixedPoint.parse("5119.98889954"));
    }

    private static List<Bar> read(String resource) throws IOException {
        final List<Bar> bars = new ArrayList<>();
        try (InputStream in = CandleHandlerRealDataTest.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            assertThat(zip.getNextEntry()).isNotNull();
            final BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                final String[] f = line.split(",");
                final long[] v = new long[5];
                for (int k = 0; k < 5; k++) {
                    v[k] = FixedPoint.parse(f[k + 1].trim());
                    assertThat(v[k]).as("%s in %s", f[k + 1], line).isNotEqualTo(FixedPoint.INVALID);
                }
                bars.add(new Bar(Long.parseLong(f[0]), v[0], v[1], v[2], v[3], v[4]));
            }
        }
        return bars;
    }
}

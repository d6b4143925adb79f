package io.ringtrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.Instruments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCandlesTest {
    private static final long MIN = 60_000_000_000L;

    @TempDir
    Path dir;

    private static Candle candle(int id, long minute) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = minute * MIN;
        c.closeE8 = 100 + minute;
        return c;
    }

    @Test
    void shouldMergeSymbolsByMinuteThenInstrumentAndCountDistinctMinutes() {
        final List<List<Candle>> series = List.of(
            List.of(candle(0, 1), candle(0, 2), candle(0, 5)),
            List.of(candle(1, 0), candle(1, 2), candle(1, 3)));
        final BacktestCandles c = BacktestCandles.of(series);
        final List<String> order = new ArrayList<>();
        for (Candle x : c.candles()) {
            order.add(x.instrumentId + "@" + x.openTimeNs / MIN);
        }
        assertThat(order).containsExactly("1@0", "0@1", "0@2", "1@2", "1@3", "0@5");
        assertThat(c.minutes()).isEqualTo(5);
        assertThat(c.count(0)).isEqualTo(3);
        assertThat(c.count(1)).isEqualTo(3);
        assertThat(c.size()).isEqualTo(6);
    }

    @Test
    void shouldLoadOnlyTheDaysAskedForStampedWithInstrumentIds() throws Exception {
        BacktestTestData.write(dir);
        final Instruments instruments = Instruments.of(List.of("ETH", "BTC", "SOL"), "USD");
        final BacktestCandles c = BacktestCandles.load(dir, instruments, BacktestTestData.DAY2,
            BacktestTestData.DAY2);
        assertThat(c.count(0)).isEqualTo(BacktestTestData.lean("ETH", 0, BacktestTestData.DAY2).size());
        assertThat(c.count(1)).isEqualTo(BacktestTestData.lean("BTC", 1, BacktestTestData.DAY2).size());
        assertThat(c.count(2)).isZero();
        final long dayStartNs = BacktestTestData.DAY2.toEpochDay() * 1440 * MIN;
        for (Candle x : c.candles()) {
            assertThat(x.openTimeNs).isBetween(dayStartNs, dayStartNs + 1439 * MIN);
            assertThat(x.instrumentId).isBetween(0, 1);
        }
    }
}

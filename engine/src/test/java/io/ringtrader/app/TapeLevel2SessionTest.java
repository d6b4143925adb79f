package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.store.ParquetCandleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tape of Advanced Trade frames with level2 ({@code l2_data}) through {@code --feed replay}: the built-in
 * exchange serves the book to the engine's own client, and the 1-minute candles carry the best bid and ask the
 * frames say were in force at each close.
 */
class TapeLevel2SessionTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void candlesOfATapeWithLevel2FramesCarryItsBook() throws IOException {
        final Path tape = dir.resolve("tape.jsonl");
        Files.writeString(tape, String.join("\n",
            trades(0, "2026-01-05T00:00:01Z", 1, "100.00"),
            book(1, "snapshot", "2026-01-05T00:00:02Z", level("bid", "99.50", "2") + "," + level("bid", "99", "3")
                + "," + level("offer", "100.50", "1") + "," + level("offer", "101", "4")),
            trades(2, "2026-01-05T00:00:20Z", 2, "100.25"),
            book(3, "update", "2026-01-05T00:00:30Z", level("bid", "99.50", "0") + "," + level("offer", "100.25",
                "0.5")),
            trades(4, "2026-01-05T00:01:10Z", 3, "100.10"),
            book(5, "update", "2026-01-05T00:01:30Z", level("bid", "99.75", "1")),
            trades(6, "2026-01-05T00:01:40Z", 4, "100.20"),
            trades(7, "2026-01-05T00:02:30Z", 5, "100.30")) + "\n"); // its minute closes 00:01's
        final StringWriter err = new StringWriter();
        final Path data = dir.resolve("data");
        final int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "data-only",
            "--feed", "replay", "--replay-file", tape.toString(), "--speed", "0", "--symbols", "BTC", "--data-dir",
            data.toString(), "--logs-dir", dir.resolve("logs").toString());
        assertThat(exit).as(err.toString()).isZero();

        final List<Candle> candles = ParquetCandleReader.readFile(data.resolve("BTC_1m_historical.parquet"), 0);
        assertThat(candles).hasSizeGreaterThanOrEqualTo(2);
        assertThat(candles.subList(0, 2))
            .extracting(c -> FixedPoint.format(c.bestBidE8) + "/" + FixedPoint.format(c.bestAskE8))
            .containsExactly("99/100.25", "99.75/100.25");
        assertThat(candles.get(0).meanSpreadE8).as("a spread over the first minute").isPositive();
        assertThat(candles.get(0).bookCoverageNs).as("the book known from 00:00:02").isPositive();
    }

    private static String level(String side, String price, String size) {
        return "{\"side\":\"" + side + "\",\"event_time\":\"2026-01-05T00:00:02Z\",\"price_level\":\"" + price
            + "\",\"new_quantity\":\"" + size + "\"}";
    }

    private static String book(long sequence, String type, String time, String levels) {
        return "{\"channel\":\"l2_data\",\"timestamp\":\"" + time + "\",\"sequence_num\":" + sequence
            + ",\"events\":[{\"type\":\"" + type + "\",\"product_id\":\"BTC-USD\",\"updates\":[" + levels + "]}]}";
    }

    private static String trades(long sequence, String time, long id, String price) {
        return "{\"channel\":\"market_trades\",\"timestamp\":\"" + time + "\",\"sequence_num\":" + sequence
            + ",\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"" + id + "\",\"product_id\":\"BTC-USD\","
            + "\"price\":\"" + price + "\",\"size\":\"0.1\",\"side\":\"BUY\",\"time\":\"" + time + "\"}]}]}";
    }
}

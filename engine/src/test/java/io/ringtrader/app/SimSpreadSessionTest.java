package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.EventType;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.Quote;
import io.ringtrader.event.Side;
import io.ringtrader.journal.Journal;
import io.ringtrader.journal.JournalReader;
import io.ringtrader.journal.JournalRecord;
import io.ringtrader.journal.RecordType;
import io.ringtrader.store.ParquetCandleReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live paper trading on the simulator with its level2 book: every taker fill pays the spread (a buy at or above the
 * best ask quoted before it, a sell at or below the best bid), the candles carry the book, and a replay of the
 * journal (quotes included) derives exactly the same fills.
 */
@Tag("slow")
class SimSpreadSessionTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    @Timeout(300)
    void liveFillsOnTheSimulatorPayTheSpreadAndReplayExactly() throws IOException {
        final Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "portfolio: {status_interval_seconds: 0}\norders: {entry_type: market}\n");
        final Path data = dir.resolve("data");
        assertThat(run("live-trading", "-c", config.toString(), "--feed", "sim", "--speed", "0", "--sim-hours", "6",
            "--seed", "7", "--symbols", "BTC,ETH", "--data-dir", data.toString(), "--logs-dir",
            dir.resolve("logs").toString())).as(err.toString()).isZero();

        final Quote[] last = {new Quote(), new Quote()};
        int quotes = 0;
        int takerFills = 0;
        long paidE8 = 0;
        try (Journal journal = Journal.openReadOnly(data.resolve("journal")); JournalReader r = journal.reader()) {
            final JournalRecord rec = new JournalRecord();
            while (r.next(rec)) {
                if (rec.type == RecordType.INPUT && rec.input.type == EventType.QUOTE) {
                    last[rec.input.instrumentId].copyFrom(rec.input.quote);
                    quotes++;
                } else if (rec.type == RecordType.FILL && rec.fill.liquidity == Liquidity.TAKER) {
                    final Quote q = last[rec.fill.instrumentId];
                    assertThat(q.twoSided()).as("a quote came before the fill").isTrue();
                    if (rec.fill.side == Side.BUY) {
                        assertThat(rec.fill.priceE8).as("a buy pays at least the ask: " + q)
                            .isGreaterThanOrEqualTo(q.bestAskE8());
                        paidE8 += rec.fill.priceE8 - (q.bestBidE8() + q.bestAskE8()) / 2;
                    } else {
                        assertThat(rec.fill.priceE8).as("a sell gets at most the bid: " + q)
                            .isLessThanOrEqualTo(q.bestBidE8());
                        paidE8 += (q.bestBidE8() + q.bestAskE8()) / 2 - rec.fill.priceE8;
                    }
                    takerFills++;
                }
            }
        }
        assertThat(quotes).as("quotes on the ring").isGreaterThan(10_000);
        assertThat(takerFills).as("market entries and exits fill as takers").isPositive();
        assertThat(paidE8).as("half spreads paid against the mid").isPositive();

        final List<Candle> candles = ParquetCandleReader.readFile(data.resolve("BTC_1m_historical.parquet"), 0);
        assertThat(candles).isNotEmpty();
        final long booked = candles.stream().filter(c -> c.bookCoverageNs > 0 && c.meanSpreadE8 > 0
            && c.bestBidE8 > 0 && c.bestAskE8 > c.bestBidE8).count();
        assertThat(booked).as("candles with the book").isGreaterThan(candles.size() * 9L / 10);

        assertThat(run("replay", "-c", config.toString(), "--journal", data.resolve("journal").toString(),
            "--verify", "--out", dir.resolve("replay").toString(), "--logs-dir", dir.resolve("replay-logs")
                .toString())).as("replay --verify: " + err).isZero();
    }
}

package io.ringtrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.exchange.LeanBarsToTape;
import io.ringtrader.exchange.LeanBarsToTape.TapeTrade;
import io.ringtrader.history.RestCandlesServer;
import io.ringtrader.store.ParquetCandleReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliverable 2 of issue 16, end to end on loopback: a real day of Coinbase BTC trades streamed by a loopback
 * Advanced Trade server that resets the connection once, the engine reconnecting, and a loopback REST stand-in
 * serving Lean's minute bars of that day. With {@code history.repair_after_reconnect} the archive ends with the
 * minutes the engine marked incomplete (the reconnect's and the start-up's) replaced by REST candles recorded
 * {@code rest_repair}, and every complete trade-built candle kept; with the option off nothing is requested.
 */
@Tag("slow")
class ReconnectRepairSessionTest {
    private static final long DAY_NS = 86_400_000_000_000L;

    @TempDir
    Path dir;

    private record Run(List<Candle> archive, int restRequests, String log) {
    }

    private Run session(String name, boolean repair) throws Exception {
        final long dayNs = Rfc3339.parse("2016-10-07T00:00:00Z");
        final List<TapeTrade> tape = LeanBarsToTape.convert("BTC-USD",
            RealDataAcceptanceFeedTest.resource("second/btcusd/20161007_trade.zip"), 1);
        final Path data = dir.resolve(name);
        final Path logs = dir.resolve(name + "-logs");
        try (RestCandlesServer rest = new RestCandlesServer().serve("BTC-USD", "20161007");
             TapeAdvancedTradeServer server = new TapeAdvancedTradeServer(tape, 100, tape.size() * 2 / 5 / 25, 30,
                 dayNs + DAY_NS + 5_000_000_000L)) {
            // about 8 s of wall time, so the repair after the reset (at 40 %) has time to run in the session
            server.paced(8_000_000L * 25 / tape.size());
            final Path config = dir.resolve(name + ".yaml");
            Files.writeString(config, "portfolio: {status_interval_seconds: 0}\nfeed: {reconnect_initial_ms: 100}\n"
                + "persistence: {parquet_flush_seconds: 1}\n"
                + "history: {repair_after_reconnect: " + repair + ", api_url: \"" + rest.url() + "\","
                + " repair_delay_seconds: 1}\n");
            final StringWriter err = new StringWriter();
            final int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "data-only", "-c", config.toString(), "--feed", "coinbase", "--feed-url", server.url() + "/",
                "--symbols", "BTC", "--speed", "0", "--data-dir", data.toString(), "--logs-dir", logs.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(server.drops()).as("the socket was dropped once").isEqualTo(1);
            assertThat(server.connections()).as("and the engine reconnected").isEqualTo(2);
            final StringBuilder log = new StringBuilder();
            try (var files = Files.list(logs)) {
                for (Path f : files.sorted().toList()) {
                    log.append(Files.readString(f));
                }
            }
            return new Run(ParquetCandleReader.readFile(data.resolve("candles/BTC/2016-10-07.parquet"), 0),
                rest.requests(), log.toString());
        }
    }

    private static Set<Long> minutes(List<Candle> candles, byte source, boolean complete) {
        final Set<Long> out = new TreeSet<>();
        for (Candle c : candles) {
            if (c.source == source && c.complete == complete) {
                out.add(c.openTimeNs);
            }
        }
        return out;
    }

    @Test
    void shouldRepairTheIncompleteMinutesFromRestAfterAReconnectAndRequestNothingWhenOff() throws Exception {
        final Run off = session("off", false);
        final Set<Long> incomplete = minutes(off.archive(), CandleSource.TRADES, false);
        assertThat(off.restRequests()).as("option off: nothing requested").isZero();
        assertThat(incomplete).as("the reconnect and the start leave incomplete minutes").isNotEmpty();

        final Run on = session("on", true);
        final Set<Long> repaired = minutes(on.archive(), CandleSource.REST_REPAIR, true);
        System.out.printf("issue 16: %d minutes marked incomplete without repair; with it %d repaired from REST in"
            + " %d requests, %d still incomplete%n", incomplete.size(), repaired.size(), on.restRequests(),
            minutes(on.archive(), CandleSource.TRADES, false).size());
        assertThat(on.restRequests()).as("REST asked").isPositive();
        assertThat(minutes(on.archive(), CandleSource.TRADES, false)).as("no incomplete minute left").isEmpty();
        assertThat(repaired).as("the minutes marked incomplete (the same in both runs), repaired")
            .isEqualTo(incomplete);
        assertThat(on.archive()).as("a whole day").hasSize(1_440);
        final TreeMap<Long, long[]> lean = RestCandlesServer.lean("BTC-USD", "20161007");
        for (Candle c : on.archive()) {
            if (c.source == CandleSource.REST_REPAIR) {
                final long[] bar = lean.get(c.openTimeNs / 1_000_000_000L);
                assertThat(bar).as("REST had %s", Rfc3339.formatMicros(c.openTimeNs)).isNotNull();
                assertThat(new long[] {c.openE8, c.highE8, c.lowE8, c.closeE8, c.volumeE8})
                    .as("repaired %s is REST's bar", Rfc3339.formatMicros(c.openTimeNs)).containsExactly(bar);
            }
        }
        final Set<Long> completeOff = minutes(off.archive(), CandleSource.TRADES, true);
        final Set<Long> completeOn = minutes(on.archive(), CandleSource.TRADES, true);
        assertThat(completeOn.size() + repaired.size()).as("complete trade-built candles are all kept")
            .isEqualTo(completeOff.size() + incomplete.size());
        assertThat(on.log()).contains("Repair pass from REST");
    }
}

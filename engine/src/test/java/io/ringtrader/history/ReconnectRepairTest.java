package io.ringtrader.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.HistoryConfig;
import io.ringtrader.event.Candle;
import io.ringtrader.event.CandleSource;
import io.ringtrader.store.CandleParquetFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background repair after reconnects, against the loopback REST stand-in serving Lean's real 2018-04-04 BTC
 * bars: it asks only for the span of the archive's incomplete trade-built minutes and hands REST's bars of those
 * minutes to the writer; a REST that keeps failing is logged, retried with back-off and never fatal, and a
 * reconnect starts a new pass.
 */
class ReconnectRepairTest {
    private static final LocalDate DAY = LocalDate.of(2018, 4, 4);
    private static final long DAY_S = 1_522_800_000L;
    private static final long MINUTE_NS = 60_000_000_000L;

    @TempDir
    Path dataDir;

    /** The day's first 30 minutes from Lean, built from trades; minutes 10 and 12 incomplete. */
    private void archive(TreeMap<Long, long[]> lean) throws Exception {
        final List<Candle> day = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            final long[] bar = lean.get(DAY_S + m * 60L);
            final Candle c = new Candle();
            c.openTimeNs = (DAY_S + m * 60L) * 1_000_000_000L;
            c.openE8 = bar[0];
            c.highE8 = bar[1];
            c.lowE8 = bar[2];
            c.closeE8 = m == 10 || m == 12 ? bar[0] : bar[3];
            c.volumeE8 = 1;
            c.tradeCount = 1;
            c.complete = m != 10 && m != 12;
            c.source = CandleSource.TRADES;
            day.add(c);
        }
        CandleParquetFiles.writeAtomically(CandleParquetFiles.archiveFile(dataDir, "BTC", DAY), "BTC", day,
            CompressionCodecName.SNAPPY);
    }

    private static HistoryConfig config(String url) {
        return new HistoryConfig(true, url, 0, 100, 1, 3);
    }

    @Test
    void shouldHandTheWriterRestsBarsOfTheIncompleteMinutesOnly() throws Exception {
        final TreeMap<Long, long[]> lean = RestCandlesServer.lean("BTC-USD", "20180404");
        archive(lean);
        final List<Candle> sent = Collections.synchronizedList(new ArrayList<>());
        try (RestCandlesServer server = new RestCandlesServer().serve("BTC-USD", "20180404");
             ReconnectRepair repair = new ReconnectRepair(dataDir, List.of("BTC"), "USD",
                 config(server.url().toString()), () -> 0, (id, c) -> sent.add(c))) {
            repair.start();
            for (int i = 0; i < 1_000 && repair.passes() == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(repair.passes()).isEqualTo(1);
            assertThat(repair.failures()).isZero();
            assertThat(server.queries()).as("only the span of the incomplete minutes")
                .containsExactly("BTC-USD " + (DAY_S + 600) + ".." + (DAY_S + 720));
        }
        assertThat(sent).extracting(c -> c.openTimeNs / MINUTE_NS * 60)
            .containsExactly(DAY_S + 600, DAY_S + 720);
        for (Candle c : sent) {
            assertThat(c.source).isEqualTo(CandleSource.REST_REPAIR);
            assertThat(c.closeE8).isEqualTo(lean.get(c.openTimeNs / 1_000_000_000L)[3]);
        }
    }

    @Test
    void shouldLogAndRetryAFailingRestWithBackOffAndStartAgainAfterAReconnect() throws Exception {
        archive(RestCandlesServer.lean("BTC-USD", "20180404"));
        final AtomicLong reconnects = new AtomicLong();
        final List<Candle> sent = Collections.synchronizedList(new ArrayList<>());
        try (RestCandlesServer server = new RestCandlesServer().serve("BTC-USD", "20180404");
             ReconnectRepair repair = new ReconnectRepair(dataDir, List.of("BTC"), "USD",
                 config(server.url().toString()), reconnects::get, (id, c) -> sent.add(c))) {
            server.faults(n -> n <= 2 ? RestCandlesServer.Fault.SERVER_ERROR : RestCandlesServer.Fault.NONE);
            repair.start();
            for (int i = 0; i < 1_500 && repair.failures() < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(repair.failures()).as("two failed passes (1 s, then 2 s later), not fatal").isEqualTo(2);
            for (int i = 0; i < 2_000 && repair.passes() < 3; i++) {
                Thread.sleep(10);
            }
            assertThat(repair.passes()).as("the third pass, 4 s later, succeeds").isEqualTo(3);
            assertThat(sent).hasSize(2);
            reconnects.incrementAndGet();
            for (int i = 0; i < 1_500 && repair.passes() < 4; i++) {
                Thread.sleep(10);
            }
            assertThat(repair.passes()).as("a reconnect starts a new pass").isEqualTo(4);
        }
    }
}

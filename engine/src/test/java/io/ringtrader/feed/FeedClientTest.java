package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.candle.CandleHandler;
import io.ringtrader.candle.CandleStore;
import io.ringtrader.config.FeedSourceKind;
import io.ringtrader.config.FeedProtocol;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.config.ConfigException;
import io.ringtrader.config.FeedConfig;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drives a real {@link FeedClient} against a real scripted WebSocket server on loopback. */
@Timeout(120)
class FeedClientTest {
    private static final long WAIT_MS = 15_000;

    @AutoClose
    private final Closeables toClose = new Closeables();

    @Test
    void shouldDeliverEveryTradeExactlyOnceAcrossAbruptDrops() {
        final ScriptedCoinbaseServer server = server(100);
        final TestRing ring = new TestRing(1 << 14, 2);
        final FeedClient client = client(server, ring, 2_000, 0.1, "BTC", "ETH");
        client.start();
        awaitSubscribes(server, 1);
        server.trades("BTC-USD", 1_000, 10);
        server.trades("ETH-USD", 5_000, 3);
        await(() -> ring.trades().size() == 13, "first trades");
        server.dropConnection();
        server.trades("BTC-USD", 0, 7); // printed while the client is away: must come in the next snapshot
        awaitSubscribes(server, 2);
        server.trades("ETH-USD", 0, 4);
        server.dropConnection();
        awaitSubscribes(server, 3);
        server.trades("BTC-USD", 0, 5);
        server.trades("ETH-USD", 0, 1);
        await(() -> ring.trades().size() == 30, "all 30 trades");
        assertExactlyPrinted(server, ring, "BTC-USD", 0);
        assertExactlyPrinted(server, ring, "ETH-USD", 1);
        assertThat(client.stats().duplicates()).as("snapshots repeated trades").isPositive();
        assertThat(client.stats().reconnects()).isGreaterThanOrEqualTo(2);
        assertEveryConnectionSubscribedBothChannelsInTime(server);
        assertThat(ring.hasStatus(FeedStatus.CONNECTED)).isTrue();
        assertThat(ring.hasStatus(FeedStatus.SUBSCRIBED)).isTrue();
        assertThat(ring.hasStatus(FeedStatus.DISCONNECTED)).isTrue();
        assertThat(ring.ofType(EventType.GAP)).isEmpty();
        assertThat(client.stats().rejectsTotal()).isZero();
    }

    @Test
    void shouldLandEveryProductsConnectSnapshotInItsOwnMinutes() {
        // BTC's snapshot (ids 1000..1099, 03:01:40-03:01:49.9) arrives first; ETH's (03:00:00.1-03:00:10) a minute
        // older right after it: no ETH trade may be late.
        final ScriptedCoinbaseServer server = server(100);
        server.trades("BTC-USD", 1_000, 100);
        server.trades("ETH-USD", 1, 100);
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = client(server, ring, 2_000, 0.1, "BTC", "ETH");
        client.start();
        await(() -> ring.trades().size() == 200, "both snapshots");
        server.trades("BTC-USD", 0, 10);
        await(() -> ring.trades().size() == 210, "the live update");
        final CandleStore store = new CandleStore(2, 1);
        final CandleHandler candles = candlesOf(ring.drain(), store);
        assertThat(candles.lateTrades()).as("trades counted late").isZero();
        assertThat(candles.trades()).isEqualTo(210);
        long merged = 0;
        for (long n : tradesPerMinute(store, 2).values()) {
            merged += n;
        }
        assertThat(merged).as("trades in closed candles").isEqualTo(210);
        assertThat(ring.ofType(EventType.GAP)).isEmpty();
    }

    @Test
    void shouldLandEveryTradeInItsOwnMinuteAcrossAReconnectWithInterleavedProducts() {
        // times in tenths of a second after 03:00; ETH is quiet (its last 100 trades reach back to 03:00:01) while
        // BTC trades on; level2 on. Once ETH traded live the reconnect alone must make its minutes wait again.
        final ScriptedCoinbaseServer server = server(100);
        server.tradesAt("ETH-USD", 1, 100);
        server.tradesAt("BTC-USD", 900, 100);
        server.clockAt(1_000);
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = toClose.add(new FeedClient(FeedClientLevel2Test.config(server.url()),
            Instruments.of(List.of("BTC", "ETH"), "USD"), ring.publisher, System::nanoTime, 42));
        client.start();
        await(() -> ring.trades().size() == 200, "both connect snapshots");
        server.tradesAt("BTC-USD", 1_000, 50);
        server.tradesAt("ETH-USD", 1_010, 5);
        await(() -> ring.trades().size() == 255, "the live trades");
        server.holdSnapshot("market_trades", "ETH-USD");
        server.dropConnection();
        server.tradesAt("BTC-USD", 1_050, 40); // while away: in BTC's next snapshot
        server.tradesAt("ETH-USD", 1_055, 5);  // while away, minute 03:01: only in ETH's held snapshot
        await(() -> ring.trades().size() == 295, "BTC's snapshot after the reconnect");
        server.tradesAt("BTC-USD", 1_200, 50); // live BTC at 03:02:00-03:02:05, then its heartbeats
        server.clockAt(1_260);
        final long clockNs = io.ringtrader.event.Rfc3339.parse("2026-01-02T03:02:06Z");
        await(() -> ring.ofType(EventType.HEARTBEAT).stream().anyMatch(e -> e.timestampNs >= clockNs),
            "heartbeats past ETH's minute");
        server.releaseSnapshot("market_trades", "ETH-USD");
        await(() -> ring.trades().size() == 350, "ETH's snapshot, from 03:00:01");
        assertExactlyPrinted(server, ring, "BTC-USD", 0);
        assertExactlyPrinted(server, ring, "ETH-USD", 1);
        final CandleStore store = new CandleStore(2, 1);
        final CandleHandler candles = candlesOf(ring.drain(), store);
        assertThat(candles.lateTrades()).as("trades counted late").isZero();
        final Map<String, Long> expected = new java.util.TreeMap<>();
        for (int id = 0; id < 2; id++) {
            final String product = id == 0 ? "BTC-USD" : "ETH-USD";
            for (long tradeId : server.printed(product)) {
                expected.merge(id + "@" + minuteStartNs(server.tenthsOf(product, tradeId)), 1L, Long::sum);
            }
        }
        assertThat(new java.util.TreeMap<>(tradesPerMinute(store, 2))).as("trades per product and minute")
            .isEqualTo(expected);
        assertThat(client.stats().reconnects()).isEqualTo(1);
    }

    @Test
    void shouldNotPublishTheJournaledTradesAgainWhenTheResentSnapshotArrivesAfterARestart() {
        final ScriptedCoinbaseServer server = server(100);
        server.trades("BTC-USD", 1, 150);
        server.trades("ETH-USD", 1, 150);
        final FeedResume resume = new FeedResume(2, 4_096);
        final MarketEvent journaled = new MarketEvent(1);
        journaled.type = EventType.TRADE;
        for (long id = 1; id <= 150; id++) {
            journaled.tradeId = id;
            journaled.instrumentId = 0;
            if (id <= 120) {
                resume.remember(journaled); // BTC: the journal holds 1..120, 121..150 were lost in the kill
            }
            journaled.instrumentId = 1;
            if (id <= 30) {
                resume.remember(journaled); // ETH: the journal ends at 30, the snapshot starts at 51
            }
        }
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = client(server, ring, 2_000, 0.1, "BTC", "ETH").resumeFrom(resume);
        client.start();
        await(() -> ring.trades().size() == 130, "the new trades of both snapshots");
        final List<Long> btc = new ArrayList<>();
        final List<Long> eth = new ArrayList<>();
        for (MarketEvent e : ring.trades()) {
            (e.instrumentId == 0 ? btc : eth).add(e.tradeId);
        }
        assertThat(btc).as("BTC: only what the journal did not hold").containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(121, 150).boxed().toList());
        assertThat(eth).hasSize(100).startsWith(51L).endsWith(150L);
        assertThat(client.stats().duplicates()).as("BTC's repeats dropped").isEqualTo(70);
        final List<MarketEvent> gaps = ring.ofType(EventType.GAP);
        assertThat(gaps).as("ETH's 31..50 are reported missing").hasSize(1);
        assertThat(gaps.get(0).instrumentId).isEqualTo(1);
        assertThat(gaps.get(0).value).isEqualTo(20);
        assertThatThrownBy(() -> client.resumeFrom(resume)).isInstanceOf(IllegalStateException.class);
    }

    @Tag("slow")
    @ParameterizedTest
    @ValueSource(longs = {11L, 2_026L})
    void shouldDeliverEveryTradeExactlyOnceThroughSeededChaos(long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final ScriptedCoinbaseServer server = server(50);
        final TestRing ring = new TestRing(1 << 14, 2);
        final FeedClient client = client(server, ring, 400, 0.1, "BTC", "ETH");
        client.start();
        awaitSubscribes(server, 1);
        int connection = 1;
        for (int step = 0; step < 60; step++) {
            final int action = random.nextInt(10);
            if (action < 6) {
                server.trades(random.nextBoolean() ? "BTC-USD" : "ETH-USD", 1, 1 + random.nextInt(8));
            } else if (action == 6) {
                server.sendRaw(random.nextBoolean() ? "{\"channel\":\"market_trades\",\"events\":[" : "\u0000garbage");
            } else if (action == 7 || action == 8) {
                if (action == 7) {
                    server.dropConnection();
                } else {
                    server.stall(); // the idle watchdog must notice
                }
                server.trades("BTC-USD", 1, 1 + random.nextInt(5)); // printed while the client is away
                connection++;
                awaitSubscribes(server, connection);
            } else {
                server.skipSequence(1 + random.nextInt(3));
            }
        }
        final long printed = server.printed("BTC-USD").size() + server.printed("ETH-USD").size();
        await(() -> ring.trades().size() == printed, "seed " + seed + ": all " + printed + " trades");
        assertExactlyPrinted(server, ring, "BTC-USD", 0);
        assertExactlyPrinted(server, ring, "ETH-USD", 1);
        assertEveryConnectionSubscribedBothChannelsInTime(server);
        // at least one per scripted drop or stall (a loaded machine may add a watchdog reconnect)
        assertThat(client.stats().reconnects()).as("seed %d", seed).isGreaterThanOrEqualTo(connection - 1L);
    }

    @Test
    void shouldReconnectAndCatchUpWhenTheServerStalls() {
        final ScriptedCoinbaseServer server = server(50);
        final TestRing ring = new TestRing(1 << 14, 1);
        final FeedClient client = client(server, ring, 400, 0.1, "BTC");
        client.start();
        awaitSubscribes(server, 1);
        server.trades("BTC-USD", 1, 5);
        server.stall();
        server.trades("BTC-USD", 0, 5); // not sent on the stalled connection
        await(() -> server.connections() >= 2, "a reconnect after the idle timeout");
        awaitSubscribes(server, 2);
        await(() -> ring.trades().size() == 10, "the stalled trades via the new snapshot");
        assertExactlyPrinted(server, ring, "BTC-USD", 0);
        assertEveryConnectionSubscribedBothChannelsInTime(server);
    }

    @Test
    void shouldSkipGarbageBetweenValidFramesWithoutDisconnecting() {
        final ScriptedCoinbaseServer server = server(100);
        final TestRing ring = new TestRing(1 << 14, 1);
        final FeedClient client = client(server, ring, 5_000, 0.1, "BTC");
        client.start();
        awaitSubscribes(server, 1);
        server.trades("BTC-USD", 1, 3);
        server.sendRaw("this is not json");
        server.sendRaw("{\"channel\":\"market_trades\",\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"4");
        server.sendRaw("{\"channel\":\"market_trades\",\"events\":[{\"type\":\"update\",\"trades\":["
            + Frames.trade("BTC-USD", 9, "NaN", "1", Frames.time(9), "BUY") + "]}]}");
        server.trades("BTC-USD", 0, 3);
        await(() -> ring.trades().size() == 6, "6 trades");
        assertExactlyPrinted(server, ring, "BTC-USD", 0);
        assertThat(client.stats().rejects(RejectReason.MALFORMED_JSON)).isEqualTo(1);
        assertThat(client.stats().rejects(RejectReason.TRUNCATED_JSON)).isEqualTo(1);
        assertThat(client.stats().rejects(RejectReason.BAD_PRICE)).isEqualTo(1);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void shouldAggregateFragmentsAndCapOversizedMessages() {
        final ScriptedCoinbaseServer server = server(100);
        final TestRing ring = new TestRing(1 << 14, 1);
        final FeedClient client = client(server, ring, 5_000, 0.1, "BTC");
        client.start();
        awaitSubscribes(server, 1);
        await(() -> client.stats().state() == FeedStats.State.SUBSCRIBED, "subscribed");
        server.sendFragmented(Frames.marketTrades(99, "update", Frames.trade("BTC-USD", 2), Frames.trade("BTC-USD", 1))
            .replace("\"sequence_num\":99,", ""), 5);
        await(() -> ring.trades().size() == 2, "a fragmented message, reassembled");
        final String huge = "{\"channel\":\"x\",\"pad\":\"" + "p".repeat(1_400_000) + "\"}";
        server.sendFragmented(huge, 2); // two 700 kB fragments, 1.4 MB in all: over the 1 MiB cap
        await(() -> client.stats().rejects(RejectReason.BAD_FRAME) == 1, "the oversized message dropped");
        server.sendRaw(huge); // one 1.4 MB frame: Netty refuses it and closes, the client reconnects
        await(() -> client.stats().rejects(RejectReason.BAD_FRAME) == 2, "the oversized frame counted");
        awaitSubscribes(server, 2);
        assertThat(client.stats().reconnects()).isEqualTo(1);
        assertThat(ring.ofType(EventType.GAP)).isEmpty();
    }

    @Test
    void shouldDropARejectedProductAndKeepTheOthers() {
        final ScriptedCoinbaseServer server = server(100);
        server.reject("MATIC-USD");
        final TestRing ring = new TestRing(1 << 14, 3);
        final FeedClient client = client(server, ring, 5_000, 0.1, "BTC", "MATIC", "ETH");
        client.start();
        await(() -> client.stats().state() == FeedStats.State.SUBSCRIBED, "subscribed without MATIC");
        server.trades("BTC-USD", 1, 2);
        server.trades("ETH-USD", 100, 2);
        await(() -> ring.trades().size() == 4, "BTC and ETH trades");
        assertThat(client.stats().productsRejected()).isEqualTo(1);
        await(() -> server.subscribes().stream().anyMatch(s -> s.channel().equals("heartbeats")
            && s.products().equals(List.of("BTC-USD", "ETH-USD"))), "heartbeats resubscribed without MATIC");
        assertThat(server.subscribes()).filteredOn(s -> s.products().contains("MATIC-USD")).hasSizeLessThan(3);
        server.dropConnection();
        awaitSubscribes(server, 2);
        assertThat(server.subscribes()).filteredOn(s -> s.connection() == 2)
            .allMatch(s -> !s.products().contains("MATIC-USD"));
    }

    @Test
    void shouldPublishAGapWhenTheSequenceNumberJumps() {
        final ScriptedCoinbaseServer server = server(100);
        final TestRing ring = new TestRing(1 << 14, 1);
        final FeedClient client = client(server, ring, 5_000, 0.1, "BTC");
        client.start();
        awaitSubscribes(server, 1);
        server.skipSequence(5);
        server.trades("BTC-USD", 1, 1);
        await(() -> !ring.ofType(EventType.GAP).isEmpty(), "a gap event");
        final MarketEvent gap = ring.ofType(EventType.GAP).get(0);
        assertThat(gap.instrumentId).isEqualTo(-1);
        assertThat(gap.value).isEqualTo(5);
        assertThat(client.stats().gaps()).isEqualTo(1);
    }

    @Test
    void shouldStopForGoodWhenTheServerEndsTheSession() throws InterruptedException {
        final ScriptedCoinbaseServer server = server(100);
        final TestRing ring = new TestRing(1 << 14, 1);
        final FeedClient client = client(server, ring, 5_000, 0.1, "BTC");
        client.start();
        awaitSubscribes(server, 1);
        server.endSession();
        await(() -> ring.hasStatus(FeedStatus.END_OF_FEED), "END_OF_FEED");
        Thread.sleep(300); // ten initial back-offs: a reconnect would have happened by now
        assertThat(server.connections()).isEqualTo(1);
        assertThat(client.stats().state()).isEqualTo(FeedStats.State.ENDED);
        assertThat(client.stats().reconnects()).isZero();
    }

    @Test
    void shouldPauseReadingWhileTheRingIsNearlyFullAndAccountForEveryTrade() {
        final ScriptedCoinbaseServer server = server(100);
        final TestRing ring = new TestRing(64, 1);
        final FeedClient client = client(server, ring, 5_000, 0.5, "BTC");
        client.start();
        awaitSubscribes(server, 1);
        await(() -> client.stats().state() == FeedStats.State.SUBSCRIBED, "subscribed");
        for (int i = 0; i < 20; i++) {
            server.trades("BTC-USD", 1, 10);
        }
        await(() -> client.stats().readPauses() > 0, "a read pause");
        await(() -> ring.trades().size() + client.stats().drops() == 200, "every trade published or dropped");
        await(() -> client.stats().readPauses() > 0 && client.stats().readPausedNs() > 0, "pause time counted");
        final List<MarketEvent> trades = ring.trades();
        assertThat(trades).extracting(e -> e.tradeId).doesNotHaveDuplicates();
        if (client.stats().drops() > 0) {
            server.trades("BTC-USD", 1, 1); // the next trade after a drop carries the gap
            await(() -> !ring.ofType(EventType.GAP).isEmpty(), "a gap event for the dropped trades");
        }
    }

    @Test
    void shouldSpeakTheExchangeProtocolAndSeeLostTradesInHeartbeats() {
        final ScriptedCoinbaseServer server = server(50, true);
        final TestRing ring = new TestRing(1 << 14, 2);
        final FeedClient client = new FeedClient(config(server.url(), 5_000, 0.1, "exchange"),
            Instruments.of(List.of("BTC", "ETH"), "USD"), ring.publisher, System::nanoTime, 42);
        toClose.add(client);
        client.start();
        awaitSubscribes(server, 1);
        await(() -> client.stats().state() == FeedStats.State.SUBSCRIBED, "subscribed");
        assertThat(server.subscribes()).extracting(ScriptedCoinbaseServer.Subscribe::channel)
            .containsExactly("matches", "heartbeat");
        server.trades("BTC-USD", 1, 3);
        server.trades("ETH-USD", 50, 1);
        await(() -> ring.trades().size() == 4, "4 matches");
        server.silentTrades("BTC-USD", 2);
        await(() -> !ring.ofType(EventType.GAP).isEmpty(), "a gap from heartbeat.last_trade_id");
        server.trades("BTC-USD", 0, 1);
        await(() -> ring.trades().size() == 5, "the match after the lost ones");
        assertThat(ring.trades()).filteredOn(e -> e.instrumentId == 0).extracting(e -> e.tradeId)
            .containsExactly(1L, 2L, 3L, 6L);
        assertThat(ring.ofType(EventType.GAP)).extracting(e -> e.instrumentId + ":" + e.value).containsExactly("0:2");
        assertThat(ring.ofType(EventType.HEARTBEAT)).isNotEmpty();
        server.dropConnection();
        awaitSubscribes(server, 2);
        await(() -> client.stats().duplicates() >= 2, "last_match of both products repeated and dropped");
        assertThat(ring.trades()).hasSize(5);
    }

    @Test
    void shouldRefusePlainWebSocketToANonLoopbackHost() {
        final TestRing ring = new TestRing(64, 1);
        for (String url : List.of("ws://example.com/", "ws://10.0.0.1:9000/", "ws://128.0.0.1/", "http://127.0.0.1/")) {
            assertThatThrownBy(() -> new FeedClient(config(url, 1_000, 0.1), Instruments.of(List.of("BTC"), "USD"),
                ring.publisher)).as(url).isInstanceOf(ConfigException.class).hasMessageContaining("feed.url");
        }
        assertThat(FeedEndpoint.isLoopback("127.0.0.2")).isTrue();
        assertThat(FeedEndpoint.isLoopback("localhost")).isTrue();
        assertThat(FeedEndpoint.isLoopback("[::1]")).isTrue();
        assertThat(FeedEndpoint.isLoopback("::2")).isFalse();
        assertThat(FeedEndpoint.parse("wss://advanced-trade-ws.coinbase.com").tls()).isTrue();
    }

    @Test
    void shouldStopReconnectingOnceClosed() throws InterruptedException {
        final ScriptedCoinbaseServer server = server(100);
        final TestRing ring = new TestRing(1 << 10, 1);
        final FeedClient client = new FeedClient(config(server.url(), 5_000, 0.1),
            Instruments.of(List.of("BTC"), "USD"), ring.publisher, System::nanoTime, 7);
        client.start();
        awaitSubscribes(server, 1);
        client.close();
        assertThat(client.stats().state()).isEqualTo(FeedStats.State.CLOSED);
        Thread.sleep(200);
        assertThat(server.connections()).isEqualTo(1);
    }

    // ---- helpers ----

    /** {@code events} through a real candle stage (2 s grace); a heartbeat 10 minutes on closes every minute. */
    private static CandleHandler candlesOf(List<MarketEvent> events, CandleStore store) {
        final CandleHandler candles = new CandleHandler(new io.ringtrader.config.CandleConfig(2_000, 1), 2, store,
            c -> true);
        final MarketEvent slot = new MarketEvent(64);
        long last = 0;
        for (MarketEvent e : events) {
            slot.clear();
            slot.copyInputFrom(e);
            candles.onEvent(slot, 0, true);
            last = Math.max(last, e.timestampNs);
        }
        slot.clear();
        slot.type = EventType.HEARTBEAT;
        slot.timestampNs = last + 600_000_000_000L;
        candles.onEvent(slot, 0, true);
        return candles;
    }

    /** "instrument@minute open ns" to the trade count of each closed candle that holds trades. */
    private static Map<String, Long> tradesPerMinute(CandleStore store, int instruments) {
        final Map<String, Long> counts = new HashMap<>();
        final io.ringtrader.event.Candle c = new io.ringtrader.event.Candle();
        for (int id = 0; id < instruments; id++) {
            for (int i = 0; i < store.size(id); i++) {
                store.get(id, i, c);
                if (c.tradeCount > 0) {
                    counts.merge(id + "@" + c.openTimeNs, c.tradeCount, Long::sum);
                }
            }
        }
        return counts;
    }

    private static long minuteStartNs(long tenths) {
        final long ns = io.ringtrader.event.Rfc3339.parse("2026-01-02T03:00:00Z") + tenths * 100_000_000L;
        return Math.floorDiv(ns, 60_000_000_000L) * 60_000_000_000L;
    }

    private ScriptedCoinbaseServer server(long heartbeatMs) {
        return server(heartbeatMs, false);
    }

    private ScriptedCoinbaseServer server(long heartbeatMs, boolean exchange) {
        final ScriptedCoinbaseServer server = new ScriptedCoinbaseServer(heartbeatMs, exchange);
        toClose.add(server);
        return server;
    }

    private FeedClient client(ScriptedCoinbaseServer server, TestRing ring, long idleMs, double pauseFraction,
                              String... symbols) {
        final FeedClient client = new FeedClient(config(server.url(), idleMs, pauseFraction),
            Instruments.of(List.of(symbols), "USD"), ring.publisher, System::nanoTime, 42);
        toClose.add(client);
        return client;
    }

    static FeedConfig config(String url, long idleMs, double pauseFraction) {
        return config(url, idleMs, pauseFraction, "advanced-trade");
    }

    static FeedConfig config(String url, long idleMs, double pauseFraction, String protocol) {
        return new FeedConfig(FeedSourceKind.COINBASE, ConfigNode.named(FeedProtocol.class, protocol, "protocol"),
            url, idleMs, 20, 200, 1 << 20, 10, 4_096, 1.0, 42, 0, "",
            "", pauseFraction, new io.ringtrader.config.Level2Config(false, 16 << 20, 200_000));
    }

    private static void assertExactlyPrinted(ScriptedCoinbaseServer server, TestRing ring, String product, int id) {
        final List<Long> received = new ArrayList<>();
        for (MarketEvent e : ring.trades()) {
            if (e.instrumentId == id) {
                received.add(e.tradeId);
            }
        }
        assertThat(received).as(product + ": every printed trade once, in order")
            .containsExactlyElementsOf(server.printed(product));
    }

    private static void assertEveryConnectionSubscribedBothChannelsInTime(ScriptedCoinbaseServer server) {
        final Map<Integer, List<String>> channels = new HashMap<>();
        for (ScriptedCoinbaseServer.Subscribe s : server.subscribes()) {
            assertThat(s.msAfterConnect()).as("subscribe within 5 s: %s", s).isLessThan(5_000);
            channels.computeIfAbsent(s.connection(), c -> new ArrayList<>()).add(s.channel());
        }
        assertThat(channels).hasSize(server.connections());
        channels.values().forEach(c -> assertThat(c).contains("market_trades", "heartbeats"));
    }

    private static void awaitSubscribes(ScriptedCoinbaseServer server, int connection) {
        await(() -> server.subscribes().stream().filter(s -> s.connection() == connection).count() >= 2,
            "both subscribes on connection " + connection);
    }

    static void await(BooleanSupplier condition, String what) {
        final long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

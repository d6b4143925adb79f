package io.ringtrader.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringtrader.config.EngineConfig;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopbackExchangeTest {
    private static final Instruments BTC_ETH = Instruments.of(List.of("BTC", "ETH"), "USD");
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private LoopbackExchange start(Instruments instruments, MarketSource source, ExchangeOptions options)
        throws InterruptedException {
        final LoopbackExchange exchange = new LoopbackExchange(instruments, source, options);
        toClose.add(exchange);
        exchange.start();
        return exchange;
    }

    private WsTestClient connect(LoopbackExchange exchange) {
        final WsTestClient client = WsTestClient.connect(exchange.url());
        toClose.add(client);
        return client;
    }

    /** Every frame until the server closes the connection. */
    private static List<JsonNode> readUntilClosed(WsTestClient client) throws InterruptedException {
        final List<JsonNode> frames = new ArrayList<>();
        while (true) {
            final JsonNode frame = client.poll(100);
            if (frame != null) {
                frames.add(frame);
            } else if (client.closed().isDone()) {
                return frames;
            }
        }
    }

    /** The trade as the exchange must print it, for comparing whole streams. */
    private static String expected(Instruments instruments, SimEvent t) {
        return t.tradeId + "|" + instruments.get(t.instrumentId).productId() + "|" + FixedPoint.format(t.priceE8)
            + "|" + FixedPoint.format(t.sizeE8) + "|" + Side.name(t.side) + "|" + CoinbaseTime.rfc3339(t.timestampNs);
    }

    private static String received(JsonNode t) {
        return t.get("trade_id").asText() + "|" + t.get("product_id").asText() + "|" + t.get("price").asText() + "|"
            + t.get("size").asText() + "|" + t.get("side").asText() + "|" + t.get("time").asText();
    }

    private static List<String> sourceTrades(Instruments instruments, MarketSource source) {
        final List<String> trades = new ArrayList<>();
        final SimEvent e = new SimEvent();
        while (source.next(e)) {
            if (e.isTrade()) {
                trades.add(expected(instruments, e));
            }
        }
        return trades;
    }

    private static List<String> updateTrades(List<JsonNode> frames) {
        final List<String> trades = new ArrayList<>();
        for (JsonNode f : frames) {
            if ("market_trades".equals(f.path("channel").asText())) {
                for (JsonNode event : f.get("events")) {
                    if ("update".equals(event.get("type").asText())) {
                        event.get("trades").forEach(t -> trades.add(received(t)));
                    }
                }
            }
        }
        return trades;
    }

    private static void assertContiguousSequence(List<JsonNode> frames) {
        long expected = 0;
        for (JsonNode f : frames) {
            if (f.has("channel")) {
                assertThat(f.get("sequence_num").asLong()).as("sequence_num of %s", f).isEqualTo(expected++);
            }
        }
    }

    @Test
    void shouldDeliverWholeSessionLosslesslyAtSpeedZeroThenCloseWithEndOfSession() throws Exception {
        final long seed = 7;
        final LoopbackExchange exchange = start(BTC_ETH, new MarketSimulator(BTC_ETH, seed, 0.1),
            ExchangeOptions.defaults().withSpeed(0));
        final WsTestClient client = connect(exchange);
        client.subscribe("heartbeats", "BTC-USD");
        // one product per message, as a pacing client does: the start delay lets the second one land in time
        client.subscribe("market_trades", "BTC-USD");
        Thread.sleep(150);
        client.subscribe("market_trades", "ETH-USD");

        final List<JsonNode> frames = readUntilClosed(client);

        assertThat(client.closed().get()).isEqualTo(new WsTestClient.Close(1000, "end of session"));
        assertThat(exchange.sessionEnded()).isCompleted();
        assertContiguousSequence(frames);
        final List<String> expected = sourceTrades(BTC_ETH, new MarketSimulator(BTC_ETH, seed, 0.1));
        assertThat(updateTrades(frames)).hasSizeGreaterThan(1_000).containsExactlyElementsOf(expected);
        final List<JsonNode> heartbeats = frames.stream()
            .filter(f -> "heartbeats".equals(f.path("channel").asText())).toList();
        assertThat(heartbeats).hasSize(361); // 0.1 h of seconds, both ends included
        for (int i = 0; i < heartbeats.size(); i++) {
            final JsonNode event = heartbeats.get(i).get("events").get(0);
            assertThat(event.get("heartbeat_counter").asLong()).isEqualTo(i + 1);
            assertThat(event.get("current_time").asText())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC m=\\+\\d+\\.\\d{9}");
        }
        assertThat(heartbeats.get(0).get("timestamp").asText()).isEqualTo("2026-01-05T00:00:00Z");
        assertThat(exchange.tradesSent()).isEqualTo(expected.size());
        assertThat(exchange.sourceTrades()).isEqualTo(expected.size());
        assertThat(exchange.framesSent()).isEqualTo(frames.size());
    }

    @Test
    void shouldReplyWithCumulativeSubscriptionsAndSnapshotPerProduct() throws Exception {
        final LoopbackExchange exchange = start(BTC_ETH, new MarketSimulator(BTC_ETH, 1, 0.1),
            ExchangeOptions.defaults().withSpeed(1));
        final WsTestClient client = connect(exchange);

        client.subscribe("heartbeats", "BTC-USD");
        assertThat(client.next().get("events").get(0).get("subscriptions").toString())
            .isEqualTo("{\"heartbeats\":[\"heartbeats\"]}");
        client.subscribe("market_trades", "BTC-USD");
        JsonNode frame = client.next();
        assertThat(frame.get("events").get(0).get("type").asText()).isEqualTo("snapshot");
        while (!"subscriptions".equals(frame.get("channel").asText())) {
            frame = client.next();
        }
        assertThat(frame.get("events").get(0).get("subscriptions").toString())
            .isEqualTo("{\"market_trades\":[\"BTC-USD\"],\"heartbeats\":[\"heartbeats\"]}");
        client.subscribe("market_trades", "ETH-USD");
        boolean sawEthSnapshot = false;
        do {
            frame = client.next();
            for (JsonNode event : frame.get("events")) {
                if ("snapshot".equals(event.path("type").asText())) {
                    event.get("trades").forEach(t -> assertThat(t.get("product_id").asText()).isEqualTo("ETH-USD"));
                    sawEthSnapshot = true;
                }
            }
        } while (!"subscriptions".equals(frame.get("channel").asText()));
        assertThat(sawEthSnapshot).isTrue();
        assertThat(frame.get("events").get(0).get("subscriptions").toString())
            .isEqualTo("{\"market_trades\":[\"BTC-USD\",\"ETH-USD\"],\"heartbeats\":[\"heartbeats\"]}");
        assertThat(exchange.clients()).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnknownAndRejectedProductsWithAnErrorNamingThem() throws Exception {
        final Instruments instruments = Instruments.of(List.of("BTC", "MATIC"), "USD");
        final LoopbackExchange exchange = start(instruments, new MarketSimulator(instruments, 1, 0.1),
            ExchangeOptions.defaults().withRejectedProducts(Set.of("MATIC-USD")));
        final WsTestClient client = connect(exchange);

        client.subscribe("market_trades", "BTC-USD", "MATIC-USD");
        final JsonNode error = client.next();
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("message").asText()).isEqualTo("Failed to subscribe: invalid product id MATIC-USD");
        client.subscribe("market_trades", "DOGE-USD");
        assertThat(client.next().get("message").asText()).contains("DOGE-USD");

        client.subscribe("market_trades", "BTC-USD");
        JsonNode frame = client.next();
        assertThat(frame.get("sequence_num").asLong()).isZero(); // error frames carry no sequence number
        while (!"subscriptions".equals(frame.get("channel").asText())) {
            frame = client.next();
        }
        assertThat(frame.get("events").get(0).get("subscriptions").toString())
            .isEqualTo("{\"market_trades\":[\"BTC-USD\"]}");
    }

    @Test
    void shouldCloseConnectionThatDoesNotSubscribeInTime() throws Exception {
        final LoopbackExchange exchange = start(BTC_ETH, new MarketSimulator(BTC_ETH, 1, 0.1),
            ExchangeOptions.defaults().withSubscribeTimeoutMs(300));
        final WsTestClient silent = connect(exchange);
        final WsTestClient subscriber = connect(exchange);
        subscriber.subscribe("heartbeats", "BTC-USD");

        assertThat(silent.closed().get(10, TimeUnit.SECONDS).status()).isEqualTo(1008);
        assertThat(subscriber.next().get("channel").asText()).isEqualTo("subscriptions");
        assertThat(subscriber.closed()).isNotDone();
    }

    @Test
    void shouldSendOverlappingNewestFirstSnapshotToReconnectingClient() throws Exception {
        final LoopbackExchange exchange = start(BTC_ETH, new MarketSimulator(BTC_ETH, 3, 1),
            ExchangeOptions.defaults().withSpeed(30).withStartDelayMs(0));
        final WsTestClient first = connect(exchange);
        first.subscribe("market_trades", "BTC-USD");
        long lastSeen = -1;
        int seen = 0;
        while (seen < 150) {
            final JsonNode frame = first.next();
            for (JsonNode event : frame.path("events")) {
                if ("update".equals(event.path("type").asText())) {
                    for (JsonNode t : event.get("trades")) {
                        lastSeen = t.get("trade_id").asLong();
                        seen++;
                    }
                }
            }
        }
        first.close();

        final WsTestClient second = connect(exchange);
        second.subscribe("market_trades", "BTC-USD");
        final JsonNode snapshot = second.next().get("events").get(0);
        assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
        final List<Long> ids = new ArrayList<>();
        snapshot.get("trades").forEach(t -> ids.add(t.get("trade_id").asLong()));
        assertThat(ids).hasSize(100);
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("newest first").isEqualTo(ids.get(i - 1) - 1);
        }
        assertThat(ids).as("the snapshot repeats the last trade the first connection saw").contains(lastSeen);
    }

    @Test
    @Tag("slow")
    void shouldStopProducingWhileClientIsNotReadingAndLoseNothing() throws Exception {
        final long seed = 11;
        final double hours = 3;
        final LoopbackExchange exchange = start(BTC_ETH, new MarketSimulator(BTC_ETH, seed, hours),
            ExchangeOptions.defaults().withSpeed(0));
        final WsTestClient client = WsTestClient.connectPaused(exchange.url());
        toClose.add(client);
        client.subscribe("market_trades", "BTC-USD", "ETH-USD");
        final List<String> expected = sourceTrades(BTC_ETH, new MarketSimulator(BTC_ETH, seed, hours));

        long before;
        long after = -1;
        do {
            before = after;
            Thread.sleep(300);
            after = exchange.sourceTrades();
        } while (after != before);
        assertThat(after).as("the pump stalls on a full socket instead of buffering").isLessThan(expected.size());

        client.resume();
        final List<JsonNode> frames = readUntilClosed(client);
        assertContiguousSequence(frames);
        assertThat(updateTrades(frames)).containsExactlyElementsOf(expected);
    }

    @Test
    @Tag("slow")
    void shouldServeSixHoursOfEveryDefaultSymbolLosslessly() throws Exception {
        final Instruments all = Instruments.of(EngineConfig.DEFAULT_SYMBOLS, "USD");
        final long seed = 99;
        final LoopbackExchange exchange = start(all, new MarketSimulator(all, seed, 6),
            ExchangeOptions.defaults().withSpeed(0).withStartDelayMs(0));
        final WsTestClient client = connect(exchange);
        final String[] products = all.all().stream().map(i -> i.productId()).toArray(String[]::new);
        client.subscribe("heartbeats", products);
        final long startNs = System.nanoTime();
        client.subscribe("market_trades", products);

        final List<JsonNode> frames = readUntilClosed(client);

        final double seconds = (System.nanoTime() - startNs) / 1e9;
        final List<String> expected = sourceTrades(all, new MarketSimulator(all, seed, 6));
        assertContiguousSequence(frames);
        assertThat(updateTrades(frames)).containsExactlyElementsOf(expected);
        // a figure for the report, not an assertion
        System.out.printf("6 h x %d symbols at speed 0: %d trades, %d frames in %.2f s (%.0f trades/s)%n",
            all.size(), expected.size(), frames.size(), seconds, expected.size() / seconds);
    }

    @Test
    void shouldSplitBurstIntoBoundedUpdateFrames() throws Exception {
        final Instruments btc = Instruments.of(List.of("BTC"), "USD");
        final StringBuilder tape = new StringBuilder();
        for (int id = 1; id <= 1_201; id++) {
            tape.append("{\"product_id\":\"BTC-USD\",\"trade_id\":\"").append(id)
                .append("\",\"price\":\"100\",\"size\":\"1\",\"side\":\"BUY\",\"time\":\"2026-01-05T00:00:00.5Z\"}\n");
        }
        final LoopbackExchange exchange = start(btc, TapeSourceTest.source(btc, tape.toString()),
            ExchangeOptions.defaults().withSpeed(0).withStartDelayMs(0));
        final WsTestClient client = connect(exchange);
        client.subscribe("market_trades", "BTC-USD");

        final List<JsonNode> frames = readUntilClosed(client);

        final List<Integer> sizes = new ArrayList<>();
        for (JsonNode f : frames) {
            final JsonNode event = f.path("events").path(0);
            if ("update".equals(event.path("type").asText())) {
                sizes.add(event.get("trades").size());
            }
        }
        assertThat(sizes).containsExactly(500, 500, 201);
        assertThat(updateTrades(frames)).hasSize(1_201);
    }

    @Test
    void shouldReplayTapeThroughTheExchange() throws Exception {
        final Instruments btc = Instruments.of(List.of("BTC"), "USD");
        final List<LeanBarsToTape.TapeTrade> tape = LeanBarsToTapeTest.secondBarsTape();
        final StringBuilder text = new StringBuilder();
        tape.forEach(t -> text.append(LeanBarsToTape.toJson(t)).append('\n'));
        final LoopbackExchange exchange = start(btc, TapeSourceTest.source(btc, text.toString()),
            ExchangeOptions.defaults().withSpeed(0).withStartDelayMs(0));
        final WsTestClient client = connect(exchange);
        client.subscribe("market_trades", "BTC-USD");

        final List<JsonNode> frames = readUntilClosed(client);

        assertThat(client.closed().get().reason()).isEqualTo("end of session");
        assertContiguousSequence(frames);
        final List<String> trades = updateTrades(frames);
        assertThat(trades).hasSize(tape.size());
        assertThat(trades.get(0)).isEqualTo("1|BTC-USD|611.78|0.30023|SELL|2016-10-07T00:00:04Z");
    }
}

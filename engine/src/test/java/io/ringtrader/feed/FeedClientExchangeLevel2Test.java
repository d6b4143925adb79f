package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.config.FeedConfig;
import io.ringtrader.config.FeedProtocol;
import io.ringtrader.config.FeedSourceKind;
import io.ringtrader.config.Level2Config;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Quote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Exchange-protocol level2 path over the network: a real {@link FeedClient} with {@code feed.protocol}
 * exchange subscribes {@code level2_batch} on a loopback WebSocket server that sends {@code snapshot} and
 * {@code l2update} messages. The real recording (see {@code feed/NOTICE.md}) sent message by message gives books
 * equal to an independent TreeMap reconstruction; a socket dropped in the middle of a book empties it until the new
 * connection's snapshot rebuilds it, with no level left from before. Books are read only after the client published
 * what followed the last change (a trade, or the quote of the change).
 */
@Timeout(60)
class FeedClientExchangeLevel2Test {
    private static final String[] PRODUCTS = {"SKL-USD", "SKL-BTC", "SKL-GBP", "BAND-GBP", "BAND-BTC", "NMR-EUR",
        "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR"};
    private static final String BTC = "BTC-USD";

    @AutoClose
    private final Closeables toClose = new Closeables();

    @Test
    void shouldBuildTheBooksOfTheRealRecordingSentOverTheNetwork() throws IOException {
        final ScriptedCoinbaseServer server = toClose.add(new ScriptedCoinbaseServer(100, true));
        final Instruments instruments = DecoderFixture.instruments(PRODUCTS);
        final TestRing ring = new TestRing(1 << 16, instruments.size());
        final FeedClient client = toClose.add(new FeedClient(config(server.url()), instruments, ring.publisher,
            System::nanoTime, 42));
        client.start();
        FeedClientTest.await(() -> server.subscribes().stream().anyMatch(s -> s.channel().equals("level2_batch")),
            "the level2_batch subscribe");

        final ObjectMapper json = new ObjectMapper();
        final Map<Integer, TreeMap<Long, Long>> bids = new HashMap<>();
        final Map<Integer, TreeMap<Long, Long>> asks = new HashMap<>();
        for (String line : recording()) {
            server.sendRaw(line);
            final JsonNode m = json.readTree(line);
            final int id = instruments.idOfProduct(m.get("product_id").asText());
            final TreeMap<Long, Long> b = bids.computeIfAbsent(id, k -> new TreeMap<>());
            final TreeMap<Long, Long> a = asks.computeIfAbsent(id, k -> new TreeMap<>());
            if ("snapshot".equals(m.get("type").asText())) {
                b.clear();
                a.clear();
                m.get("bids").forEach(l -> ExchangeLevel2RecordingTest.put(b, l.get(0), l.get(1)));
                m.get("asks").forEach(l -> ExchangeLevel2RecordingTest.put(a, l.get(0), l.get(1)));
            } else {
                m.get("changes").forEach(c -> ExchangeLevel2RecordingTest.put("buy".equals(c.get(0).asText()) ? b : a,
                    c.get(1), c.get(2)));
            }
        }
        server.trades("SKL-USD", 1, 1); // after every level2 message: once it is on the ring, all were applied
        FeedClientTest.await(() -> !ring.trades().isEmpty(), "the trade after the recording");

        final Map<Integer, Quote> lastQuote = new HashMap<>();
        for (MarketEvent e : ring.ofType(EventType.QUOTE)) {
            lastQuote.put(e.instrumentId, e.quote);
        }
        for (Instrument i : instruments.all()) {
            final Level2Book book = client.books().book(i.id());
            assertThat(book.valid()).as(i.productId()).isTrue();
            BookSideTest.assertSame(bids.get(i.id()), book.bids, true, i.productId() + " bids");
            BookSideTest.assertSame(asks.get(i.id()), book.asks, false, i.productId() + " asks");
            final TreeMap<Long, Long> b = bids.get(i.id());
            final TreeMap<Long, Long> a = asks.get(i.id());
            if (b.isEmpty() || a.isEmpty() || b.lastKey() < a.firstKey()) {
                ExchangeLevel2RecordingTest.assertTopEquals(b, a, lastQuote.get(i.id()), i.productId() + " quote");
            }
        }
        assertThat(client.books().snapshots()).as("the server's empty ones on subscribe, then the recording's")
            .isEqualTo(20);
        assertThat(client.stats().rejectsTotal()).as("nothing rejected").isZero();
    }

    @Test
    void shouldRebuildAnExchangeBookWithNoStaleLevelWhenTheSocketDropsInTheMiddleOfIt() {
        final ScriptedCoinbaseServer server = toClose.add(new ScriptedCoinbaseServer(100, true));
        server.book(BTC, "bid", "100:1,99:2,98:3");
        server.book(BTC, "offer", "101:1,102:2,103:3");
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = toClose.add(new FeedClient(config(server.url()), Instruments.of(List.of("BTC",
            "ETH"), "USD"), ring.publisher, System::nanoTime, 42));
        client.start();
        awaitTop(ring, server);
        server.book(BTC, "bid", "100.5:1"); // an l2update on the first connection
        server.book(BTC, "offer", "102:0");
        awaitTop(ring, server);
        assertBookEquals(client, server);
        assertThat(client.books().book(0).bids.sizeAt(FixedPoint.parse("100.5"))).isEqualTo(FixedPoint.parse("1"));

        server.holdSnapshot("level2_batch", BTC);
        server.dropConnection();
        server.book(BTC, "bid", "100.5:0,100:0,97:5"); // while the client is away: deletes it never sees
        server.book(BTC, "offer", "101:0,103:0,100.8:2");
        awaitQuote(ring, q -> q.bidLevels == 0 && q.askLevels == 0 && client.stats().connects() == 2,
            "the empty quote of the reconnect");
        assertThat(client.books().book(0).valid()).as("waiting for the new snapshot").isFalse();
        assertThat(client.books().book(0).bids.levels()).as("nothing kept from before").isZero();
        server.releaseSnapshot("level2_batch", BTC);
        awaitTop(ring, server);
        assertBookEquals(client, server);
        for (String stale : List.of("100.5", "100")) {
            assertThat(client.books().book(0).bids.sizeAt(FixedPoint.parse(stale))).as("stale bid " + stale).isZero();
        }
        assertThat(client.books().book(0).asks.sizeAt(FixedPoint.parse("103"))).as("stale ask").isZero();
        assertThat(client.books().rebuilds()).as("the valid book was discarded on the drop").isPositive();
        assertThat(client.stats().rejectsTotal()).as("nothing rejected").isZero();
    }

    /** Level2 on over the Exchange protocol; the rest as {@link FeedClientLevel2Test#config}. */
    static FeedConfig config(String url) {
        return new FeedConfig(FeedSourceKind.COINBASE, ConfigNode.named(FeedProtocol.class, "exchange", "protocol"),
            url, 2_000, 20, 200, 1 << 20, 10, 4_096, 1.0, 42, 0, "", "", 0.1,
            new Level2Config(true, 16 << 20, 200_000));
    }

    private static List<String> recording() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
            FeedClientExchangeLevel2Test.class.getResourceAsStream("/feed/coinbase-exchange-level2.jsonl.gz")),
            StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static void awaitTop(TestRing ring, ScriptedCoinbaseServer server) {
        final long bid = server.bookLevels(BTC, "bid").get(0)[0];
        final long ask = server.bookLevels(BTC, "offer").get(0)[0];
        awaitQuote(ring, q -> q.bidLevels > 0 && q.askLevels > 0 && q.bestBidE8() == bid && q.bestAskE8() == ask,
            "top " + FixedPoint.format(bid) + " / " + FixedPoint.format(ask));
    }

    private static void awaitQuote(TestRing ring, Predicate<Quote> match, String what) {
        FeedClientTest.await(() -> {
            final List<MarketEvent> quotes = ring.ofType(EventType.QUOTE);
            for (int i = quotes.size() - 1; i >= 0; i--) {
                if (quotes.get(i).instrumentId == 0) {
                    return match.test(quotes.get(i).quote);
                }
            }
            return false;
        }, what);
    }

    private static void assertBookEquals(FeedClient client, ScriptedCoinbaseServer server) {
        final Level2Book book = client.books().book(0);
        assertThat(book.valid()).isTrue();
        for (String side : List.of("bid", "offer")) {
            final List<long[]> expected = server.bookLevels(BTC, side);
            final BookSide actual = side.equals("bid") ? book.bids : book.asks;
            assertThat(actual.levels()).as(side + " levels").isEqualTo(expected.size());
            for (int rank = 0; rank < expected.size(); rank++) {
                assertThat(new long[] {actual.priceE8(rank), actual.sizeE8(rank)}).as(side + " rank " + rank)
                    .containsExactly(expected.get(rank));
            }
        }
    }
}

package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.config.FeedConfig;
import io.ringtrader.config.FeedProtocol;
import io.ringtrader.config.FeedSourceKind;
import io.ringtrader.config.Level2Config;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.metrics.Counters;
import io.ringtrader.metrics.LatencyTracker;
import io.ringtrader.metrics.MetricsEndpoint;
import io.ringtrader.metrics.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The level2 path through a real {@link FeedClient} and a real WebSocket server on loopback: snapshots above the
 * 1 MiB frame cap, a sequence gap, a dropped socket in the middle of a book, and the books' health on
 * {@code /metrics}. The test thread reads a book only after it saw the quote published after the change (the ring's
 * cursor orders the I/O thread's writes before it) and while the server sends no more level2 changes.
 */
@Timeout(60)
class FeedClientLevel2Test {
    private static final String BTC = "BTC-USD";

    @AutoClose
    private final Closeables toClose = new Closeables();

    @Test
    void shouldApplyASnapshotLargerThanOneMebibyteAndMatchItLevelForLevel() {
        final ScriptedCoinbaseServer server = server();
        final int levels = 6_000;
        server.book(BTC, "bid", ladder(65_000_00, -1, levels, "0.5"));
        server.book(BTC, "offer", ladder(65_000_01, 1, levels, "0.25"));
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = client(server, ring, "BTC", "ETH");
        client.start();
        awaitTop(ring, 0, server);
        assertThat(server.snapshotBytes(BTC)).as("the snapshot frame").isGreaterThan(1 << 20);
        assertBookEquals(client, 0, server, BTC);
        assertThat(client.books().book(0).bids.levels()).isEqualTo(levels);
        assertThat(client.stats().rejectsTotal()).as("nothing rejected").isZero();
    }

    @Test
    void shouldResubscribeAfterASequenceGapAndRebuildTheBookFromTheFreshSnapshot() {
        final ScriptedCoinbaseServer server = server();
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = startWithBook(server, ring, "100:1,99:2,98:3", "101:1,102:2");
        server.skipSequence(3); // frames lost: the next one jumps
        server.book(BTC, "bid", "100:0,99.5:4"); // the jumping frame itself: applied to a lost book, ignored
        server.book(BTC, "bid", "98:0");         // a level only the old book had
        awaitTop(ring, 0, server);
        assertBookEquals(client, 0, server, BTC);
        assertThat(client.books().book(0).bids.sizeAt(FixedPoint.parse("98"))).as("no stale level").isZero();
        assertThat(client.stats().booksResubscribes()).as("level2 resubscribed on the gap").isEqualTo(1);
        assertThat(client.stats().gaps()).isEqualTo(1);
        assertThat(client.stats().reconnects()).as("the connection stays").isZero();
        assertThat(client.books().rebuilds()).as("both books were discarded").isEqualTo(2);
    }

    @Test
    void shouldRebuildTheBookWithNoStaleLevelWhenTheSocketDropsInTheMiddleOfIt() {
        final ScriptedCoinbaseServer server = server();
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = startWithBook(server, ring, "100:1,99:2,98:3", "101:1,102:2,103:3");
        server.book(BTC, "bid", "100.5:1");
        awaitTop(ring, 0, server);
        server.holdSnapshot("level2", BTC);
        server.dropConnection();
        server.book(BTC, "bid", "100.5:0,100:0,97:5"); // while the client is away: deletes it never sees
        server.book(BTC, "offer", "101:0,103:0,100.8:2");
        awaitQuote(ring, 0, q -> q.bidLevels == 0 && q.askLevels == 0 && client.stats().connects() == 2,
            "the empty quote of the reconnect");
        assertThat(client.books().book(0).valid()).as("waiting for the new snapshot").isFalse();
        assertThat(client.books().book(0).bids.levels()).as("nothing kept from before").isZero();
        server.releaseSnapshot("level2", BTC);
        awaitTop(ring, 0, server);
        assertBookEquals(client, 0, server, BTC);
        for (String stale : List.of("100.5", "100")) {
            assertThat(client.books().book(0).bids.sizeAt(FixedPoint.parse(stale))).as("stale bid " + stale).isZero();
        }
        assertThat(client.books().book(0).asks.sizeAt(FixedPoint.parse("103"))).as("stale ask").isZero();
    }

    @Test
    void shouldServeACrossedBookAndTheBooksHealthOnMetrics() throws Exception {
        final ScriptedCoinbaseServer server = server();
        server.book(BTC, "bid", "100:1");
        server.book(BTC, "offer", "101:1");
        server.book("ETH-USD", "bid", "10:1");
        server.book("ETH-USD", "offer", "11:1");
        final TestRing ring = new TestRing(1 << 12, 2);
        final FeedClient client = client(server, ring, "BTC", "ETH");
        final Counters counters = new Counters();
        Level2Books.registerCounters(counters, client::books);
        final MetricsEndpoint endpoint = MetricsEndpoint.start(0, counters, new LatencyTracker("end_to_end"));
        toClose.add(endpoint);
        client.start();
        awaitTop(ring, 0, server);
        awaitTop(ring, 1, server);
        server.book(BTC, "offer", "99:1"); // the ask below the bid: crossed
        awaitQuote(ring, 0, q -> q.askLevels == 0, "the empty quote of the crossed book");
        final String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        PrometheusText.assertValid(body);
        assertThat(body).contains("# TYPE ringtrader_level2_crossed_total counter")
            .contains("ringtrader_level2_crossed_total 1.0")
            .contains("# TYPE ringtrader_level2_books_valid gauge")
            .contains("ringtrader_level2_books_valid 2.0")
            .contains("ringtrader_level2_books 2.0")
            .contains("ringtrader_level2_snapshots_total 2.0")
            .contains("ringtrader_level2_rebuilds_total 0.0")
            .contains("ringtrader_level2_updates_ignored_total 0.0");
    }

    // ---- helpers ----

    private ScriptedCoinbaseServer server() {
        final ScriptedCoinbaseServer server = new ScriptedCoinbaseServer(100);
        return toClose.add(server);
    }

    private FeedClient client(ScriptedCoinbaseServer server, TestRing ring, String... symbols) {
        final FeedClient client = new FeedClient(config(server.url()), Instruments.of(List.of(symbols), "USD"),
            ring.publisher, System::nanoTime, 42);
        return toClose.add(client);
    }

    /** A BTC and ETH client whose BTC book, {@code bids} and {@code asks}, has arrived. */
    private FeedClient startWithBook(ScriptedCoinbaseServer server, TestRing ring, String bids, String asks) {
        server.book(BTC, "bid", bids);
        server.book(BTC, "offer", asks);
        final FeedClient client = client(server, ring, "BTC", "ETH");
        client.start();
        awaitTop(ring, 0, server);
        return client;
    }

    /** Level2 on, trades and the rest capped at 1 MiB, level2 messages at 16 MiB (the defaults). */
    static FeedConfig config(String url) {
        return new FeedConfig(FeedSourceKind.COINBASE, ConfigNode.named(FeedProtocol.class, "advanced-trade",
            "protocol"), url, 2_000, 20, 200, 1 << 20, 10, 4_096, 1.0, 42, 0, "", "", 0.1,
            new Level2Config(true, 16 << 20, 200_000));
    }

    /** {@code n} levels "price:size" from {@code startCents} stepping one cent by {@code step}. */
    private static String ladder(long startCents, int step, int n, String size) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(FixedPoint.format((startCents + (long) step * i) * 1_000_000L))
                .append(':').append(size);
        }
        return sb.toString();
    }

    /** Waits for a quote of {@code id} whose best bid and ask are the server's. */
    private static void awaitTop(TestRing ring, int id, ScriptedCoinbaseServer server) {
        final String product = id == 0 ? BTC : "ETH-USD";
        final long bid = server.bookLevels(product, "bid").get(0)[0];
        final long ask = server.bookLevels(product, "offer").get(0)[0];
        awaitQuote(ring, id, q -> q.bidLevels > 0 && q.askLevels > 0 && q.bestBidE8() == bid && q.bestAskE8() == ask,
            product + " top " + FixedPoint.format(bid) + " / " + FixedPoint.format(ask));
    }

    private static void awaitQuote(TestRing ring, int id, Predicate<io.ringtrader.event.Quote> match, String what) {
        FeedClientTest.await(() -> {
            final List<MarketEvent> quotes = ring.ofType(EventType.QUOTE);
            for (int i = quotes.size() - 1; i >= 0; i--) {
                if (quotes.get(i).instrumentId == id) {
                    return match.test(quotes.get(i).quote);
                }
            }
            return false;
        }, what);
    }

    private static void assertBookEquals(FeedClient client, int id, ScriptedCoinbaseServer server, String product) {
        final Level2Book book = client.books().book(id);
        assertThat(book.valid()).isTrue();
        assertSideEquals(book.bids, server.bookLevels(product, "bid"), product + " bids");
        assertSideEquals(book.asks, server.bookLevels(product, "offer"), product + " asks");
    }

    private static void assertSideEquals(BookSide side, List<long[]> expected, String what) {
        assertThat(side.levels()).as(what + ": levels").isEqualTo(expected.size());
        for (int rank = 0; rank < expected.size(); rank++) {
            assertThat(new long[] {side.priceE8(rank), side.sizeE8(rank)}).as(what + " rank " + rank)
                .containsExactly(expected.get(rank));
        }
    }
}

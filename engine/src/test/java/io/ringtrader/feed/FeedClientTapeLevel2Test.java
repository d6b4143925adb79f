package io.ringtrader.feed;

import static io.ringtrader.feed.ExchangeLevel2RecordingTest.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FeedStatus;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Quote;
import io.ringtrader.exchange.ExchangeOptions;
import io.ringtrader.exchange.LoopbackExchange;
import io.ringtrader.exchange.TapeSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tapes that carry level2 frames, served by the built-in exchange ({@link TapeSource} behind a
 * {@link LoopbackExchange} on loopback) to a real {@link FeedClient} that subscribed level2: the client's books
 * end equal to an independent reconstruction of the tape's frames (Jackson and TreeMaps), the last quote of each
 * product is its top of book, and every trade of the tape reached the ring. One tape is the real Coinbase Exchange
 * recording ({@code snapshot} + {@code l2update} + {@code match}, see {@code feed/NOTICE.md}); the other is in
 * Advanced Trade shapes ({@code l2_data}) with a snapshot above the 1 MiB cap of the other channels. The books are
 * read after the client saw the end of the session (the I/O thread wrote them before publishing that status).
 */
@Timeout(60)
class FeedClientTapeLevel2Test {
    private static final String[] EXCHANGE_PRODUCTS = {"SKL-USD", "SKL-BTC", "SKL-GBP", "BAND-GBP", "BAND-BTC",
        "NMR-EUR", "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR"};
    private final ObjectMapper json = new ObjectMapper();

    @AutoClose
    private final Closeables toClose = new Closeables();

    @Test
    void shouldBuildTheBooksOfARealExchangeTapeServedByTheLoopbackExchange() throws Exception {
        final List<String> lines = new ArrayList<>(resourceLines("/feed/coinbase-exchange-level2.jsonl.gz"));
        lines.addAll(resourceLines("/feed/coinbase-exchange-matches.jsonl"));
        // one tape in time order, as recorded on one connection (untimed snapshots first)
        lines.sort(Comparator.comparing(l -> timeOf(l)));
        final Instruments instruments = DecoderFixture.instruments(EXCHANGE_PRODUCTS);
        final Reconstruction expected = reconstruct(instruments, lines);

        final TestRing ring = new TestRing(1 << 16, instruments.size());
        final FeedClient client = serveTape(instruments, String.join("\n", lines), ring);

        assertThat(expected.snapshots).isEqualTo(10);
        assertBooksEqual(client, instruments, expected, ring);
        assertThat(ring.ofType(EventType.TRADE)).as("every match of the tape").hasSize(expected.trades);
        assertThat(client.books().snapshots()).isEqualTo(10);
        assertThat(client.stats().rejectsTotal()).as("nothing rejected").isZero();
    }

    @Test
    void shouldServeAnAdvancedTradeTapeWithASnapshotAboveOneMebibyte() throws Exception {
        final Instruments instruments = DecoderFixture.instruments("BTC-USD", "ETH-USD");
        final StringBuilder tape = new StringBuilder();
        tape.append(tradesFrame("snapshot", "2026-01-05T00:00:01.5Z", 0, "BTC-USD", 1, "100.5")).append('\n');
        tape.append(tradesFrame("snapshot", "2026-01-05T00:00:01.6Z", 1, "ETH-USD", 7, "10.5")).append('\n');
        final StringBuilder bids = new StringBuilder();
        final StringBuilder asks = new StringBuilder();
        for (int i = 0; i < 8_000; i++) {
            bids.append(i == 0 ? "" : ",").append(level("bid", 10_000 - i, "0.5"));
            asks.append(i == 0 ? "" : ",").append(level("offer", 10_001 + i, "0.25"));
        }
        tape.append(l2Frame("snapshot", "2026-01-05T00:00:02Z", 2, "BTC-USD", bids + "," + asks)).append('\n');
        tape.append(l2Frame("snapshot", "2026-01-05T00:00:02Z", 3, "ETH-USD",
            level("bid", 1_000, "3") + "," + level("offer", 1_001, "4"))).append('\n');
        tape.append(tradesFrame("update", "2026-01-05T00:00:03Z", 4, "BTC-USD", 2, "100.01")).append('\n');
        tape.append(l2Frame("update", "2026-01-05T00:00:04Z", 5, "BTC-USD",
            level("bid", 10_000, "0") + "," + level("bid", 10_000 - 1, "7") + "," + level("offer", 10_000 + 1, "0")
                + "," + level("offer", 10_000 + 2, "1.5"))).append('\n');
        tape.append(l2Frame("update", "2026-01-05T00:00:05Z", 6, "ETH-USD",
            level("bid", 1_000, "0") + "," + level("bid", 999, "2"))).append('\n');
        tape.append(tradesFrame("update", "2026-01-05T00:01:10Z", 7, "ETH-USD", 8, "10.01")).append('\n');
        final List<String> lines = List.of(tape.toString().split("\n"));
        final Reconstruction expected = reconstruct(instruments, lines);
        assertThat(lines.get(2).length()).as("the snapshot frame").isGreaterThan(1 << 20);

        final TestRing ring = new TestRing(1 << 14, instruments.size());
        final FeedClient client = serveTape(instruments, tape.toString(), ring);

        assertBooksEqual(client, instruments, expected, ring);
        assertThat(client.books().book(0).bids.levels()).isEqualTo(7_999);
        assertThat(client.books().book(0).bids.priceE8(0)).isEqualTo(FixedPoint.parse("99.99"));
        assertThat(client.books().book(0).asks.priceE8(0)).isEqualTo(FixedPoint.parse("100.02"));
        assertThat(client.books().book(1).bids.priceE8(0)).isEqualTo(FixedPoint.parse("9.99"));
        assertThat(ring.ofType(EventType.TRADE)).as("every trade of the tape").hasSize(4);
        assertThat(client.stats().rejectsTotal()).as("nothing rejected").isZero();
    }

    // ---- the tape through the exchange and the client ----

    private FeedClient serveTape(Instruments instruments, String tape, TestRing ring) throws InterruptedException {
        final TapeSource source = new TapeSource(instruments, new BufferedReader(new StringReader(tape)));
        // the market clock waits a little for the level2 subscribe, paced after the trades one
        final LoopbackExchange exchange = toClose.add(new LoopbackExchange(instruments, source,
            ExchangeOptions.defaults().withSpeed(0).withStartDelayMs(500)));
        exchange.start();
        final FeedClient client = toClose.add(new FeedClient(FeedClientLevel2Test.config(exchange.url()),
            instruments, ring.publisher, System::nanoTime, 42));
        client.start();
        FeedClientTest.await(() -> ring.hasStatus(FeedStatus.END_OF_FEED), "the end of the session");
        assertThat(source.level2Events()).as("level2 events of the tape").isPositive();
        return client;
    }

    private void assertBooksEqual(FeedClient client, Instruments instruments, Reconstruction expected,
                                  TestRing ring) {
        final Map<Integer, Quote> lastQuote = new HashMap<>();
        for (MarketEvent e : ring.ofType(EventType.QUOTE)) {
            lastQuote.put(e.instrumentId, e.quote);
        }
        for (Instrument i : instruments.all()) {
            final int id = i.id();
            final Level2Book book = client.books().book(id);
            assertThat(book.valid()).as(i.productId() + " book valid").isTrue();
            BookSideTest.assertSame(expected.bids.get(id), book.bids, true, i.productId() + " bids");
            BookSideTest.assertSame(expected.asks.get(id), book.asks, false, i.productId() + " asks");
            final TreeMap<Long, Long> b = expected.bids.get(id);
            final TreeMap<Long, Long> a = expected.asks.get(id);
            if (b.isEmpty() || a.isEmpty() || b.lastKey() < a.firstKey()) {
                ExchangeLevel2RecordingTest.assertTopEquals(b, a, lastQuote.get(id), i.productId() + " last quote");
            }
        }
    }

    // ---- an independent reading of the tape ----

    /** Every product's final book and the tape's trade count, read with Jackson into TreeMaps. */
    private static final class Reconstruction {
        final Map<Integer, TreeMap<Long, Long>> bids = new HashMap<>();
        final Map<Integer, TreeMap<Long, Long>> asks = new HashMap<>();
        int snapshots;
        int trades;
    }

    private Reconstruction reconstruct(Instruments instruments, List<String> lines) throws IOException {
        final Reconstruction r = new Reconstruction();
        for (Instrument i : instruments.all()) {
            r.bids.put(i.id(), new TreeMap<>());
            r.asks.put(i.id(), new TreeMap<>());
        }
        for (String line : lines) {
            final JsonNode m = json.readTree(line);
            final String type = m.path("type").asText();
            if (type.equals("match") || type.equals("last_match")) {
                r.trades++;
            } else if (type.equals("snapshot") || type.equals("l2update")) {
                final int id = instruments.idOfProduct(m.get("product_id").asText());
                if (type.equals("snapshot")) {
                    r.snapshots++;
                    r.bids.get(id).clear();
                    r.asks.get(id).clear();
                    m.get("bids").forEach(l -> put(r.bids.get(id), l.get(0), l.get(1)));
                    m.get("asks").forEach(l -> put(r.asks.get(id), l.get(0), l.get(1)));
                } else {
                    m.get("changes").forEach(c -> put("buy".equals(c.get(0).asText()) ? r.bids.get(id)
                        : r.asks.get(id), c.get(1), c.get(2)));
                }
            } else if ("market_trades".equals(m.path("channel").asText())) {
                m.get("events").forEach(e -> r.trades += e.get("trades").size());
            } else if ("l2_data".equals(m.path("channel").asText())) {
                for (JsonNode e : m.get("events")) {
                    final int id = instruments.idOfProduct(e.get("product_id").asText());
                    if ("snapshot".equals(e.get("type").asText())) {
                        r.snapshots++;
                        r.bids.get(id).clear();
                        r.asks.get(id).clear();
                    }
                    e.get("updates").forEach(u -> put("bid".equals(u.get("side").asText()) ? r.bids.get(id)
                        : r.asks.get(id), u.get("price_level"), u.get("new_quantity")));
                }
            }
        }
        return r;
    }

    // ---- tape lines ----

    private String timeOf(String line) {
        try {
            return json.readTree(line).path("time").asText("");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream raw = FeedClientTapeLevel2Test.class.getResourceAsStream(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(name.endsWith(".gz")
                 ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** A level {@code cents / 100} of {@code side}. */
    private static String level(String side, long cents, String size) {
        return "{\"side\":\"" + side + "\",\"event_time\":\"2026-01-05T00:00:02Z\",\"price_level\":\""
            + FixedPoint.format(cents * 1_000_000L) + "\",\"new_quantity\":\"" + size + "\"}";
    }

    private static String l2Frame(String type, String time, long sequence, String product, String levels) {
        return "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"" + time + "\",\"sequence_num\":"
            + sequence + ",\"events\":[{\"type\":\"" + type + "\",\"product_id\":\"" + product + "\",\"updates\":["
            + levels + "]}]}";
    }

    private static String tradesFrame(String type, String time, long sequence, String product, long id,
                                      String price) {
        return "{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"" + time + "\",\"sequence_num\":"
            + sequence + ",\"events\":[{\"type\":\"" + type + "\",\"trades\":[" + Frames.trade(product, id, price,
            "0.5", time, "BUY") + "]}]}";
    }
}

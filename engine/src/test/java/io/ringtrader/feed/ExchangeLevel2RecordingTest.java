package io.ringtrader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.EventType;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Quote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Coinbase Exchange level2 recording (10 products, their snapshots and 9,719 l2update messages; see
 * {@code feed/NOTICE.md}) through the Exchange decoder: after every message the product's book, and the quote it
 * published, equal an independent reconstruction built with Jackson and TreeMaps.
 */
class ExchangeLevel2RecordingTest {
    private static final String[] PRODUCTS = {"SKL-USD", "SKL-BTC", "SKL-GBP", "BAND-GBP", "BAND-BTC", "NMR-EUR",
        "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR"};
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Timeout(60)
    void shouldMatchAnIndependentBookAfterEveryMessage() throws IOException {
        final DecoderFixture f = DecoderFixture.withBooks("exchange", 1 << 16, PRODUCTS);
        final Map<Integer, TreeMap<Long, Long>> bids = new HashMap<>();
        final Map<Integer, TreeMap<Long, Long>> asks = new HashMap<>();
        final Map<Integer, Quote> lastQuote = new HashMap<>();
        int messages = 0;
        int updates = 0;
        int crossings = 0;
        final boolean[] wasCrossed = new boolean[PRODUCTS.length];
        for (String line : lines()) {
            f.decode(line);
            final JsonNode m = json.readTree(line);
            final int id = f.instruments.idOfProduct(m.get("product_id").asText());
            final TreeMap<Long, Long> b = bids.computeIfAbsent(id, k -> new TreeMap<>());
            final TreeMap<Long, Long> a = asks.computeIfAbsent(id, k -> new TreeMap<>());
            if ("snapshot".equals(m.get("type").asText())) {
                b.clear();
                a.clear();
                m.get("bids").forEach(l -> put(b, l.get(0), l.get(1)));
                m.get("asks").forEach(l -> put(a, l.get(0), l.get(1)));
            } else {
                for (JsonNode c : m.get("changes")) {
                    put("buy".equals(c.get(0).asText()) ? b : a, c.get(1), c.get(2));
                    updates++;
                }
            }
            messages++;
            final Level2Book book = f.books.book(id);
            assertTrue(book.valid(), "message " + messages);
            BookSideTest.assertSame(b, book.bids, true, PRODUCTS[id] + " bids after message " + messages);
            BookSideTest.assertSame(a, book.asks, false, PRODUCTS[id] + " asks after message " + messages);
            for (MarketEvent e : f.ring.drainNew()) {
                if (e.type == EventType.QUOTE) {
                    final Quote q = new Quote();
                    q.copyFrom(e.quote);
                    lastQuote.put(e.instrumentId, q);
                }
            }
            final boolean crossed = !b.isEmpty() && !a.isEmpty() && b.lastKey() >= a.firstKey();
            crossings += crossed && !wasCrossed[id] ? 1 : 0;
            wasCrossed[id] = crossed;
            final Quote q = lastQuote.get(id);
            if (crossed) {
                assertEquals(0, q.bidLevels + q.askLevels, "a crossed book quotes nothing");
            } else {
                assertTopEquals(b, a, q, PRODUCTS[id] + " quote after message " + messages);
            }
        }
        assertEquals(9_729, messages);
        assertEquals(9_719, countUpdates(), "l2update messages in the recording");
        assertTrue(updates >= 9_719);
        assertEquals(10, f.books.snapshots());
        assertEquals(crossings, f.books.crossings(), "crossed books detected");
        assertEquals(0, f.stats.rejectsTotal(), "every message decodes");
    }

    @Test
    void topCheckerShouldFailOnAWrongQuote() {
        final TreeMap<Long, Long> b = new TreeMap<>(Map.of(100L, 1L));
        final TreeMap<Long, Long> a = new TreeMap<>(Map.of(101L, 1L));
        final Quote q = new Quote();
        q.bidLevels = 1;
        q.askLevels = 1;
        q.bidPriceE8[0] = 100;
        q.bidSizeE8[0] = 1;
        q.askPriceE8[0] = 102;
        q.askSizeE8[0] = 1;
        boolean failed = false;
        try {
            assertTopEquals(b, a, q, "wrong ask");
        } catch (AssertionError expected) {
            failed = true;
        }
        assertTrue(failed);
    }

    static void assertTopEquals(TreeMap<Long, Long> bids, TreeMap<Long, Long> asks, Quote q, String where) {
        assertEquals(Math.min(Quote.DEPTH, bids.size()), q.bidLevels, where + ": bid levels");
        assertEquals(Math.min(Quote.DEPTH, asks.size()), q.askLevels, where + ": ask levels");
        int i = 0;
        for (Map.Entry<Long, Long> e : bids.descendingMap().entrySet()) {
            if (i == Quote.DEPTH) {
                break;
            }
            assertEquals(e.getKey(), q.bidPriceE8[i], where + ": bid " + i);
            assertEquals(e.getValue(), q.bidSizeE8[i++], where + ": bid size");
        }
        i = 0;
        for (Map.Entry<Long, Long> e : asks.entrySet()) {
            if (i == Quote.DEPTH) {
                break;
            }
            assertEquals(e.getKey(), q.askPriceE8[i], where + ": ask " + i);
            assertEquals(e.getValue(), q.askSizeE8[i++], where + ": ask size");
        }
    }

    static void put(TreeMap<Long, Long> side, JsonNode price, JsonNode size) {
        final long p = new java.math.BigDecimal(price.asText()).movePointRight(8).longValueExact();
        final long s = new java.math.BigDecimal(size.asText()).movePointRight(8).longValueExact();
        if (s == 0) {
            side.remove(p);
        } else {
            side.put(p, s);
        }
    }

    private int countUpdates() throws IOException {
        int n = 0;
        for (String line : lines()) {
            n += line.startsWith("{\"type\":\"l2update\"") ? 1 : 0;
        }
        return n;
    }

    static List<String> lines() throws IOException {
        final List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
            ExchangeLevel2RecordingTest.class.getResourceAsStream("/feed/coinbase-exchange-level2.jsonl.gz")),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}

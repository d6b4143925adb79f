package io.ringtrader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Quote;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Level2 frames in Coinbase's shapes (synthetic prices and sizes) through both decoders: snapshots, absolute
 * updates, deletes, one quote per changed top per frame, and the book discarded and rebuilt from the next snapshot
 * after a sequence gap, a reconnect or a broken level, with no level from before.
 */
class Level2DecoderTest {
    private static final String T0 = "2026-01-05T00:00:01.5Z";
    private static final byte[] SEQUENCE_KEY = "\"sequence_num\":".getBytes(StandardCharsets.US_ASCII);

    static String atSnapshot(long seq, String product, String bids, String asks) {
        return "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":" + seq
            + ",\"events\":[{\"type\":\"snapshot\",\"product_id\":\"" + product + "\",\"updates\":["
            + levels("bid", bids) + (bids.isEmpty() || asks.isEmpty() ? "" : ",") + levels("offer", asks) + "]}]}";
    }

    static String atUpdate(long seq, String product, String side, String levels) {
        return "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"" + T0 + "\",\"sequence_num\":" + seq
            + ",\"events\":[{\"type\":\"update\",\"product_id\":\"" + product + "\",\"updates\":["
            + levels(side, levels) + "]}]}";
    }

    /** "p:s,p:s" to Advanced Trade level objects. */
    private static String levels(String side, String levels) {
        if (levels.isEmpty()) {
            return "";
        }
        final StringBuilder sb = new StringBuilder();
        for (String l : levels.split(",")) {
            final String[] ps = l.split(":");
            sb.append(sb.length() == 0 ? "" : ",").append("{\"side\":\"").append(side)
                .append("\",\"event_time\":\"2026-01-05T00:00:01.4Z\",\"price_level\":\"").append(ps[0])
                .append("\",\"new_quantity\":\"").append(ps[1]).append("\"}");
        }
        return sb.toString();
    }

    @Test
    void shouldBuildTheBookFromASnapshotAndAbsoluteUpdates() {
        final DecoderFixture f = DecoderFixture.withBooks("advanced-trade", 1 << 12, "BTC-USD", "ETH-USD");
        f.ring.drainNew();
        f.decode(atSnapshot(1, "BTC-USD", "100.00:1,99.50:2,99.00:3", "100.50:4,101.00:5"));
        final Level2Book book = f.books.book(0);
        assertTrue(book.valid());
        assertEquals(3, book.bids.levels());
        f.decode(atUpdate(2, "BTC-USD", "bid", "100.00:0,99.75:0.5"));  // delete the best, add one behind
        f.decode(atUpdate(3, "BTC-USD", "offer", "100.50:1.25"));       // absolute, not a delta
        assertEquals(FixedPoint.parse("99.75"), book.bids.priceE8(0));
        assertEquals(FixedPoint.parse("1.25"), book.asks.sizeE8(0));
        final List<MarketEvent> quotes = quotes(f);
        assertEquals(3, quotes.size(), "one quote per frame that changed the top");
        final MarketEvent last = quotes.get(2);
        assertEquals(EventType.QUOTE, last.type);
        assertEquals(0, last.instrumentId);
        assertEquals(FixedPoint.parse("99.75"), last.quote.bestBidE8());
        assertEquals(FixedPoint.parse("100.50"), last.quote.bestAskE8());
        assertEquals(3, last.quote.bidLevels);
        assertEquals(3, last.feedSequence);
        f.decode(atUpdate(4, "BTC-USD", "bid", "90.00:7"));  // behind the top 5? no: 4th level, top changed
        f.decode(atUpdate(5, "BTC-USD", "bid", "80.00:7,70.00:1,60.00:1"));
        final int before = quotes(f).size();
        f.decode(atUpdate(6, "BTC-USD", "bid", "50.00:1"));  // 7th level: the top 5 did not change
        assertEquals(before, quotes(f).size(), "a change deep in the book puts nothing on the ring");
    }

    /**
     * Only a change in the top {@link Quote#DEPTH} levels can change the quote: for a change (resize, delete,
     * insert) at every rank of a ten-level side, a quote goes out exactly when the published top differs, and it
     * always equals the book's top.
     */
    @Test
    void shouldQuoteExactlyTheChangesThatReachTheTopLevels() {
        final DecoderFixture f = DecoderFixture.withBooks("advanced-trade", 1 << 12, "BTC-USD");
        final String bids = "100:1,99:1,98:1,97:1,96:1,95:1,94:1,93:1,92:1,91:1";
        long seq = 1;
        for (int rank = 0; rank < 10; rank++) {
            final String price = Integer.toString(100 - rank);
            final String inserted = (100 - rank) + ".5"; // lands at this rank
            for (String change : List.of(price + ":2", price + ":0", inserted + ":3")) {
                f.decode(atSnapshot(seq++, "BTC-USD", bids, "101:1"));
                final Quote before = new Quote();
                f.books.book(0).topInto(before);
                f.ring.drainNew();
                f.decode(atUpdate(seq++, "BTC-USD", "bid", change));
                final Quote after = new Quote();
                f.books.book(0).topInto(after);
                final List<MarketEvent> quotes = f.ring.drainNew().stream()
                    .filter(e -> e.type == EventType.QUOTE).toList();
                final boolean reachesTop = rank < Quote.DEPTH;
                assertEquals(!after.sameAs(before), reachesTop, "rank " + rank + " change " + change);
                assertEquals(reachesTop ? 1 : 0, quotes.size(), "rank " + rank + " change " + change);
                if (reachesTop) {
                    assertTrue(quotes.get(0).quote.sameAs(after), "the quote is the book's top");
                }
            }
        }
    }

    @Test
    void shouldDiscardTheBooksOnASequenceGapAndRebuildFromTheNextSnapshot() {
        final DecoderFixture f = DecoderFixture.withBooks("advanced-trade", 1 << 12, "BTC-USD", "ETH-USD");
        f.decode(atSnapshot(1, "BTC-USD", "100:1,99:2", "101:1,102:2"));
        f.decode(atSnapshot(2, "ETH-USD", "10:1", "11:1"));
        f.decode(atUpdate(4, "BTC-USD", "bid", "98:3")); // frame 3 lost
        assertEquals(1, f.booksLost, "the connection is asked for fresh snapshots");
        assertFalse(f.books.book(0).valid());
        assertFalse(f.books.book(1).valid());
        assertEquals(0, f.books.book(0).bids.levels(), "no level kept from before the gap");
        final List<MarketEvent> q = quotes(f);
        assertEquals(0, q.get(q.size() - 1).quote.bidLevels, "an empty quote says the book is unknown");
        f.decode(atUpdate(5, "BTC-USD", "bid", "97:1"));
        assertEquals(0, f.books.book(0).bids.levels(), "updates before the snapshot are ignored");
        f.decode(atSnapshot(6, "BTC-USD", "200:1", "201:1"));
        assertTrue(f.books.book(0).valid());
        assertEquals(1, f.books.book(0).bids.levels());
        assertEquals(FixedPoint.parse("200"), f.books.book(0).bids.priceE8(0));
        assertEquals(2, f.books.rebuilds(), "both valid books were discarded");
    }

    @Test
    void shouldRebuildAnExchangeBookAfterAReconnectInTheMiddleOfIt() {
        final DecoderFixture f = DecoderFixture.withBooks("exchange", 1 << 12, "SKL-GBP");
        f.decode("{\"type\":\"snapshot\",\"product_id\":\"SKL-GBP\",\"asks\":[[\"0.5762\",\"2865.9\"],"
            + "[\"0.5767\",\"6327.2\"]],\"bids\":[[\"0.5755\",\"100\"],[\"0.5750\",\"200\"]]}");
        f.decode("{\"type\":\"l2update\",\"product_id\":\"SKL-GBP\",\"changes\":[[\"buy\",\"0.5756\",\"5\"]],"
            + "\"time\":\"2021-04-17T16:43:37.075687Z\"}");
        assertEquals(3, f.books.book(0).bids.levels());
        f.decoder.connectionStarted(); // reconnect in the middle of the book
        assertFalse(f.books.book(0).valid());
        f.decode("{\"type\":\"l2update\",\"product_id\":\"SKL-GBP\",\"changes\":[[\"buy\",\"0.5757\",\"5\"]],"
            + "\"time\":\"2021-04-17T16:43:38Z\"}");
        f.decode("{\"type\":\"snapshot\",\"product_id\":\"SKL-GBP\",\"asks\":[[\"0.6000\",\"1\"]],"
            + "\"bids\":[[\"0.5900\",\"2\"]]}");
        final Level2Book b = f.books.book(0);
        assertTrue(b.valid());
        assertEquals(1, b.bids.levels(), "nothing from before the reconnect");
        assertEquals(1, b.asks.levels());
        assertEquals(0, b.bids.sizeAt(FixedPoint.parse("0.5756")));
        assertEquals(0, b.bids.sizeAt(FixedPoint.parse("0.5757")));
        assertEquals(FixedPoint.parse("0.59"), b.bids.priceE8(0));
    }

    @Test
    void shouldApplyLevelsNamedBeforeTheirProduct() {
        final DecoderFixture f = DecoderFixture.withBooks("advanced-trade", 1 << 12, "BTC-USD");
        f.decode("{\"events\":[{\"updates\":[{\"side\":\"bid\",\"price_level\":\"5\",\"new_quantity\":\"1\"},"
            + "{\"side\":\"offer\",\"price_level\":\"6\",\"new_quantity\":\"2\"}],\"product_id\":\"BTC-USD\","
            + "\"type\":\"snapshot\"}],\"sequence_num\":0,\"timestamp\":\"" + T0 + "\",\"channel\":\"l2_data\"}");
        assertTrue(f.books.book(0).valid());
        assertEquals(FixedPoint.parse("6"), f.books.book(0).asks.priceE8(0));
        final DecoderFixture x = DecoderFixture.withBooks("exchange", 1 << 12, "SKL-GBP");
        x.decode("{\"bids\":[[\"1\",\"2\"]],\"asks\":[[\"3\",\"4\",\"1\"]],\"product_id\":\"SKL-GBP\","
            + "\"type\":\"snapshot\"}");
        assertTrue(x.books.book(0).valid());
        assertEquals(FixedPoint.parse("3"), x.books.book(0).asks.priceE8(0));
    }

    @Test
    void shouldDiscardABookWhoseLevelDoesNotParseAndCountCrossedBooks() {
        final DecoderFixture f = DecoderFixture.withBooks("advanced-trade", 1 << 12, "BTC-USD");
        f.decode(atSnapshot(1, "BTC-USD", "100:1", "101:1"));
        f.decode(atUpdate(2, "BTC-USD", "offer", "99:1")); // the ask below the bid: crossed
        assertEquals(1, f.books.crossings());
        final List<MarketEvent> q = quotes(f);
        assertEquals(0, q.get(q.size() - 1).quote.askLevels, "a crossed book quotes nothing");
        f.decode(atUpdate(3, "BTC-USD", "offer", "99:0"));
        assertEquals(FixedPoint.parse("101"), quotes(f).get(quotes(f).size() - 1).quote.bestAskE8());
        f.decode(atUpdate(4, "BTC-USD", "bid", "NaN:1"));
        assertFalse(f.books.book(0).valid());
        assertEquals(1, f.booksLost);
        assertEquals(1, f.stats.rejects(RejectReason.BAD_PRICE));
        f.decode(atUpdate(5, "BTC-USD", "bid", "100:-1"));
        assertEquals(1, f.stats.rejects(RejectReason.BAD_SIZE));
    }

    @Test
    void shouldApplyASnapshotOf50000LevelsAndThenUpdatesWithoutAllocating() {
        final DecoderFixture f = DecoderFixture.withBooks("advanced-trade", 1 << 16, "BTC-USD");
        final StringBuilder bids = new StringBuilder();
        final StringBuilder asks = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            bids.append(i == 0 ? "" : ",").append(FixedPoint.format(FixedPoint.parse("65000") - i * 1_000_000L))
                .append(":0.5");
            asks.append(i == 0 ? "" : ",").append(FixedPoint.format(FixedPoint.parse("65000.01") + i * 1_000_000L))
                .append(":0.25");
        }
        final String snapshot = atSnapshot(99_999_999, "BTC-USD", bids.toString(), asks.toString());
        assertTrue(snapshot.length() > 4_000_000, "a real-sized snapshot: " + snapshot.length());
        f.decode(snapshot);
        assertEquals(25_000, f.books.book(0).bids.levels());
        assertEquals(25_000, f.books.book(0).asks.levels());
        final byte[][] frames = new byte[64][];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = atUpdate(100_000_000 + i, "BTC-USD", i % 2 == 0 ? "bid" : "offer",
                (i % 2 == 0 ? "64999.5" : "65000.5") + ":" + (i % 4 < 2 ? "0" : "1.5")).getBytes(
                StandardCharsets.UTF_8);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long seq = 100_000_000;
        for (int round = 0; round < 3; round++) {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 20_000; i++) {
                final byte[] frame = frames[i % frames.length];
                renumber(frame, seq++);
                f.decoder.decode(frame, 0, frame.length, 1);
                f.ring.skipAll();
            }
            final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (round == 2) {
                assertTrue(allocated < 20_000, "bytes allocated by 20,000 level2 updates: " + allocated);
            }
        }
        assertTrue(f.books.book(0).valid(), "no gap: the renumbered frames are contiguous");
    }

    @Test
    void frameChannelShouldTellLevel2MessagesFromTheRest() {
        final FrameChannel at = new FrameChannel(io.ringtrader.config.FeedProtocol.ADVANCED_TRADE);
        final byte[] l2 = atUpdate(1, "BTC-USD", "bid", "1:1").getBytes(StandardCharsets.UTF_8);
        final byte[] trades = "{\"channel\":\"market_trades\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);
        assertTrue(at.isLevel2(l2, 0, l2.length));
        assertFalse(at.isLevel2(trades, 0, trades.length));
        final FrameChannel ex = new FrameChannel(io.ringtrader.config.FeedProtocol.EXCHANGE);
        final byte[] snap = "{\"type\":\"snapshot\",\"bids\":[]}".getBytes(StandardCharsets.UTF_8);
        final byte[] match = "{\"type\":\"match\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(ex.isLevel2(snap, 0, snap.length));
        assertFalse(ex.isLevel2(match, 0, match.length));
        assertFalse(ex.isLevel2(l2, 0, l2.length));
    }

    /** Rewrites the frame's 9-digit sequence_num field in place (the frames are built with 9 digits). */
    private static void renumber(byte[] frame, long seq) {
        final byte[] key = SEQUENCE_KEY;
        outer:
        for (int i = 0; i < frame.length - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (frame[i + k] != key[k]) {
                    continue outer;
                }
            }
            long v = seq;
            for (int d = i + key.length + 8; d >= i + key.length; d--) {
                frame[d] = (byte) ('0' + v % 10);
                v /= 10;
            }
            return;
        }
    }

    private static List<MarketEvent> quotes(DecoderFixture f) {
        return f.ring.ofType(EventType.QUOTE);
    }
}

package io.ringtrader.exchange;

import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TapeSourceTest {
    private static final Instruments BTC_ETH = Instruments.of(List.of("BTC", "ETH"), "USD");

    static TapeSource source(Instruments instruments, String text) {
        return new TapeSource(instruments, new BufferedReader(new StringReader(text)));
    }

    private static List<SimEvent> drain(MarketSource source) {
        final List<SimEvent> events = new ArrayList<>();
        final SimEvent e = new SimEvent();
        while (source.next(e)) {
            events.add(new SimEvent().copyFrom(e));
        }
        return events;
    }

    private static long ns(String time) {
        return Rfc3339.parse(time);
    }

    private static String trade(String product, long id, String price, String time) {
        return "{\"product_id\":\"" + product + "\",\"trade_id\":\"" + id + "\",\"price\":\"" + price
            + "\",\"size\":\"0.1\",\"side\":\"BUY\",\"time\":\"" + time + "\"}\n";
    }

    @Test
    void shouldReadRecordedTradesAndSynthesizeHeartbeatsThroughEndOfLastMinute() {
        final TapeSource tape = source(BTC_ETH, trade("BTC-USD", 5, "610.5", "2016-10-07T00:00:04.5Z")
            + trade("ETH-USD", 9, "12.25", "2016-10-07T00:00:06Z")
            + trade("BTC-USD", 6, "611", "2016-10-07T00:00:06.25Z"));

        final List<SimEvent> events = drain(tape);

        assertThat(events.get(0).type).isEqualTo(EventType.HEARTBEAT);
        assertThat(events.get(0).timestampNs).isEqualTo(ns("2016-10-07T00:00:04Z"));
        final SimEvent first = events.get(1);
        assertThat(first.type).isEqualTo(EventType.TRADE);
        assertThat(first.instrumentId).isZero();
        assertThat(first.tradeId).isEqualTo(5);
        assertThat(first.priceE8).isEqualTo(FixedPoint.parse("610.5"));
        assertThat(first.sizeE8).isEqualTo(FixedPoint.parse("0.1"));
        assertThat(first.side).isEqualTo(Side.BUY);
        assertThat(first.timestampNs).isEqualTo(ns("2016-10-07T00:00:04.5Z"));
        // heartbeat at 00:00:05 and 00:00:06 come before the trade at 00:00:06
        assertThat(events.subList(2, 5)).extracting(e -> e.type + "@" + e.timestampNs).containsExactly(
            EventType.HEARTBEAT + "@" + ns("2016-10-07T00:00:05Z"),
            EventType.HEARTBEAT + "@" + ns("2016-10-07T00:00:06Z"),
            EventType.TRADE + "@" + ns("2016-10-07T00:00:06Z"));
        final List<SimEvent> heartbeats = events.stream().filter(e -> e.type == EventType.HEARTBEAT).toList();
        assertThat(heartbeats.get(heartbeats.size() - 1).timestampNs).isEqualTo(ns("2016-10-07T00:01:00Z"));
        assertThat(heartbeats).hasSize(57); // 00:00:04 .. 00:01:00
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).timestampNs).isGreaterThanOrEqualTo(events.get(i - 1).timestampNs);
        }
        assertThat(tape.trades()).isEqualTo(3);
    }

    @Test
    void shouldExtractTradesFromRawFramesOldestFirstWithoutSnapshotRepeats() {
        final String snapshot = "{\"channel\":\"market_trades\",\"timestamp\":\"2026-01-05T00:00:02.1Z\","
            + "\"sequence_num\":0,\"events\":[{\"type\":\"snapshot\",\"trades\":["
            + "{\"trade_id\":\"12\",\"product_id\":\"BTC-USD\",\"price\":\"2\",\"size\":\"1\",\"side\":\"SELL\","
            + "\"time\":\"2026-01-05T00:00:02Z\"},"
            + "{\"trade_id\":\"11\",\"product_id\":\"BTC-USD\",\"price\":\"1\",\"size\":\"1\",\"side\":\"SELL\","
            + "\"time\":\"2026-01-05T00:00:01Z\"}]}]}\n";
        final String heartbeat = "{\"channel\":\"heartbeats\",\"timestamp\":\"2026-01-05T00:00:03.5Z\","
            + "\"sequence_num\":1,\"events\":[{\"current_time\":\"x\",\"heartbeat_counter\":1}]}\n";
        final String update = "{\"channel\":\"market_trades\",\"timestamp\":\"2026-01-05T00:00:04Z\","
            + "\"sequence_num\":2,\"events\":[{\"type\":\"update\",\"trades\":["
            + "{\"trade_id\":\"12\",\"product_id\":\"BTC-USD\",\"price\":\"2\",\"size\":\"1\",\"side\":\"SELL\","
            + "\"time\":\"2026-01-05T00:00:02Z\"},"
            + "{\"trade_id\":\"13\",\"product_id\":\"BTC-USD\",\"price\":\"3\",\"size\":\"1\",\"side\":\"SELL\","
            + "\"time\":\"2026-01-05T00:00:03.9Z\"}]}]}\n";
        final String wrapped = "{\"t\":\"recv\",\"ts\":1.0,\"data\":" + quote(update.trim().replace("\"13\"", "\"14\"")
            .replace("03.9Z", "04.1Z")) + "}\n";

        final TapeSource tape = source(BTC_ETH, snapshot + heartbeat + update + wrapped);
        final List<SimEvent> events = drain(tape);

        assertThat(events.stream().filter(SimEvent::isTrade).map(e -> e.tradeId)).containsExactly(11L, 12L, 13L, 14L);
        assertThat(tape.duplicates()).as("12 repeated by the update and by the wrapped frame").isEqualTo(2);
        assertThat(events.stream().filter(e -> !e.isTrade()).map(e -> e.timestampNs))
            .contains(ns("2026-01-05T00:00:03Z"));
    }

    @Test
    void shouldKeepEveryTradeOfAnUpdateListedNewestFirst() {
        final StringBuilder trades = new StringBuilder();
        for (int id = 23; id >= 20; id--) { // as Coinbase sends an update with several trades
            trades.append(id == 23 ? "" : ",").append("{\"trade_id\":\"").append(id).append(
                "\",\"product_id\":\"ETH-USD\",\"price\":\"3000\",\"size\":\"1\",\"side\":\"BUY\","
                + "\"time\":\"2026-01-05T00:00:0").append(id - 19).append("Z\"}");
        }
        final String update = "{\"channel\":\"market_trades\",\"timestamp\":\"2026-01-05T00:00:05Z\","
            + "\"sequence_num\":3,\"events\":[{\"type\":\"update\",\"trades\":[" + trades + "]}]}\n";
        final TapeSource tape = source(BTC_ETH, update);
        assertThat(drain(tape).stream().filter(SimEvent::isTrade).map(e -> e.tradeId))
            .containsExactly(20L, 21L, 22L, 23L);
        assertThat(tape.duplicates()).isZero();
    }

    @Test
    void shouldMergeTheConnectSnapshotsOfSeveralProductsByTime() {
        // BTC's snapshot reaches to 00:01:00, ETH's (recorded after it) only to 00:00:10: served by time, no ETH
        // trade comes after a BTC trade or heartbeat a minute newer
        final String btc = snapshotFrame("BTC-USD", 100, "2026-01-05T00:00:5", "2026-01-05T00:01:0");
        final String eth = snapshotFrame("ETH-USD", 500, "2026-01-05T00:00:0", "2026-01-05T00:00:1");
        final String update = "{\"channel\":\"market_trades\",\"timestamp\":\"2026-01-05T00:01:02Z\","
            + "\"sequence_num\":3,\"events\":[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"102\","
            + "\"product_id\":\"BTC-USD\",\"price\":\"1\",\"size\":\"1\",\"side\":\"BUY\","
            + "\"time\":\"2026-01-05T00:01:01Z\"}]}]}\n";
        final List<SimEvent> events = drain(source(BTC_ETH, btc + eth + update));
        long latest = Long.MIN_VALUE;
        for (SimEvent e : events) {
            assertThat(e.timestampNs).as("served in time order: %s", e).isGreaterThanOrEqualTo(latest);
            latest = e.timestampNs;
        }
        assertThat(events.stream().filter(SimEvent::isTrade).map(e -> e.tradeId))
            .containsExactly(500L, 501L, 100L, 101L, 102L);
    }

    /** A snapshot of two trades (ids first+1 newest, listed first), at the two times given as "prefix" + "0Z". */
    private static String snapshotFrame(String product, long first, String olderPrefix, String newerPrefix) {
        return "{\"channel\":\"market_trades\",\"timestamp\":\"2026-01-05T00:01:00Z\",\"sequence_num\":1,"
            + "\"events\":[{\"type\":\"snapshot\",\"trades\":[{\"trade_id\":\"" + (first + 1) + "\","
            + "\"product_id\":\"" + product + "\",\"price\":\"1\",\"size\":\"1\",\"side\":\"BUY\","
            + "\"time\":\"" + newerPrefix + "0Z\"},{\"trade_id\":\"" + first + "\",\"product_id\":\"" + product
            + "\",\"price\":\"1\",\"size\":\"1\",\"side\":\"BUY\",\"time\":\"" + olderPrefix + "0Z\"}]}]}\n";
    }

    @Test
    void shouldCountAndSkipBadLinesAndUnknownProducts() {
        final TapeSource tape = source(BTC_ETH, "not json\n\n" + trade("DOGE-USD", 1, "0.1", "2016-10-07T00:00:01Z")
            + trade("BTC-USD", 1, "-5", "2016-10-07T00:00:01Z")
            + trade("BTC-USD", 2, "600", "yesterday")
            + trade("BTC-USD", 3, "600", "2016-10-07T00:00:02Z")
            + "{\"channel\":\"ticker\",\"events\":[]}\n");

        final List<SimEvent> events = drain(tape);

        assertThat(events.stream().filter(SimEvent::isTrade).map(e -> e.tradeId)).containsExactly(3L);
        assertThat(tape.rejected()).isEqualTo(4);
    }

    @Test
    void shouldTurnExchangeLevel2FramesIntoBookEventsAppliedAsTheyAreEmitted() {
        // an untimed snapshot at the start takes the tape's first time; a bad l2update is rejected whole
        final String snapshot = "{\"type\":\"snapshot\",\"product_id\":\"ETH-USD\",\"bids\":[[\"10\",\"1\"],"
            + "[\"9\",\"2\"]],\"asks\":[[\"11\",\"3\"],[\"12\",\"4\"]]}\n";
        final String update = "{\"type\":\"l2update\",\"product_id\":\"ETH-USD\",\"changes\":[[\"buy\",\"10\","
            + "\"0\"],[\"sell\",\"10.5\",\"5\"]],\"time\":\"2026-01-05T00:00:02Z\"}\n";
        final String bad = "{\"type\":\"l2update\",\"product_id\":\"ETH-USD\",\"changes\":[[\"buy\",\"9\","
            + "\"0\"],[\"sell\",\"x\",\"5\"]],\"time\":\"2026-01-05T00:00:03Z\"}\n";
        final String ticker = "{\"type\":\"ticker\",\"trade_id\":7,\"product_id\":\"ETH-USD\",\"price\":\"10\","
            + "\"time\":\"2026-01-05T00:00:01Z\"}\n";
        final TapeSource tape = source(BTC_ETH, snapshot + ticker + trade("ETH-USD", 8, "10", "2026-01-05T00:00:01Z")
            + update + bad);
        final TapeBook book = tape.tapeBook();
        final SimEvent e = new SimEvent();
        final List<String> seen = new ArrayList<>();
        while (tape.next(e)) {
            if (e.isLevel2()) {
                seen.add((e.snapshot ? "snapshot@" : "update@") + e.timestampNs + " bid " + FixedPoint.format(
                    book.priceE8(1, true, 0)) + " ask " + FixedPoint.format(book.priceE8(1, false, 0)));
            }
        }
        assertThat(seen).containsExactly("snapshot@" + ns("2026-01-05T00:00:01Z") + " bid 10 ask 11",
            "update@" + ns("2026-01-05T00:00:02Z") + " bid 9 ask 10.5");
        assertThat(book.levels(1, true)).isEqualTo(1);
        assertThat(book.levels(1, false)).isEqualTo(3);
        assertThat(book.known(0)).isFalse();
        assertThat(tape.trades()).as("the match, not the ticker").isEqualTo(1);
        assertThat(tape.rejected()).as("the bad level").isEqualTo(1);
        assertThat(tape.level2Events()).isEqualTo(2);
    }

    @Test
    void shouldEndAtOnceForAnEmptyTape() {
        assertThat(drain(source(BTC_ETH, ""))).isEmpty();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

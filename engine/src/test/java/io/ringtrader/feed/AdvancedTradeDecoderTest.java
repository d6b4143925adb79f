package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import io.ringtrader.event.TradeFlags;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdvancedTradeDecoderTest {

    @Test
    void shouldPublishSnapshotOldestFirstWithSnapshotFlag() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "snapshot", Frames.trade("BTC-USD", 103), Frames.trade("BTC-USD", 102),
            Frames.trade("BTC-USD", 101)));
        final List<MarketEvent> trades = f.ring.trades();
        assertThat(trades).extracting(e -> e.tradeId).containsExactly(101L, 102L, 103L);
        assertThat(trades).allMatch(e -> (e.flags & TradeFlags.SNAPSHOT) != 0);
        assertThat(trades.get(0).feedSequence).isEqualTo(0);
    }

    @Test
    void shouldDecodeEveryFieldOfATrade() {
        final DecoderFixture f = DecoderFixture.advancedTrade("ETH", "BTC");
        f.decode(Frames.marketTrades(7, "update",
            Frames.trade("BTC-USD", 1_234_500_001L, "64321.09", "0.02345678", "2026-03-04T05:06:07.123456Z", "SELL")));
        final MarketEvent e = f.ring.trades().get(0);
        assertThat(e.instrumentId).isEqualTo(1);
        assertThat(e.tradeId).isEqualTo(1_234_500_001L);
        assertThat(e.priceE8).isEqualTo(6_432_109_000_000L);
        assertThat(e.sizeE8).isEqualTo(2_345_678L);
        assertThat(e.timestampNs).isEqualTo(Rfc3339.parse("2026-03-04T05:06:07.123456Z"));
        assertThat(e.side).isEqualTo(Side.SELL);
        assertThat(e.flags).isZero();
        assertThat(e.feedSequence).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-04T05:06:07Z, 0",
        "2026-03-04T05:06:07.5Z, 500000000",
        "2026-03-04T05:06:07.70819Z, 708190000",
        "2026-03-04T05:06:07.708190Z, 708190000",
        "2026-03-04T05:06:07.1234567Z, 123456700",
        "2026-03-04T05:06:07.123456789Z, 123456789",
    })
    void shouldParseTimesWithZeroToNineFractionDigits(String time, long nanosOfSecond) {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("BTC-USD", 5, "1.5", "2", time, "BUY")));
        final long wholeSecond = Rfc3339.parse("2026-03-04T05:06:07Z");
        assertThat(f.ring.trades()).extracting(e -> e.timestampNs).containsExactly(wholeSecond + nanosOfSecond);
    }

    @Test
    void shouldAcceptTradeIdAsStringOrNumber() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("BTC-USD", 11),
            Frames.trade("BTC-USD", 10).replace("\"trade_id\":\"10\"", "\"trade_id\":10")));
        assertThat(f.ring.trades()).extracting(e -> e.tradeId).containsExactly(10L, 11L);
    }

    @Test
    void shouldDecodeSeveralProductsPerFrameEachInOrder() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC", "ETH");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("ETH-USD", 502), Frames.trade("BTC-USD", 41),
            Frames.trade("ETH-USD", 501), Frames.trade("BTC-USD", 40)));
        final List<MarketEvent> trades = f.ring.trades();
        assertThat(trades).filteredOn(e -> e.instrumentId == 0).extracting(e -> e.tradeId).containsExactly(40L, 41L);
        assertThat(trades).filteredOn(e -> e.instrumentId == 1).extracting(e -> e.tradeId)
            .containsExactly(501L, 502L);
    }

    @Test
    void shouldDropTradesRepeatedByALaterSnapshot() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "snapshot", Frames.trade("BTC-USD", 2), Frames.trade("BTC-USD", 1)));
        f.decode(Frames.marketTrades(1, "update", Frames.trade("BTC-USD", 3)));
        f.decoder.connectionStarted();
        f.decode(Frames.marketTrades(0, "snapshot", Frames.trade("BTC-USD", 4), Frames.trade("BTC-USD", 3),
            Frames.trade("BTC-USD", 2)));
        assertThat(f.ring.trades()).extracting(e -> e.tradeId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(f.stats.duplicates()).isEqualTo(2);
        assertThat(f.ring.ofType(EventType.GAP)).isEmpty();
    }

    @Test
    void shouldPublishGapWhenSequenceNumJumps() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.heartbeat(4, "2026-01-02T03:04:05Z"));
        f.decode(Frames.heartbeat(5, "2026-01-02T03:04:06Z"));
        f.decode(Frames.heartbeat(9, "2026-01-02T03:04:07Z"));
        final List<MarketEvent> gaps = f.ring.ofType(EventType.GAP);
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).instrumentId).isEqualTo(-1);
        assertThat(gaps.get(0).value).isEqualTo(3);
        assertThat(f.stats.gaps()).isEqualTo(1);
    }

    @Test
    void shouldNotReportSequenceGapAcrossConnections() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.heartbeat(40, "2026-01-02T03:04:05Z"));
        f.decoder.connectionStarted();
        f.decode(Frames.heartbeat(0, "2026-01-02T03:04:06Z"));
        assertThat(f.ring.ofType(EventType.GAP)).isEmpty();
    }

    @Test
    void shouldPublishGapWhenTradeIdJumpsInUpdates() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC", "ETH");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("ETH-USD", 70), Frames.trade("BTC-USD", 10)));
        f.decode(Frames.marketTrades(1, "update", Frames.trade("BTC-USD", 14), Frames.trade("BTC-USD", 11)));
        final List<MarketEvent> gaps = f.ring.ofType(EventType.GAP);
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).instrumentId).isEqualTo(0);
        assertThat(gaps.get(0).value).isEqualTo(2);
    }

    @Test
    void shouldPublishHeartbeatAtEnvelopeTimestamp() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.heartbeat(3, "2026-03-04T05:06:07.987654321Z"));
        final List<MarketEvent> beats = f.ring.ofType(EventType.HEARTBEAT);
        assertThat(beats).extracting(e -> e.timestampNs)
            .containsExactly(Rfc3339.parse("2026-03-04T05:06:07.987654321Z"));
        assertThat(beats.get(0).feedSequence).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400", "1E5", "0", "0.0", "-1", "-0.5", "",
        "1234567890123456789012345678901234567890", "12.123456789", "1,5", " 1", "0x10", "99999999999999"})
    void shouldRejectBadPriceAndPublishNothing(String price) {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("BTC-USD", 1, price, "1", Frames.time(1), "BUY")));
        assertThat(f.ring.trades()).isEmpty();
        assertThat(f.stats.rejects(RejectReason.BAD_PRICE)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "0", "-0.001", "1e400", "1234567890123456789012345678901234567890"})
    void shouldRejectBadSize(String size) {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("BTC-USD", 1, "5", size, Frames.time(1), "BUY"),
            Frames.trade("BTC-USD", 2)));
        assertThat(f.ring.trades()).extracting(e -> e.tradeId).containsExactly(2L);
        assertThat(f.stats.rejects(RejectReason.BAD_SIZE)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00",
        "2026-01-01T00:00:00.Z", "2026-01-01T25:00:00Z", "1969-12-31T23:59:59Z"})
    void shouldRejectUnparseableTime(String time) {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("BTC-USD", 1, "5", "1", time, "BUY")));
        assertThat(f.ring.trades()).isEmpty();
        assertThat(f.stats.rejects(RejectReason.BAD_TIME)).isEqualTo(1);
    }

    @Test
    void shouldRejectUnknownProductAndMissingFields() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "update", Frames.trade("DOGE-USD", 1),
            "{\"product_id\":\"BTC-USD\",\"price\":\"1\",\"size\":\"1\",\"time\":\"2026-01-01T00:00:00Z\"}",
            Frames.trade("BTC-USD", 1).replace("\"trade_id\":\"1\"", "\"trade_id\":\"x1\""),
            Frames.trade("BTC-USD", 9)));
        assertThat(f.ring.trades()).extracting(e -> e.tradeId).containsExactly(9L);
        assertThat(f.stats.rejects(RejectReason.UNKNOWN_PRODUCT)).isEqualTo(1);
        assertThat(f.stats.rejects(RejectReason.MISSING_FIELD)).isEqualTo(1);
        assertThat(f.stats.rejects(RejectReason.BAD_TRADE_ID)).isEqualTo(1);
    }

    @Test
    void shouldRejectWholeFrameWhenTruncated() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        final String frame = Frames.marketTrades(0, "update", Frames.trade("BTC-USD", 1), Frames.trade("BTC-USD", 2));
        f.decode(frame.substring(0, frame.length() - 3));
        assertThat(f.ring.drain()).isEmpty();
        assertThat(f.stats.rejects(RejectReason.TRUNCATED_JSON)).isEqualTo(1);
    }

    @Test
    void shouldRejectDeepNestingAndHugeStrings() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode("{\"channel\":\"market_trades\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        f.decode("{\"channel\":\"" + "A".repeat(100_000) + "\"}");
        assertThat(f.stats.rejects(RejectReason.TOO_DEEP)).isEqualTo(1);
        assertThat(f.stats.rejects(RejectReason.STRING_TOO_LONG)).isEqualTo(1);
        assertThat(f.ring.drain()).isEmpty();
    }

    @Test
    void shouldIgnoreUnknownChannelsButCountThem() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode("{\"channel\":\"l2_data\",\"timestamp\":\"2026-01-02T03:04:05Z\",\"sequence_num\":0,\"events\":[]}");
        f.decode("{\"channel\":\"brand_new\",\"sequence_num\":1,\"events\":[{\"type\":\"whatever\",\"x\":[1,2]}]}");
        assertThat(f.stats.rejects(RejectReason.IGNORED_MESSAGE)).isEqualTo(2);
        assertThat(f.stats.rejectsTotal()).isZero();
        assertThat(f.ring.drain()).isEmpty();
    }

    @Test
    void shouldConfirmSubscriptionOnlyWhenTradesAreListed() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode("{\"channel\":\"subscriptions\",\"timestamp\":\"2026-01-02T03:04:05Z\",\"sequence_num\":0,"
            + "\"events\":[{\"subscriptions\":{\"heartbeats\":[\"heartbeats\"]}}]}");
        assertThat(f.subscribed).isZero();
        f.decode("{\"channel\":\"subscriptions\",\"timestamp\":\"2026-01-02T03:04:05Z\",\"sequence_num\":1,"
            + "\"events\":[{\"subscriptions\":{\"heartbeats\":[\"heartbeats\"],\"market_trades\":[\"BTC-USD\"]}}]}");
        assertThat(f.subscribed).isEqualTo(1);
    }

    @Test
    void shouldHandErrorFramesToTheConnection() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode("{\"type\":\"error\",\"message\":\"failure to subscribe\",\"reason\":\"MATIC-USD is not valid\"}");
        assertThat(f.errors).containsExactly("failure to subscribe MATIC-USD is not valid");
    }

    @Test
    void shouldKeepFixedPointExactForLargeAndTinyValues() {
        final DecoderFixture f = DecoderFixture.advancedTrade("BTC");
        f.decode(Frames.marketTrades(0, "update",
            Frames.trade("BTC-USD", 1, "123456", "0.00000001", Frames.time(1), "BUY")));
        final MarketEvent e = f.ring.trades().get(0);
        assertThat(e.priceE8).isEqualTo(123_456L * FixedPoint.ONE);
        assertThat(e.sizeE8).isEqualTo(1);
    }
}

package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.EventType;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import io.ringtrader.event.TradeFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeDecoderTest {
    private static final List<String> PRODUCTS = List.of("SKL-USD", "SKL-BTC", "SKL-GBP", "BAND-GBP", "BAND-BTC",
        "NMR-EUR", "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR");

    @Test
    void shouldDecodeRealRecordedMatchesLikeANaiveJsonTreeDecoder() throws IOException {
        final DecoderFixture f = fixtureFor(PRODUCTS);
        final List<String> lines = recordedLines();
        final ObjectMapper mapper = new ObjectMapper();
        final List<long[]> expected = new ArrayList<>();
        for (String line : lines) {
            f.decode(line);
            final JsonNode n = mapper.readTree(line);
            final String type = n.path("type").asText();
            if (type.equals("match") || type.equals("last_match")) {
                expected.add(new long[] {PRODUCTS.indexOf(n.get("product_id").asText()), n.get("trade_id").asLong(),
                    new BigDecimal(n.get("price").asText()).movePointRight(8).longValueExact(),
                    new BigDecimal(n.get("size").asText()).movePointRight(8).longValueExact(),
                    Rfc3339.parse(n.get("time").asText()), type.equals("last_match") ? TradeFlags.SNAPSHOT : 0,
                    n.get("side").asText().equals("buy") ? Side.BUY : Side.SELL});
            }
        }
        final List<MarketEvent> trades = f.ring.trades();
        assertThat(expected).hasSize(107);
        assertThat(trades).hasSize(expected.size());
        for (int i = 0; i < trades.size(); i++) {
            final MarketEvent e = trades.get(i);
            assertThat(new long[] {e.instrumentId, e.tradeId, e.priceE8, e.sizeE8, e.timestampNs, e.flags, e.side})
                .as("trade %d", i).containsExactly(expected.get(i));
        }
        assertThat(f.ring.ofType(EventType.GAP)).as("recorded trade ids are contiguous").isEmpty();
        assertThat(f.stats.rejectsTotal()).isZero();
        assertThat(f.stats.rejects(RejectReason.IGNORED_MESSAGE))
            .isEqualTo(lines.stream().filter(l -> l.startsWith("{\"type\":\"ticker\"")).count());
        assertThat(f.subscribed).isEqualTo(1);
    }

    @Test
    void shouldDropARepeatedLastMatch() throws IOException {
        final DecoderFixture f = fixtureFor(PRODUCTS);
        final String lastMatch = recordedLines().stream().filter(l -> l.contains("\"last_match\"")).findFirst()
            .orElseThrow();
        f.decode(lastMatch);
        f.decode(lastMatch);
        assertThat(f.ring.trades()).hasSize(1);
        assertThat(f.stats.duplicates()).isEqualTo(1);
    }

    @Test
    void shouldPublishHeartbeatAndGapWhenLastTradeIdIsAhead() {
        final DecoderFixture f = DecoderFixture.exchange("BTC");
        f.decode(match(100));
        f.decode(heartbeat(100, "2026-01-02T03:04:06.000001Z"));
        assertThat(f.ring.ofType(EventType.GAP)).isEmpty();
        f.decode(heartbeat(104, "2026-01-02T03:04:07.000001Z"));
        f.decode(heartbeat(104, "2026-01-02T03:04:08.000001Z"));
        f.decode(match(105));
        final List<MarketEvent> gaps = f.ring.ofType(EventType.GAP);
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).value).isEqualTo(4);
        assertThat(f.ring.ofType(EventType.HEARTBEAT)).extracting(e -> e.timestampNs)
            .containsExactly(Rfc3339.parse("2026-01-02T03:04:06.000001Z"),
                Rfc3339.parse("2026-01-02T03:04:07.000001Z"), Rfc3339.parse("2026-01-02T03:04:08.000001Z"));
        assertThat(f.stats.gapMissing()).isEqualTo(4);
    }

    @Test
    void shouldHandErrorFramesWithReasonToTheConnection() {
        final DecoderFixture f = DecoderFixture.exchange("BTC");
        f.decode("{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"MATIC-USD is delisted\"}");
        assertThat(f.errors).containsExactly("Failed to subscribe MATIC-USD is delisted");
    }

    @Test
    void shouldRejectMatchWithBadPrice() {
        final DecoderFixture f = DecoderFixture.exchange("BTC");
        f.decode(match(7).replace("\"price\":\"65000.5\"", "\"price\":\"NaN\""));
        assertThat(f.ring.trades()).isEmpty();
        assertThat(f.stats.rejects(RejectReason.BAD_PRICE)).isEqualTo(1);
    }

    static String match(long tradeId) {
        return "{\"type\":\"match\",\"trade_id\":" + tradeId + ",\"maker_order_id\":\"a\",\"taker_order_id\":\"b\","
            + "\"side\":\"sell\",\"size\":\"0.5\",\"price\":\"65000.5\",\"product_id\":\"BTC-USD\",\"sequence\":"
            + (tradeId * 3) + ",\"time\":\"2026-01-02T03:04:05.123456Z\"}";
    }

    static String heartbeat(long lastTradeId, String time) {
        return "{\"type\":\"heartbeat\",\"last_trade_id\":" + lastTradeId + ",\"product_id\":\"BTC-USD\","
            + "\"sequence\":90,\"time\":\"" + time + "\"}";
    }

    private static DecoderFixture fixtureFor(List<String> products) {
        final List<Instrument> list = new ArrayList<>();
        for (String p : products) {
            list.add(new Instrument(list.size(), p.substring(0, p.indexOf('-')), p, 1, 1, 1, FixedPoint.ONE));
        }
        return new DecoderFixture("exchange", new Instruments(list), 1 << 12);
    }

    static List<String> recordedLines() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            ExchangeDecoderTest.class.getResourceAsStream("/feed/coinbase-exchange-matches.jsonl"),
            StandardCharsets.UTF_8))) {
            final List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }
}

package io.ringtrader.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instruments;
import io.ringtrader.event.Rfc3339;
import io.ringtrader.event.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdvancedTradeEncoderTest {
    private final Instruments instruments = Instruments.of(List.of("BTC", "ETH"), "USD");
    private final AdvancedTradeEncoder encoder = new AdvancedTradeEncoder(instruments);

    @Test
    void shouldWriteUpdateFrameInCoinbaseShape() throws Exception {
        encoder.begin("market_trades", Rfc3339.parse("2026-08-09T21:05:49.25328358Z"), 50);
        encoder.beginTrades("update");
        encoder.trade(new SimEvent().trade(0, Rfc3339.parse("2026-01-05T10:00:00.123456Z"),
            FixedPoint.parse("65083.67"), FixedPoint.parse("0.01034361"), 123_456_789L, Side.BUY));
        encoder.trade(new SimEvent().trade(1, Rfc3339.parse("2026-08-09T21:05:48.5Z"),
            FixedPoint.parse("3000"), 1L, 7L, Side.SELL));
        encoder.endTrades();
        final String frame = encoder.end().toString();

        assertThat(frame).isEqualTo("{\"channel\":\"market_trades\",\"timestamp\":\"2026-08-09T21:05:49.25328358Z\","
            + "\"sequence_num\":50,\"events\":[{\"type\":\"update\",\"trades\":["
            + "{\"trade_id\":\"123456789\",\"product_id\":\"BTC-USD\",\"price\":\"65083.67\",\"size\":\"0.01034361\","
            + "\"side\":\"BUY\",\"time\":\"2026-01-05T10:00:00.123456Z\"},"
            + "{\"trade_id\":\"7\",\"product_id\":\"ETH-USD\",\"price\":\"3000\",\"size\":\"0.00000001\","
            + "\"side\":\"SELL\",\"time\":\"2026-08-09T21:05:48.5Z\"}]}]}");
        assertThat(new ObjectMapper().readTree(frame).get("events").get(0).get("trades")).hasSize(2);
    }

    @Test
    void shouldWriteHeartbeatSubscriptionsAndErrorFrames() throws Exception {
        final long t = Rfc3339.parse("2026-08-09T21:05:48Z");
        assertThat(encoder.heartbeat(t, 35, 41_691, 41_691_000_000_000L).toString())
            .isEqualTo("{\"channel\":\"heartbeats\",\"timestamp\":\"2026-08-09T21:05:48Z\",\"sequence_num\":35,"
                + "\"events\":[{\"current_time\":\"2026-08-09 21:05:48 +0000 UTC m=+41691.000000000\","
                + "\"heartbeat_counter\":41691}]}");
        assertThat(encoder.subscriptions(t, 2, new boolean[] {true, true}, true).toString()).endsWith(
            "\"events\":[{\"subscriptions\":{\"market_trades\":[\"BTC-USD\",\"ETH-USD\"],"
                + "\"heartbeats\":[\"heartbeats\"]}}]}");
        assertThat(encoder.subscriptions(t, 3, new boolean[] {false, false}, false).toString())
            .endsWith("\"events\":[{\"subscriptions\":{}}]}");
        final String error = encoder.error("Failed to subscribe: invalid product id \"X\"\n").toString();
        assertThat(new ObjectMapper().readTree(error).get("message").asText())
            .isEqualTo("Failed to subscribe: invalid product id \"X\"");
    }
}

package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.FeedProtocol;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {
    private final Instruments instruments = Instruments.of(List.of("BTC", "MATIC", "ETH"), "USD");

    @Test
    void shouldSubscribeOneChannelPerMessageOnAdvancedTrade() throws Exception {
        final List<String> messages = new Subscriptions(FeedProtocol.ADVANCED_TRADE, instruments).messages();
        assertThat(messages).containsExactly(
            "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"MATIC-USD\",\"ETH-USD\"],"
                + "\"channel\":\"market_trades\"}",
            "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"MATIC-USD\",\"ETH-USD\"],"
                + "\"channel\":\"heartbeats\"}");
        for (String m : messages) {
            new ObjectMapper().readTree(m); // valid JSON
        }
    }

    @Test
    void shouldSubscribeMatchesAndHeartbeatPerChannelOnExchange() {
        assertThat(new Subscriptions(FeedProtocol.EXCHANGE, instruments).messages()).containsExactly(
            "{\"type\":\"subscribe\",\"channels\":[{\"name\":\"matches\",\"product_ids\":[\"BTC-USD\",\"MATIC-USD\","
                + "\"ETH-USD\"]},{\"name\":\"heartbeat\",\"product_ids\":[\"BTC-USD\",\"MATIC-USD\",\"ETH-USD\"]}]}");
    }

    @Test
    void shouldDropTheProductNamedInAnErrorAndKeepTheOthers() {
        final Subscriptions subs = new Subscriptions(FeedProtocol.ADVANCED_TRADE, instruments);
        assertThat(subs.dropNamedIn("Failed to subscribe MATIC-USD is not a valid product"))
            .containsExactly("MATIC-USD");
        assertThat(subs.activeProducts()).containsExactly("BTC-USD", "ETH-USD");
        assertThat(subs.messages().get(0)).doesNotContain("MATIC");
        assertThat(subs.dropNamedIn("rate limit exceeded")).isEmpty();
    }

    @Test
    void shouldMatchProductIdsAsWholeWordsOnly() {
        assertThat(Subscriptions.names("invalid product ETH-USDC", "ETH-USD")).isFalse();
        assertThat(Subscriptions.names("invalid product: ETH-USD.", "ETH-USD")).isTrue();
        assertThat(Subscriptions.names("[\"MATIC-USD\"] rejected", "MATIC-USD")).isTrue();
        assertThat(Subscriptions.names("XETH-USD", "ETH-USD")).isFalse();
    }
}

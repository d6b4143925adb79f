package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FeedConfigTest {
    private final ObjectMapper json = new ObjectMapper();

    private FeedConfig read(String yamlAsJson) throws Exception {
        final ConfigNode node = new ConfigNode("feed", json.readTree(yamlAsJson));
        final FeedConfig config = FeedConfig.read(node);
        node.finish();
        return config;
    }

    @Test
    void shouldDefaultToAdvancedTradeWithOneMebibyteFrames() throws Exception {
        final FeedConfig c = read("{}");
        assertThat(c.protocol()).isEqualTo(FeedProtocol.ADVANCED_TRADE);
        assertThat(c.effectiveUrl()).isEqualTo(FeedConfig.ADVANCED_TRADE_URL);
        assertThat(c.maxFrameBytes()).isEqualTo(1 << 20);
        assertThat(c.idleTimeoutMs()).isEqualTo(5_000);
        assertThat(c.dedupWindow()).isEqualTo(4_096);
    }

    @Test
    void shouldPickTheExchangeEndpointForTheExchangeProtocol() throws Exception {
        assertThat(read("{\"protocol\":\"exchange\"}").effectiveUrl()).isEqualTo(FeedConfig.EXCHANGE_URL);
    }

    @Test
    void shouldRejectAUrlThatIsNotAWebSocket() {
        assertThatThrownBy(() -> read("{\"url\":\"http://127.0.0.1:8080\"}")).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("feed.url:");
    }

    @Test
    void shouldRejectABackoffCapBelowTheInitialDelay() {
        assertThatThrownBy(() -> read("{\"reconnect_initial_ms\":1000,\"reconnect_max_ms\":500}"))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("feed.reconnect_max_ms:");
    }

    @Test
    void shouldRejectAnUnknownProtocolAndATypo() {
        assertThatThrownBy(() -> read("{\"protocol\":\"fix\"}")).hasMessageStartingWith("feed.protocol:");
        assertThatThrownBy(() -> read("{\"idle_timout_ms\":1000}")).hasMessageStartingWith("feed.idle_timout_ms:");
    }
}

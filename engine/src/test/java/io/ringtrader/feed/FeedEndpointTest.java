package io.ringtrader.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeedEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"ws://example.com/", "ws://10.0.0.1:9000/", "ws://128.0.0.1/", "ws://[::2]:80/",
        "http://127.0.0.1/", "wss:///nohost", "ftp://localhost/"})
    void shouldRefuseAnythingButWssOrLoopbackWs(String url) {
        assertThatThrownBy(() -> FeedEndpoint.parse(url)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("feed.url:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws://127.0.0.1:8080/", "ws://127.1.2.3/", "ws://localhost:1/", "ws://[::1]:9/"})
    void shouldAcceptPlainWsOnLoopback(String url) {
        assertThat(FeedEndpoint.parse(url).tls()).isFalse();
    }

    @Test
    void shouldUseTlsOnPort443ForCoinbase() {
        final FeedEndpoint endpoint = FeedEndpoint.parse("wss://advanced-trade-ws.coinbase.com");
        assertThat(endpoint.tls()).isTrue();
        assertThat(endpoint.port()).isEqualTo(443);
        assertThat(endpoint.host()).isEqualTo("advanced-trade-ws.coinbase.com");
    }

    @Test
    void shouldNeverResolveNamesToDecideLoopback() {
        assertThat(FeedEndpoint.isLoopback("localhost.evil.example")).isFalse();
        assertThat(FeedEndpoint.isLoopback("LOCALHOST")).isTrue();
    }
}

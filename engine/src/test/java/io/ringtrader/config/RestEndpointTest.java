package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestEndpointTest {
    @Test
    void shouldAcceptHttpsAnywhereAndPlainHttpOnlyOnLoopback() {
        assertThat(RestEndpoint.parse("--api-url", RestEndpoint.COINBASE + "/").toString())
            .isEqualTo("https://api.coinbase.com");
        assertThat(RestEndpoint.parse("--api-url", "http://127.0.0.1:8080").getPort()).isEqualTo(8080);
        assertThat(RestEndpoint.parse("--api-url", "http://localhost:1").getHost()).isEqualTo("localhost");
        assertThat(RestEndpoint.parse("--api-url", "http://[::1]:1").getPort()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.coinbase.com", "http://127.evil.com", "http://128.0.0.1", "http://1.2.3.4",
        "http://127.0.0.256", "ws://127.0.0.1", "api.coinbase.com", "https://", "http://[::2]:1", "%zz"})
    void shouldRefusePlainHttpToANonLoopbackHostAndWhatIsNoUrl(String url) {
        assertThatThrownBy(() -> RestEndpoint.parse("--api-url", url)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("--api-url: ");
    }

    @Test
    void shouldRefuseABadHistoryApiUrlAtConfigLoadNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(null, java.util.Map.of("history.api_url", "http://example.com")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("history.api_url")
            .hasMessageContaining("loopback");
        assertThat(ConfigLoader.load(null, java.util.Map.of("history.api_url", "http://127.0.0.1:9")).history()
            .apiUrl()).isEqualTo("http://127.0.0.1:9");
    }
}

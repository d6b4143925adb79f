package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpConfig read(Map<String, Object> http) {
        final ConfigNode node = new ConfigNode("http", JSON.valueToTree(http));
        final HttpConfig config = HttpConfig.read(node);
        node.finish();
        return config;
    }

    @Test
    void shouldBeOffAndOnLoopbackByDefault() {
        final HttpConfig c = read(Map.of());
        assertThat(c.port()).isZero();
        assertThat(c.bind()).isEqualTo("127.0.0.1");
        assertThat(c.tokenRequired()).isFalse();
        assertThat(c.lingerSeconds()).isZero();
    }

    @Test
    void shouldRefuseANonLoopbackBindWithoutAToken() {
        assertThatThrownBy(() -> read(Map.of("port", 8080, "bind", "0.0.0.0")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("http.token")
            .hasMessageContaining("not a loopback address");
        assertThat(read(Map.of("bind", "0.0.0.0", "token", "0123456789abcdef")).tokenRequired()).isTrue();
        assertThat(read(Map.of("bind", "localhost")).tokenRequired()).isFalse();
    }

    @Test
    void shouldRefuseAShortTokenWithoutShowingIt() {
        assertThatThrownBy(() -> read(Map.of("token", "short-secret")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("http.token")
            .hasMessageNotContaining("short-secret");
        assertThat(read(Map.of("token", "0123456789abcdef-secret")).toString()).doesNotContain("secret");
    }

    @Test
    void shouldNameAnUnknownKeyAndABadPort() {
        assertThatThrownBy(() -> read(Map.of("prot", 8080))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("http.prot");
        assertThatThrownBy(() -> read(Map.of("port", 70_000))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("http.port");
        assertThatThrownBy(() -> read(Map.of("bind", "no such host.invalid"))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("http.bind");
    }
}

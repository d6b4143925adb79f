package io.ringtrader.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.event.Rfc3339;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeConfigTest {
    private static ExchangeConfig read(String json) throws Exception {
        final ConfigNode node = new ConfigNode("exchange", new ObjectMapper().readTree(json));
        final ExchangeConfig config = ExchangeConfig.read(node);
        node.finish();
        return config;
    }

    @Test
    void shouldUseCoinbaseLikeDefaults() throws Exception {
        final ExchangeConfig c = read("{}");
        assertThat(c.simStartNs()).isEqualTo(Rfc3339.parse("2026-01-05T00:00:00Z"));
        assertThat(c.startDelayMs()).isEqualTo(1_000);
        assertThat(c.subscribeTimeoutMs()).isEqualTo(5_000);
        assertThat(c.rejectProducts()).isEmpty();
        assertThat(c.atomicSubscribe()).isTrue();
        assertThat(c.batchMs()).isEqualTo(250);
        assertThat(c.snapshotSize()).isEqualTo(100);
    }

    @Test
    void shouldReadEveryKey() throws Exception {
        final ExchangeConfig c = read("{\"sim_start\":\"2024-03-01T12:00:00Z\",\"start_delay_ms\":0,"
            + "\"subscribe_timeout_ms\":1000,\"reject_products\":[\"matic-usd\"],\"atomic_subscribe\":false,"
            + "\"batch_ms\":100,\"snapshot_size\":50}");
        assertThat(c.simStartNs()).isEqualTo(Rfc3339.parse("2024-03-01T12:00:00Z"));
        assertThat(c.rejectProducts()).isEqualTo(List.of("MATIC-USD"));
        assertThat(c.atomicSubscribe()).isFalse();
        assertThat(c.batchMs()).isEqualTo(100);
        assertThat(c.snapshotSize()).isEqualTo(50);
    }

    @Test
    void shouldRejectBadStartTimeNamingTheKey() {
        assertThatThrownBy(() -> read("{\"sim_start\":\"monday\"}")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("exchange.sim_start");
        assertThatThrownBy(() -> read("{\"sim_start\":\"2026-01-05T00:00:00.5Z\"}"))
            .hasMessageContaining("whole second");
    }

    @Test
    void shouldRejectMalformedProductIdsAndUnknownKeys() {
        assertThatThrownBy(() -> read("{\"reject_products\":[\"MATIC\"]}")).isInstanceOf(ConfigException.class)
            .hasMessageContaining("exchange.reject_products");
        assertThatThrownBy(() -> read("{\"start_delay\":5}")).hasMessageContaining("exchange.start_delay");
    }
}

package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class RiskConfigTest {

    private static RiskConfig read(String yaml) throws Exception {
        return RiskConfig.read(new ConfigNode("risk", new ObjectMapper(new YAMLFactory()).readTree(yaml)));
    }

    @Test
    void shouldHaveSaneDefaults() {
        final RiskConfig c = RiskConfig.defaults();
        assertThat(c.positionFraction()).isEqualTo(0.10);
        assertThat(c.maxDrawdown()).isEqualTo(0.15);
        assertThat(c.drawdownRecovery()).isEqualTo(0.10);
        assertThat(c.reduceOnDrawdown()).isFalse();
    }

    @Test
    void shouldRefuseInconsistentLimits() {
        assertThatThrownBy(() -> read("max_drawdown: 0.1\ndrawdown_recovery: 0.2"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("risk.drawdown_recovery");
        assertThatThrownBy(() -> read("position_fraction: 0.5\nmax_position_fraction: 0.2"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("risk.position_fraction");
        assertThatThrownBy(() -> read("correlation_threshold: 1.5")).isInstanceOf(ConfigException.class);
    }
}

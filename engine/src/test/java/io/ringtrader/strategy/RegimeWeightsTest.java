package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.config.ConfigException;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Regime;
import org.junit.jupiter.api.Test;

class RegimeWeightsTest {
    @Test
    void shouldOverrideStyleDefaultsPerKey() {
        final ConfigNode n = TestConfigs.node("{weight_trending: 3, weight_unknown: 0.5}");
        final RegimeWeights w = RegimeWeights.read(n, StrategyStyle.MEAN_REVERSION);
        assertThat(w.weight(Regime.TRENDING_UP)).isEqualTo(3.0);
        assertThat(w.weight(Regime.TRENDING_DOWN)).isEqualTo(3.0);
        assertThat(w.weight(Regime.RANGING)).isEqualTo(1.5);
        assertThat(w.weight(Regime.HIGH_VOLATILITY)).isEqualTo(0.3);
        assertThat(w.weight(Regime.UNKNOWN)).isEqualTo(0.5);
        assertThat(w.weight((byte) 99)).isEqualTo(0.5);
    }

    @Test
    void shouldRejectNegativeWeights() {
        assertThatThrownBy(() -> RegimeWeights.read(TestConfigs.node("{weight_ranging: -1}"), StrategyStyle.TREND))
            .isInstanceOf(ConfigException.class).hasMessageContaining("weight_ranging");
    }
}

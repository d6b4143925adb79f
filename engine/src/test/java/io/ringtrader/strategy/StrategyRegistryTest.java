package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.config.ConfigException;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Regime;
import org.junit.jupiter.api.Test;

class StrategyRegistryTest {
    private static StrategyRegistry registry(String yaml) {
        return StrategyRegistry.create(TestConfigs.strategies(yaml), TestPlugins.library());
    }

    @Test
    void shouldNumberStrategiesByTheirPositionInActive() {
        final StrategyRegistry r = registry("active: [breakout, always_buy, trend_following]");
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.name(0)).isEqualTo("breakout");
        assertThat(r.name(1)).isEqualTo("always_buy");
        assertThat(r.idOf("trend_following")).isEqualTo(2);
        assertThat(r.idOf("mean_reversion")).isEqualTo(-1);
        assertThat(r.name(-1)).isEqualTo("none");
        assertThat(r.names()).containsExactly("breakout", "always_buy", "trend_following");
    }

    @Test
    void shouldUseStyleWeightsUnlessOverridden() {
        final StrategyRegistry r = registry("{active: [trend_following, mean_reversion],"
            + " params: {mean_reversion: {weight_high_volatility: 0.0}}}");
        assertThat(r.strategy(0).weights().weight(Regime.TRENDING_UP)).isEqualTo(1.5);
        assertThat(r.strategy(0).weights().weight(Regime.RANGING)).isEqualTo(0.5);
        assertThat(r.strategy(1).weights().weight(Regime.RANGING)).isEqualTo(1.5);
        assertThat(r.strategy(1).weights().weight(Regime.HIGH_VOLATILITY)).isEqualTo(0.0);
    }

    @Test
    void shouldRejectAnUnknownActiveStrategy() {
        assertThatThrownBy(() -> registry("active: [trend_following, moon_shot]"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("moon_shot")
            .extracting(e -> ((ConfigException) e).key()).isEqualTo("strategies.active");
    }

    @Test
    void shouldValidateParamsOfInactiveStrategiesAndUnknownNames() {
        assertThatThrownBy(() -> registry("params: {rsi_reversal: {oversold: 80}}"))
            .isInstanceOf(ConfigException.class)
            .extracting(e -> ((ConfigException) e).key()).isEqualTo("strategies.params.rsi_reversal.oversold");
        assertThatThrownBy(() -> registry("params: {mean_reversal: {band_period: 20}}"))
            .isInstanceOf(ConfigException.class)
            .extracting(e -> ((ConfigException) e).key()).isEqualTo("strategies.params.mean_reversal");
    }

    @Test
    void shouldStartFromTheThreeDefaults() {
        assertThat(registry("{}").names()).isEqualTo(StrategyConfig.DEFAULT_ACTIVE);
    }
}

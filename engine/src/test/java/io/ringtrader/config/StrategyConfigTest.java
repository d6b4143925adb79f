package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class StrategyConfigTest {
    private static StrategyConfig read(String yaml) throws Exception {
        final ConfigNode n = new ConfigNode("strategies", new ObjectMapper(new YAMLFactory()).readTree(yaml));
        final StrategyConfig config = StrategyConfig.read(n);
        n.finish();
        return config;
    }

    @Test
    void shouldApplyDefaults() throws Exception {
        final StrategyConfig c = read("{}");
        assertThat(c.active()).isEqualTo(StrategyConfig.DEFAULT_ACTIVE);
        assertThat(c.signalIntervalSeconds()).isEqualTo(60);
        assertThat(c.minCandles()).isEqualTo(50);
        assertThat(c.confidenceThreshold()).isEqualTo(0.30);
        assertThat(c.emitHolds()).isTrue();
        assertThat(c.regime().adxEnter()).isEqualTo(25);
        assertThat(c.regime().adxExit()).isEqualTo(20);
        assertThat(c.regime().minDwellCandles()).isEqualTo(3);
        assertThat(c.selection().metric()).isEqualTo("sharpe");
        assertThat(c.selection().minTrades()).isEqualTo(5);
    }

    @Test
    void shouldReadEverySetting() throws Exception {
        final StrategyConfig c = read("""
            active: [breakout, rsi_reversal]
            signal_interval_seconds: 300
            min_candles: 120
            confidence_threshold: 0.5
            emit_holds: false
            regime: {adx_period: 10, adx_enter: 30, adx_exit: 22, volatility_window: 20, volatility_lookback: 500,
                     volatility_enter_percentile: 0.95, volatility_exit_percentile: 0.8, volatility_min_ratio: 2,
                     min_dwell_candles: 5}
            selection: {metric: sortino, min_trades: 10, min_history_candles: 2000, folds: 5,
                        min_positive_folds: 3}
            params: {breakout: {channel_period: 30}}
            """);
        assertThat(c.active()).containsExactly("breakout", "rsi_reversal");
        assertThat(c.emitHolds()).isFalse();
        assertThat(c.regime().volatilityMinRatio()).isEqualTo(2.0);
        assertThat(c.regime().minDwellCandles()).isEqualTo(5);
        assertThat(c.selection().metric()).isEqualTo("sortino");
        assertThat(c.selection().minHistoryCandles()).isEqualTo(2000);
        assertThat(c.selection().folds()).isEqualTo(5);
        assertThat(c.selection().minPositiveFolds()).isEqualTo(3);
        assertThat(c.params().keys()).containsExactly("breakout");
    }

    @Test
    void shouldRefuseTheRetiredSelectionSimulationKeysSayingWhy() {
        for (String key : new String[] {"fee_bps: 25", "position_fraction: 0.5", "entry_confidence: 0.4"}) {
            assertThatThrownBy(() -> read("selection: {" + key + "}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("order layer")
                .extracting(e -> ((ConfigException) e).key())
                .isEqualTo("strategies.selection." + key.substring(0, key.indexOf(':')));
        }
    }

    @Test
    void shouldRejectExitThresholdsAboveEnterThresholds() {
        assertThatThrownBy(() -> read("regime: {adx_enter: 20, adx_exit: 25}"))
            .isInstanceOf(ConfigException.class)
            .extracting(e -> ((ConfigException) e).key()).isEqualTo("strategies.regime.adx_exit");
        assertThatThrownBy(() -> read("regime: {volatility_enter_percentile: 0.8, volatility_exit_percentile: 0.9}"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("volatility_exit_percentile");
    }

    @Test
    void shouldRejectUnknownKeysDuplicateStrategiesAndBadMetrics() {
        assertThatThrownBy(() -> read("regime: {adx_treshold: 20}"))
            .isInstanceOf(ConfigException.class)
            .extracting(e -> ((ConfigException) e).key()).isEqualTo("strategies.regime.adx_treshold");
        assertThatThrownBy(() -> read("active: [breakout, breakout]"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> read("selection: {folds: 2, min_positive_folds: 3}"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("min_positive_folds");
        assertThatThrownBy(() -> read("selection: {metric: calmar}"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("sharpe");
    }

    @Test
    void shouldSwapTheActiveListKeepingEverythingElse() throws Exception {
        final StrategyConfig c = read("{min_candles: 99, active: [breakout]}");
        final StrategyConfig chosen = c.withActive(java.util.List.of("rsi_reversal", "macd_momentum"));
        assertThat(chosen.active()).containsExactly("rsi_reversal", "macd_momentum");
        assertThat(chosen.minCandles()).isEqualTo(99);
        assertThatThrownBy(() -> c.withActive(java.util.List.of("a", "a"))).isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldKeepTheFiveFieldConstructor() {
        final StrategyConfig c = new StrategyConfig(StrategyConfig.DEFAULT_ACTIVE, 60, 50, 0.3, ConfigNode.empty());
        assertThat(c.emitHolds()).isTrue();
        assertThat(c.regime().volatilityLookback()).isEqualTo(240);
    }
}

package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrader.config.ConfigException;
import io.ringtrader.config.ConfigNode;
import io.ringtrader.event.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyLibraryTest {
    @Test
    void shouldNotOfferTheTestPluginToEnginesThatDoNotLoadIt() {
        assertThat(StrategyLibrary.load().names()).doesNotContain("always_buy");
    }

    @Test
    void shouldListTheSixBuiltInsThenServiceLoaderProviders() {
        final StrategyLibrary library = TestPlugins.library();
        assertThat(library.names()).containsExactly("trend_following", "mean_reversion", "breakout",
            "macd_momentum", "rsi_reversal", "vwap_reversion", "always_buy");
    }

    @Test
    void shouldConfigureAUserStrategyFromItsParams() {
        final ConfigNode params = TestConfigs.node("{always_buy: {confidence: 0.4, weight_ranging: 2.5}}");
        final ConfiguredStrategy s = TestPlugins.library().configure("always_buy", params);
        final Vote v = new Vote();
        s.factory().create(0).vote(v);
        assertThat(v.action).isEqualTo(Action.BUY);
        assertThat(v.confidence).isEqualTo(0.4);
        assertThat(s.weights().weight(io.ringtrader.event.Regime.RANGING)).isEqualTo(2.5);
    }

    @Test
    void shouldRejectAnUnknownParameterNamingTheKey() {
        final ConfigNode params = TestConfigs.node("{breakout: {channel_periods: 20}}");
        assertThatThrownBy(() -> TestPlugins.library().configure("breakout", params))
            .isInstanceOf(ConfigException.class)
            .extracting(e -> ((ConfigException) e).key()).isEqualTo("strategies.breakout.channel_periods");
    }

    @Test
    void shouldRejectAnOutOfRangeParameter() {
        final ConfigNode params = TestConfigs.node("{trend_following: {fast_period: 30, slow_period: 20}}");
        assertThatThrownBy(() -> TestPlugins.library().configure("trend_following", params))
            .isInstanceOf(ConfigException.class).hasMessageContaining("fast_period");
    }

    @Test
    void shouldRejectTwoProvidersWithOneName() {
        assertThatThrownBy(() -> StrategyLibrary.of(List.of(new AlwaysBuyProvider(), new AlwaysBuyProvider())))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("always_buy");
    }

    @Test
    void shouldConfigureEveryBuiltInWithDefaults() {
        final StrategyLibrary library = StrategyLibrary.of(StrategyLibrary.builtIns());
        for (String name : library.names()) {
            final Strategy s = library.configure(name, ConfigNode.empty()).factory().create(0);
            assertThat(s.warmUpCandles()).as(name).isGreaterThan(1);
            final Vote v = new Vote();
            s.onCandle(new TestCandles(0).noise(1, 100, 0.1, 1).get(0));
            s.vote(v);
            assertThat(v.action).as(name).isEqualTo(Action.HOLD);
            assertThat(v.reasonCode).as(name).isEqualTo(Vote.REASON_WARMING_UP);
        }
    }
}

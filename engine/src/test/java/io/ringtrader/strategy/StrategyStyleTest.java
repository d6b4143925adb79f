package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.Regime;
import org.junit.jupiter.api.Test;

class StrategyStyleTest {
    @Test
    void shouldFavourTrendStrategiesInTrendsAndMeanReversionInRangesAndDampAllInHighVolatility() {
        for (byte trend : new byte[] {Regime.TRENDING_UP, Regime.TRENDING_DOWN}) {
            assertThat(StrategyStyle.defaultWeight(StrategyStyle.TREND, trend))
                .isGreaterThan(StrategyStyle.defaultWeight(StrategyStyle.MEAN_REVERSION, trend));
        }
        assertThat(StrategyStyle.defaultWeight(StrategyStyle.MEAN_REVERSION, Regime.RANGING))
            .isGreaterThan(StrategyStyle.defaultWeight(StrategyStyle.TREND, Regime.RANGING));
        for (byte style : new byte[] {StrategyStyle.NEUTRAL, StrategyStyle.TREND, StrategyStyle.MEAN_REVERSION}) {
            assertThat(StrategyStyle.defaultWeight(style, Regime.HIGH_VOLATILITY))
                .isLessThan(StrategyStyle.defaultWeight(style, Regime.UNKNOWN));
        }
        assertThat(StrategyStyle.name(StrategyStyle.MEAN_REVERSION)).isEqualTo("mean_reversion");
    }
}

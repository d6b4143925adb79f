package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.ConfigNode;
import io.ringtrader.config.StrategyConfig;
import io.ringtrader.event.Regime;
import org.junit.jupiter.api.Test;

class RegimeDetectorTest {
    private static final StrategyConfig.Regime DEFAULTS = StrategyConfig.Regime.read(ConfigNode.empty());

    private static byte run(RegimeDetector detector, TestCandles candles) {
        byte regime = Regime.UNKNOWN;
        for (int i = 0; i < candles.size(); i++) {
            regime = detector.update(candles.get(i));
        }
        return regime;
    }

    @Test
    void shouldBeUnknownUntilAdxIsReady() {
        final RegimeDetector d = new RegimeDetector(DEFAULTS);
        assertThat(run(d, new TestCandles(0).noise(2 * 14 - 1, 100, 0.1, 1))).isEqualTo(Regime.UNKNOWN);
    }

    @Test
    void shouldDetectTrendsUpAndDown() {
        final RegimeDetector up = new RegimeDetector(DEFAULTS);
        assertThat(run(up, new TestCandles(0).noise(100, 100, 0.1, 3).randomWalk(120, 0.15, 0.05, 4)))
            .isEqualTo(Regime.TRENDING_UP);
        final RegimeDetector down = new RegimeDetector(DEFAULTS);
        assertThat(run(down, new TestCandles(0).noise(100, 100, 0.1, 3).randomWalk(120, -0.15, 0.05, 4)))
            .isEqualTo(Regime.TRENDING_DOWN);
    }

    @Test
    void shouldDetectARange() {
        final RegimeDetector d = new RegimeDetector(DEFAULTS);
        final TestCandles c = new TestCandles(0).noise(400, 100, 0.1, 11);
        int ranging = 0;
        for (int i = 0; i < c.size(); i++) {
            if (d.update(c.get(i)) == Regime.RANGING) {
                ranging++;
            }
        }
        assertThat(d.regime()).isEqualTo(Regime.RANGING);
        assertThat(ranging).isGreaterThan(300);
    }

    @Test
    void shouldDetectAVolatilityBurstAndLeaveItAfterwards() {
        final RegimeDetector d = new RegimeDetector(DEFAULTS);
        final TestCandles c = new TestCandles(0).noise(300, 100, 0.1, 5).noise(20, 100, 1.0, 6);
        assertThat(run(d, c)).isEqualTo(Regime.HIGH_VOLATILITY);
        final TestCandles calm = new TestCandles(0).noise(300, 100, 0.1, 7);
        assertThat(run(d, calm)).isNotEqualTo(Regime.HIGH_VOLATILITY);
    }

    @Test
    void shouldHoldEachRegimeForAtLeastTheMinimumDwell() {
        final TestCandles c = new TestCandles(0);
        for (int k = 0; k < 20; k++) {
            c.randomWalk(40, (k % 3 - 1) * 0.1, 0.15, 100 + k);
        }
        final int dwell = DEFAULTS.minDwellCandles();
        final RegimeDetector d = new RegimeDetector(DEFAULTS);
        byte current = Regime.UNKNOWN;
        int held = 0;
        int switches = 0;
        for (int i = 0; i < c.size(); i++) {
            final byte r = d.update(c.get(i));
            if (r != current) {
                if (current != Regime.UNKNOWN) {
                    assertThat(held).as("candles in %s before candle %d", Regime.name(current), i)
                        .isGreaterThanOrEqualTo(dwell);
                    switches++;
                }
                current = r;
                held = 0;
            }
            held++;
        }
        assertThat(switches).isGreaterThan(3);
        assertThat(switches).isLessThan(flappingSwitches(c));
    }

    /** Switches of a detector without hysteresis: equal enter/exit thresholds, no dwell. */
    private static int flappingSwitches(TestCandles c) {
        final StrategyConfig.Regime none = new StrategyConfig.Regime(DEFAULTS.adxPeriod(), DEFAULTS.adxEnter(),
            DEFAULTS.adxEnter(), DEFAULTS.volatilityWindow(), DEFAULTS.volatilityLookback(),
            DEFAULTS.volatilityEnterPercentile(), DEFAULTS.volatilityEnterPercentile(), DEFAULTS.volatilityMinRatio(),
            1);
        final RegimeDetector d = new RegimeDetector(none);
        byte previous = Regime.UNKNOWN;
        int switches = 0;
        for (int i = 0; i < c.size(); i++) {
            final byte r = d.update(c.get(i));
            if (r != previous && previous != Regime.UNKNOWN) {
                switches++;
            }
            previous = r;
        }
        return switches;
    }
}

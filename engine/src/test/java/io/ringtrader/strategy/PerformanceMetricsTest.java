package io.ringtrader.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {
    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void shouldMatchAHandComputedExample() {
        // returns +10 %, -10 %, +10 %; trades +5, -2, +3; in a position for 2 of 3 periods
        final double[] equity = {100, 110, 99, 108.9};
        final double[] pnl = {5, -2, 3};
        final PerformanceMetrics m = PerformanceMetrics.compute(equity, 4, pnl, 3, 2, 1);
        assertThat(m.totalReturn()).isCloseTo(0.089, EXACT);
        // mean 1/30; sample variance ((1/15)^2 * 2 + (2/15)^2) / 2 = 1/75
        assertThat(m.sharpe()).isCloseTo((1.0 / 30) / Math.sqrt(1.0 / 75), EXACT);
        // downside deviation sqrt(0.01 / 3)
        assertThat(m.sortino()).isCloseTo((1.0 / 30) / Math.sqrt(0.01 / 3), EXACT);
        assertThat(m.maxDrawdown()).isCloseTo(0.1, EXACT);
        assertThat(m.trades()).isEqualTo(3);
        assertThat(m.winRate()).isCloseTo(2.0 / 3, EXACT);
        assertThat(m.profitFactor()).isCloseTo(4.0, EXACT);
        assertThat(m.exposure()).isCloseTo(2.0 / 3, EXACT);
        assertThat(m.periods()).isEqualTo(3);
    }

    @Test
    void shouldAnnualiseBySquareRootOfPeriodsPerYear() {
        final double[] equity = {100, 110, 99, 108.9};
        final PerformanceMetrics daily = PerformanceMetrics.compute(equity, 4, new double[0], 0, 0, 1);
        final PerformanceMetrics minute = PerformanceMetrics.compute(equity, 4, new double[0], 0, 0,
            PerformanceMetrics.MINUTES_PER_YEAR);
        assertThat(minute.sharpe()).isCloseTo(daily.sharpe() * Math.sqrt(525_600), Offset.offset(1e-9));
        assertThat(minute.metric("sharpe")).isEqualTo(minute.sharpe());
        assertThat(minute.metric("total_return")).isEqualTo(minute.totalReturn());
    }

    @Test
    void shouldHandleFlatCurvesAndNoLosses() {
        final PerformanceMetrics flat = PerformanceMetrics.compute(new double[] {1, 1, 1}, 3, new double[0], 0, 0,
            1);
        assertThat(flat.sharpe()).isZero();
        assertThat(flat.sortino()).isZero();
        assertThat(flat.profitFactor()).isZero();
        assertThat(flat.winRate()).isZero();
        final PerformanceMetrics rising = PerformanceMetrics.compute(new double[] {1, 1.1, 1.2}, 3,
            new double[] {0.2}, 1, 2, 1);
        assertThat(rising.sortino()).isInfinite();
        assertThat(rising.profitFactor()).isInfinite();
        assertThat(rising.maxDrawdown()).isZero();
        assertThat(rising.exposure()).isEqualTo(1.0);
    }
}

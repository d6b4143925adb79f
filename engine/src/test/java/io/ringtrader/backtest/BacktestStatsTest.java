package io.ringtrader.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringtrader.event.Candle;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Side;
import io.ringtrader.strategy.PerformanceMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestStatsTest {
    private static final long MIN = 60_000_000_000L;

    private static long e8(double v) {
        return FixedPoint.fromDouble(v);
    }

    private static Fill fill(byte side, double pnl, double positionAfter, double fee) {
        final Fill f = new Fill();
        f.instrumentId = 0;
        f.side = side;
        f.realizedPnlE8 = e8(pnl);
        f.positionAfterE8 = e8(positionAfter);
        f.feeE8 = e8(fee);
        return f;
    }

    /** Start 100, then minutes ending at 110, 99, 108.9: returns +10 %, -10 %, +10 %. */
    private static BacktestResult upDownUp() {
        final BacktestResult r = new BacktestResult(e8(100), 1);
        r.addMinute(MIN, e8(110), false);
        r.addMinute(2 * MIN, e8(99), true);
        r.addMinute(3 * MIN, e8(108.9), true);
        return r;
    }

    @Test
    void shouldComputeReturnSharpeSortinoAndDrawdownOfAHandWorkedCurve() {
        final PerformanceMetrics m = BacktestStats.of("portfolio", List.of("a"), upDownUp()).metrics();
        // returns r = 0.1, -0.1, 0.1: mean 1/30; sample variance ((1/15)^2 + (2/15)^2 + (1/15)^2) / 2 = 1/75;
        // downside deviation sqrt(0.1^2 / 3) = sqrt(1/300); annualised by sqrt(525600) = 724.98276
        assertThat(m.totalReturn()).isCloseTo(0.089, within(1e-12));
        assertThat(m.sharpe()).isCloseTo(209.28449536, within(1e-6));
        assertThat(m.sortino()).isCloseTo(418.56899073, within(1e-6));
        assertThat(m.maxDrawdown()).isCloseTo(11.0 / 110.0, within(1e-12));
        assertThat(m.exposure()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(m.periods()).isEqualTo(3);
    }

    @Test
    void shouldScoreSellsAsClosingTradesAndCountRoundTripsBackToFlat() {
        final BacktestResult r = upDownUp();
        r.addFill(fill(Side.BUY, 0, 1, 0.6));
        r.addFill(fill(Side.SELL, 5, 0.5, 0.3));
        r.addFill(fill(Side.SELL, -2, 0, 0.3));
        r.addFill(fill(Side.BUY, 0, 1, 0.6));
        r.addFill(fill(Side.SELL, 3, 0.4, 0.4));
        final BacktestStats s = BacktestStats.of("x", List.of("x"), r);
        assertThat(s.fills()).isEqualTo(5);
        assertThat(s.buys()).isEqualTo(2);
        assertThat(s.sells()).isEqualTo(3);
        assertThat(s.roundTrips()).isEqualTo(1);
        assertThat(s.metrics().trades()).isEqualTo(3);
        assertThat(s.metrics().winRate()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(s.metrics().profitFactor()).isCloseTo(8.0 / 2.0, within(1e-12));
        assertThat(s.feesE8()).isEqualTo(e8(2.2));
        assertThat(s.realizedPnlE8()).isEqualTo(e8(6));
        assertThat(s.finalEquityE8()).isEqualTo(e8(108.9));
    }

    @Test
    void shouldReportZerosForAFlatCurveWithoutTrades() {
        final BacktestResult r = new BacktestResult(e8(1000), 2);
        for (int m = 1; m <= 10; m++) {
            r.addMinute(m * MIN, e8(1000), false);
        }
        final BacktestStats s = BacktestStats.of("flat", List.of("flat"), r);
        final PerformanceMetrics m = s.metrics();
        assertThat(m.totalReturn()).isZero();
        assertThat(m.sharpe()).isZero();
        assertThat(m.sortino()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.exposure()).isZero();
        assertThat(m.winRate()).isZero();
        assertThat(m.profitFactor()).isZero();
        assertThat(s.fills()).isZero();
    }

    @Test
    void shouldMeasureDrawdownFromTheStartingCashWhenTheFirstMinuteLoses() {
        final BacktestResult r = new BacktestResult(e8(200), 1);
        r.addMinute(MIN, e8(150), true);
        r.addMinute(2 * MIN, e8(180), true);
        final PerformanceMetrics m = BacktestStats.of("p", List.of("p"), r).metrics();
        assertThat(m.maxDrawdown()).isCloseTo(0.25, within(1e-12));
        assertThat(m.totalReturn()).isCloseTo(-0.1, within(1e-12));
        assertThat(m.exposure()).isEqualTo(1.0);
    }

    @Test
    void buyAndHoldShouldSplitTheCashOverTheSymbolsAtTheirFirstCloseAndPayTheTakerFee() {
        final Candle[] candles = {candle(0, 0, 100), candle(1, 0, 50), candle(0, MIN, 110), candle(1, MIN, 50)};
        final BacktestStats free = BacktestStats.buyAndHold(candles, 2, e8(1_000), 0);
        assertThat(free.metrics().totalReturn()).as("500 in A up 10%, 500 in B flat").isCloseTo(0.05,
            within(1e-9));
        assertThat(free.feesE8()).isZero();
        final BacktestStats taxed = BacktestStats.buyAndHold(candles, 2, e8(1_000), 1_000_000L);
        assertThat(taxed.metrics().totalReturn()).as("1% taker fee on the way in").isCloseTo(
            (500 / 1.01 * 1.1 + 500 / 1.01) / 1_000 - 1, within(1e-9));
        assertThat(FixedPoint.toDouble(taxed.feesE8())).isCloseTo(1_000 - 1_000 / 1.01, within(1e-6));
        assertThat(taxed.name()).isEqualTo("buy_and_hold");
    }

    private static Candle candle(int id, long openNs, long close) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = openNs;
        c.closeE8 = e8(close);
        return c;
    }
}

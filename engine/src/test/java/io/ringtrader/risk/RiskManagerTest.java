package io.ringtrader.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.Candle;
import io.ringtrader.event.Fill;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.portfolio.PaperBroker;
import io.ringtrader.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

class RiskManagerTest {
    private static final long ONE = FixedPoint.ONE;
    /** Size increment 0.001, minimum order 0.01. */
    private static final Instrument A = new Instrument(0, "AAA", "AAA-USD", 1_000_000L, 100_000L, 1_000_000L, 0);
    private static final Instrument B = new Instrument(1, "BBB", "BBB-USD", 1_000_000L, 100_000L, 1_000_000L, 0);

    private final Portfolio portfolio = new Portfolio(2, 100_000 * ONE);
    private final PaperBroker broker = new PaperBroker(portfolio, 0, 0, 0);
    private final CorrelationMatrix correlations = new CorrelationMatrix(2, 10);
    private final DrawdownGuard drawdown = new DrawdownGuard(0.15, 0.10);
    private final RiskDecision decision = new RiskDecision();

    private RiskManager risk(double positionFraction, double maxPosition, double maxExposure) {
        return new RiskManager(new RiskConfig(positionFraction, maxPosition, maxExposure, 0.70, 10, 0.15, 0.10,
            false, 24), 0.0, correlations, drawdown);
    }

    private static Signal signal(int id, byte action, double confidence) {
        final Signal s = new Signal();
        s.reset();
        s.instrumentId = id;
        s.action = action;
        s.confidence = confidence;
        s.timestampNs = 123;
        return s;
    }

    private void hold(Instrument instrument, long priceE8, long quantityE8) {
        portfolio.mark(instrument.id(), priceE8);
        assertThat(broker.settle(instrument, Side.BUY, quantityE8, priceE8, Liquidity.TAKER, 0, new Fill())).isZero();
    }

    @Test
    void shouldSizeBuyAsFractionOfEquityTimesConfidence() {
        portfolio.mark(0, 100 * ONE);
        final long q = risk(0.10, 0.25, 0.8).target(signal(0, Action.BUY, 0.5), A, portfolio, broker, 0, 0, decision);
        assertThat(q).isEqualTo(50 * ONE);
        assertThat(decision.requestedQuantityE8).isEqualTo(50 * ONE);
        assertThat(decision.reasonCode).isZero();
        assertThat(decision.side).isEqualTo(Side.BUY);
        assertThat(decision.timestampNs).isEqualTo(123);
    }

    @Test
    void shouldRoundDownToTheSizeIncrement() {
        portfolio.mark(0, 300 * ONE);
        final long q = risk(0.10, 0.25, 0.8).target(signal(0, Action.BUY, 0.5), A, portfolio, broker, 0, 0, decision);
        assertThat(q).isEqualTo(16_666 * 100_000L);
    }

    @Test
    void shouldCapBuyAtTheMaxPositionPerSymbol() {
        hold(A, 100 * ONE, 200 * ONE);
        final long q = risk(0.30, 0.25, 0.8).target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 0, 0, decision);
        assertThat(decision.requestedQuantityE8).isEqualTo(300 * ONE);
        assertThat(q).as("the target is the whole position, capped at 25% of equity").isEqualTo(250 * ONE);
        assertThat(decision.reasonCode).isEqualTo(RiskReason.MAX_POSITION);
    }

    @Test
    void shouldCapBuyAtTheMaxTotalExposure() {
        hold(B, 100 * ONE, 280 * ONE);
        portfolio.mark(0, 100 * ONE);
        final long q = risk(0.10, 0.25, 0.30).target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 0, 0, decision);
        assertThat(q).isEqualTo(20 * ONE);
        assertThat(decision.reasonCode).isEqualTo(RiskReason.MAX_EXPOSURE);
    }

    @Test
    void shouldShrinkBuyInProportionToCorrelationAboveThreshold() {
        long a = 100 * ONE;
        long b = 50 * ONE;
        for (int minute = 0; minute < 30; minute++) {
            final double move = Math.sin(minute * 1.7) * 0.01;
            a = Math.round(a * (1 + move));
            b = Math.round(b * (1 + move * 0.9 + Math.cos(minute) * 0.001));
            correlations.onCandle(candle(0, minute, a));
            correlations.onCandle(candle(1, minute, b));
        }
        final double corr = correlations.correlation(0, 1);
        assertThat(corr).isBetween(0.7, 1.0);
        portfolio.mark(0, 100 * ONE);
        final RiskManager risk = risk(0.10, 0.25, 0.8);
        assertThat(risk.target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 0, 0, decision)).isEqualTo(100 * ONE);
        assertThat(decision.reasonCode).as("nothing correlated is held yet").isZero();
        hold(B, 50 * ONE, 10 * ONE);
        final long q = risk.target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 0, 0, decision);
        final long requested = decision.requestedQuantityE8;
        final double keep = 1.0 - (corr - 0.70) / 0.30;
        assertThat(q).isEqualTo(FixedPoint.floorTo(FixedPoint.multiply(requested, FixedPoint.fromDouble(keep)),
            A.sizeIncrementE8()));
        assertThat(q).isLessThan(requested);
        assertThat(decision.reasonCode).isEqualTo(RiskReason.CORRELATION);
    }

    @Test
    void shouldRejectEntriesWhileDrawdownLatchIsSetButStillAllowSells() {
        hold(A, 100 * ONE, 10 * ONE);
        drawdown.update(FixedPoint.fromDouble(0.20), 0);
        final RiskManager risk = risk(0.10, 0.25, 0.8);
        assertThat(risk.target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 0, 0, decision))
            .isEqualTo(-1);
        assertThat(decision.reasonCode).isEqualTo(RiskReason.DRAWDOWN);
        assertThat(decision.requestedQuantityE8).isPositive();
        assertThat(risk.target(signal(0, Action.SELL, 1.0), A, portfolio, broker, 0, 0, decision))
            .as("a SELL still sets the target flat").isZero();
        drawdown.update(FixedPoint.fromDouble(0.05), 0);
        assertThat(risk.target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 0, 0, decision)).isPositive();
    }

    @Test
    void shouldRoundATinyTargetDownToZero() {
        portfolio.mark(0, 100_000 * ONE);
        final long q = risk(0.10, 0.25, 0.8).target(signal(0, Action.BUY, 0.0009), A, portfolio,
            broker, 0, 0, decision);
        assertThat(q).as("rounds down to nothing; the order manager refuses orders under the minimum").isZero();
        assertThat(decision.requestedQuantityE8).isEqualTo(0);
    }

    @Test
    void shouldSetASellTargetToTheConfiguredFractionOfTheBuyTarget() {
        hold(A, 100 * ONE, 30 * ONE);
        assertThat(risk(0.10, 0.25, 0.8).target(signal(0, Action.SELL, 1.0), A, portfolio, broker, 0, 0, decision))
            .as("default: flat").isZero();
        assertThat(decision.side).isEqualTo(Side.SELL);
        final RiskManager half = new RiskManager(new RiskConfig(0.10, 0.25, 0.8, 0.70, 10, 0.15, 0.10, false, 24),
            0.5, correlations, drawdown);
        assertThat(half.target(signal(0, Action.SELL, 1.0), A, portfolio, broker, 0, 0, decision))
            .isEqualTo(50 * ONE);
    }

    @Test
    void shouldCountOpenBuyOrdersAgainstTheCash() {
        portfolio.mark(0, 100 * ONE);
        final long q = risk(1.0, 1.0, 1.0).target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 400 * ONE,
            40_000 * ONE, decision);
        assertThat(q).as("400 on order plus what the remaining 60,000 buys").isEqualTo(1_000 * ONE);
        final long capped = risk(1.0, 1.0, 1.0).target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 400 * ONE,
            90_000 * ONE, decision);
        assertThat(capped).isEqualTo(500 * ONE);
        assertThat(decision.reasonCode).isEqualTo(RiskReason.INSUFFICIENT_CASH);
    }

    @Test
    void shouldCapBuyAtCashForNotionalPlusFee() {
        final PaperBroker feeBroker = new PaperBroker(portfolio, 600_000L, 600_000L, 0);
        portfolio.mark(0, 100 * ONE);
        final long q = risk(1.0, 1.0, 1.0).target(signal(0, Action.BUY, 1.0), A, portfolio, feeBroker, 0, 0, decision);
        assertThat(decision.requestedQuantityE8).isEqualTo(1_000 * ONE);
        assertThat(q).isEqualTo(994_035 * 100_000L);
        assertThat(decision.reasonCode).isEqualTo(RiskReason.INSUFFICIENT_CASH);
        final long notional = FixedPoint.multiply(q, 100 * ONE);
        assertThat(notional + feeBroker.feeE8(notional, Liquidity.TAKER)).isLessThanOrEqualTo(portfolio.cashE8());
    }

    @Test
    void shouldRejectWithoutALastPrice() {
        assertThat(risk(0.10, 0.25, 0.8).target(signal(0, Action.BUY, 1.0), A, portfolio, broker, 0, 0, decision))
            .isEqualTo(-1);
        assertThat(decision.reasonCode).isEqualTo(RiskReason.NO_PRICE);
    }

    private static Candle candle(int id, int minute, long closeE8) {
        final Candle c = new Candle();
        c.instrumentId = id;
        c.openTimeNs = minute * 60_000_000_000L;
        c.closeE8 = closeE8;
        return c;
    }
}

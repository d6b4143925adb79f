package io.ringtrader.risk;

import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.event.WideMath;

/**
 * Turns one signal into a target position (base units) and applies the limits to the target, in this order. BUY:
 * target notional = {@code positionFraction x equity x confidence} at the taker buy price, rounded down to the
 * size increment; then the drawdown latch (reject), correlation reduction, the per-symbol position cap, the total
 * exposure cap and the cash for what is not yet held or on order. SELL: {@code sellTargetFraction} of the same
 * target (0 = flat). Risk only ever shrinks a target; the order manager then trades the difference between the
 * target and what is held plus on order. Reasons are written as bits to a {@link RiskDecision}.
 * Single-threaded: owned by the risk/portfolio handler.
 */
public final class RiskManager {
    private final long positionFractionE8;
    private final long maxPositionE8;
    private final long maxExposureE8;
    private final long sellTargetE8;
    private final double correlationThreshold;
    private final CorrelationMatrix correlations;
    private final DrawdownGuard drawdown;

    /** A risk manager with {@code config}'s limits reading {@code correlations} and {@code drawdown}. */
    public RiskManager(RiskConfig config, double sellTargetFraction, CorrelationMatrix correlations,
                       DrawdownGuard drawdown) {
        this.positionFractionE8 = FixedPoint.fromDouble(config.positionFraction());
        this.maxPositionE8 = FixedPoint.fromDouble(config.maxPositionFraction());
        this.maxExposureE8 = FixedPoint.fromDouble(config.maxTotalExposure());
        this.sellTargetE8 = FixedPoint.fromDouble(sellTargetFraction);
        this.correlationThreshold = config.correlationThreshold();
        this.correlations = correlations;
        this.drawdown = drawdown;
    }

    /**
     * The target quantity for a BUY or SELL {@code signal} on {@code instrument}, with the limits applied;
     * {@code pendingBuyE8} and {@code pendingBuyNotionalE8} are what open buy orders of the symbol will still
     * take. Sets {@code out}'s instrument, time, side, requested quantity (the raw target) and reason bits.
     *
     * @return the target (E8 base units, at least 0), or -1 when the signal is rejected outright
     */
    public long target(Signal signal, Instrument instrument, AccountView portfolio, EntryCosts broker,
                       long pendingBuyE8, long pendingBuyNotionalE8, RiskDecision out) {
        final int id = instrument.id();
        out.instrumentId = id;
        out.timestampNs = signal.timestampNs;
        out.side = signal.action == Action.BUY ? Side.BUY : Side.SELL;
        out.requestedQuantityE8 = 0;
        out.approvedQuantityE8 = 0;
        out.reasonCode = 0;
        final long last = portfolio.lastPriceE8(id);
        if (last <= 0) {
            out.reasonCode = RiskReason.NO_PRICE;
            return -1;
        }
        final long increment = instrument.sizeIncrementE8();
        final long equity = portfolio.equityE8();
        final long price = broker.buyPriceE8(last);
        final long full = FixedPoint.floorTo(WideMath.divideE8(FixedPoint.multiply(FixedPoint.multiply(equity,
            positionFractionE8), confidenceE8(signal.confidence)), price), increment);
        if (signal.action != Action.BUY) {
            final long target = FixedPoint.floorTo(FixedPoint.multiply(full, sellTargetE8), increment);
            out.requestedQuantityE8 = target;
            return target;
        }
        out.requestedQuantityE8 = full;
        if (drawdown.halted()) {
            out.reasonCode = RiskReason.DRAWDOWN;
            return -1;
        }
        int reasons = 0;
        long target = full;
        final double corr = maxHeldCorrelation(id, portfolio);
        if (corr > correlationThreshold && target > 0) {
            final double keep = 1.0 - (corr - correlationThreshold) / (1.0 - correlationThreshold);
            target = FixedPoint.multiply(target, Math.max(0, FixedPoint.fromDouble(keep)));
            reasons |= RiskReason.CORRELATION;
        }
        final long maxByPosition = WideMath.divideE8(FixedPoint.multiply(equity, maxPositionE8), price);
        if (target > maxByPosition) {
            target = maxByPosition;
            reasons |= RiskReason.MAX_POSITION;
        }
        final long held = portfolio.quantityE8(id);
        final long exposureRoom = FixedPoint.multiply(equity, maxExposureE8) - portfolio.totalPositionValueE8()
            + portfolio.positionValueE8(id);
        final long maxByExposure = exposureRoom <= 0 ? 0 : WideMath.divideE8(exposureRoom, price);
        if (target > maxByExposure) {
            target = maxByExposure;
            reasons |= RiskReason.MAX_EXPOSURE;
        }
        final long maxByCash = held + pendingBuyE8
            + broker.affordableQuantityE8(portfolio.cashE8() - pendingBuyNotionalE8, price);
        if (target > maxByCash) {
            target = maxByCash;
            reasons |= RiskReason.INSUFFICIENT_CASH;
        }
        out.reasonCode = reasons;
        return FixedPoint.floorTo(Math.max(0, target), increment);
    }

    /** Highest return correlation of {@code id} with any other instrument currently held; 0 if none. */
    public double maxHeldCorrelation(int id, AccountView portfolio) {
        double max = 0.0;
        final int n = Math.min(portfolio.instrumentCount(), correlations.size());
        for (int j = 0; j < n; j++) {
            if (j != id && portfolio.quantityE8(j) > 0) {
                final double c = correlations.correlation(id, j);
                if (c > max) {
                    max = c;
                }
            }
        }
        return max;
    }

    private static long confidenceE8(double confidence) {
        if (!(confidence > 0.0)) {
            return 0;
        }
        return confidence >= 1.0 ? FixedPoint.ONE : FixedPoint.fromDouble(confidence);
    }
}

package io.ringtrader.risk;

import io.ringtrader.config.RiskConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Instrument;
import io.ringtrader.event.RiskDecision;
import io.ringtrader.event.Side;
import io.ringtrader.event.Signal;
import io.ringtrader.portfolio.PaperBroker;
import io.ringtrader.portfolio.Portfolio;
import io.ringtrader.portfolio.WideMath;

/**
 * Sizes one signal into an order and applies the limits, in this order. BUY: target notional =
 * {@code positionFraction x equity x confidence} at the buy fill price, rounded down to the size increment; then
 * drawdown latch (reject), correlation reduction, per-symbol position cap, total exposure cap, cash for notional
 * plus fee, and the minimum order size. SELL: the same target, capped at the quantity held (spot), then the
 * minimum size. Risk only ever shrinks the requested quantity; every decision, with its reason bits, is written to
 * a {@link RiskDecision}. Single-threaded: owned by the risk/portfolio handler.
 */
public final class RiskManager {
    private final long positionFractionE8;
    private final long maxPositionE8;
    private final long maxExposureE8;
    private final double correlationThreshold;
    private final CorrelationMatrix correlations;
    private final DrawdownGuard drawdown;

    /** A risk manager with {@code config}'s limits reading {@code correlations} and {@code drawdown}. */
    public RiskManager(RiskConfig config, CorrelationMatrix correlations, DrawdownGuard drawdown) {
        this.positionFractionE8 = FixedPoint.fromDouble(config.positionFraction());
        this.maxPositionE8 = FixedPoint.fromDouble(config.maxPositionFraction());
        this.maxExposureE8 = FixedPoint.fromDouble(config.maxTotalExposure());
        this.correlationThreshold = config.correlationThreshold();
        this.correlations = correlations;
        this.drawdown = drawdown;
    }

    /**
     * Decides the quantity for a BUY or SELL {@code signal} on {@code instrument}; fills every field of {@code out}.
     *
     * @return the approved quantity (E8 base units), 0 when rejected
     */
    public long decide(Signal signal, Instrument instrument, Portfolio portfolio, PaperBroker broker,
                       RiskDecision out) {
        final int id = instrument.id();
        out.instrumentId = id;
        out.timestampNs = signal.timestampNs;
        out.side = signal.action == Action.BUY ? Side.BUY : Side.SELL;
        out.requestedQuantityE8 = 0;
        out.approvedQuantityE8 = 0;
        final long last = portfolio.lastPriceE8(id);
        if (last <= 0) {
            out.reasonCode = RiskReason.NO_PRICE;
            return 0;
        }
        final long increment = instrument.sizeIncrementE8();
        final long equity = portfolio.equityE8();
        final long target = FixedPoint.multiply(FixedPoint.multiply(equity, positionFractionE8),
            confidenceE8(signal.confidence));
        int reasons = 0;
        long quantity;
        if (signal.action == Action.BUY) {
            final long price = broker.buyPriceE8(last);
            final long requested = FixedPoint.floorTo(WideMath.divideE8(target, price), increment);
            out.requestedQuantityE8 = requested;
            quantity = requested;
            if (drawdown.halted()) {
                out.reasonCode = RiskReason.DRAWDOWN;
                return 0;
            }
            final double corr = maxHeldCorrelation(id, portfolio);
            if (corr > correlationThreshold && quantity > 0) {
                final double keep = 1.0 - (corr - correlationThreshold) / (1.0 - correlationThreshold);
                quantity = FixedPoint.multiply(quantity, Math.max(0, FixedPoint.fromDouble(keep)));
                reasons |= RiskReason.CORRELATION;
            }
            final long positionRoom = FixedPoint.multiply(equity, maxPositionE8) - portfolio.positionValueE8(id);
            final long maxByPosition = positionRoom <= 0 ? 0 : WideMath.divideE8(positionRoom, price);
            if (quantity > maxByPosition) {
                quantity = maxByPosition;
                reasons |= RiskReason.MAX_POSITION;
            }
            final long exposureRoom = FixedPoint.multiply(equity, maxExposureE8) - portfolio.totalPositionValueE8();
            final long maxByExposure = exposureRoom <= 0 ? 0 : WideMath.divideE8(exposureRoom, price);
            if (quantity > maxByExposure) {
                quantity = maxByExposure;
                reasons |= RiskReason.MAX_EXPOSURE;
            }
            final long affordable = broker.affordableQuantityE8(portfolio.cashE8(), price);
            if (quantity > affordable) {
                quantity = affordable;
                reasons |= RiskReason.INSUFFICIENT_CASH;
            }
        } else {
            final long held = portfolio.quantityE8(id);
            final long price = broker.sellPriceE8(last);
            final long requested = price <= 0 ? 0 : FixedPoint.floorTo(WideMath.divideE8(target, price), increment);
            out.requestedQuantityE8 = requested;
            if (held <= 0) {
                out.reasonCode = RiskReason.NO_POSITION;
                return 0;
            }
            quantity = requested;
            if (quantity > held) {
                quantity = held;
                reasons |= RiskReason.POSITION_HELD;
            }
        }
        quantity = FixedPoint.floorTo(quantity, increment);
        if (quantity <= 0 || quantity < instrument.minOrderSizeE8()) {
            out.reasonCode = reasons | RiskReason.MIN_SIZE;
            return 0;
        }
        out.approvedQuantityE8 = quantity;
        out.reasonCode = reasons;
        return quantity;
    }

    /** Highest return correlation of {@code id} with any other instrument currently held; 0 if none. */
    public double maxHeldCorrelation(int id, Portfolio portfolio) {
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

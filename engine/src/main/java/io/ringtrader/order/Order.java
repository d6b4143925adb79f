package io.ringtrader.order;

import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderUpdate;

/**
 * One paper order, pre-allocated in an {@link OrderBook} slot and reused. Prices and quantities in E8 fixed point,
 * times in exchange epoch nanoseconds. Single-threaded: owned by the risk/portfolio stage.
 */
public final class Order {
    public long id;
    public int instrumentId;
    /** A {@code Side}. */
    public byte side;
    /** An {@code OrderType}. */
    public byte type;
    /** A {@code TimeInForce} (limit orders), 0 otherwise. */
    public byte timeInForce;
    /** An {@link OrderState}. */
    public byte state;
    /** An {@code ExitReason}: what the order is for ({@code NONE} = entry). */
    public byte exitReason;
    public long quantityE8;
    public long filledE8;
    public long limitPriceE8;
    /** Stop price; for a trailing stop, the current trail ({@link #highWaterE8} - {@link #trailDistanceE8}). */
    public long stopPriceE8;
    /** Trailing stops: distance of the stop below the best price since armed. */
    public long trailDistanceE8;
    /** Trailing stops: the best trade price since armed. */
    public long highWaterE8;
    public long placedNs;
    /** The earliest exchange time a trade may match it (placement plus the configured latency). */
    public long activeFromNs;
    /** Exchange time it expires at; 0 = never. */
    public long expiresNs;
    /** For a limit order: true when it was marketable at placement (it then takes liquidity). */
    public boolean marketable;
    /** Placed during the event being processed: it may only match later trades. */
    public boolean fresh;
    public int strategyId;
    public byte regime;
    public double confidence;
    /** Why it was sized as it was (entries), a {@code RiskReason} bit set. */
    public int reasonCode;

    /** Quantity still to fill. */
    public long remainingE8() {
        return quantityE8 - filledE8;
    }

    /** True while the order can still fill. */
    public boolean open() {
        return OrderState.open(state);
    }

    /** Writes the order as it is now into {@code u}, with {@code state} and {@code reasonCode} of this change. */
    public void describe(OrderUpdate u, long timestampNs, int updateReason) {
        u.orderId = id;
        u.instrumentId = instrumentId;
        u.timestampNs = timestampNs;
        u.state = state;
        u.orderType = type;
        u.side = side;
        u.timeInForce = timeInForce;
        u.exitReason = exitReason;
        u.quantityE8 = quantityE8;
        u.filledE8 = filledE8;
        u.limitPriceE8 = limitPriceE8;
        u.stopPriceE8 = stopPriceE8;
        u.reasonCode = updateReason;
    }

    /** Copies every field of {@code o}. */
    public void copyFrom(Order o) {
        id = o.id;
        instrumentId = o.instrumentId;
        side = o.side;
        type = o.type;
        timeInForce = o.timeInForce;
        state = o.state;
        exitReason = o.exitReason;
        quantityE8 = o.quantityE8;
        filledE8 = o.filledE8;
        limitPriceE8 = o.limitPriceE8;
        stopPriceE8 = o.stopPriceE8;
        trailDistanceE8 = o.trailDistanceE8;
        highWaterE8 = o.highWaterE8;
        placedNs = o.placedNs;
        activeFromNs = o.activeFromNs;
        expiresNs = o.expiresNs;
        marketable = o.marketable;
        fresh = o.fresh;
        strategyId = o.strategyId;
        regime = o.regime;
        confidence = o.confidence;
        reasonCode = o.reasonCode;
    }

    /** Empties the slot. */
    void clear() {
        id = 0;
        state = 0;
        quantityE8 = 0;
        filledE8 = 0;
        limitPriceE8 = 0;
        stopPriceE8 = 0;
        trailDistanceE8 = 0;
        highWaterE8 = 0;
        expiresNs = 0;
        marketable = false;
        fresh = false;
        timeInForce = 0;
        exitReason = 0;
        strategyId = -1;
        reasonCode = 0;
        confidence = 0;
    }
}

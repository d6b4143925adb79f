package io.ringtrader.event;

/**
 * One state change of one paper order (accepted, triggered, partially filled, filled, cancelled, expired, rejected,
 * replaced), with the order as it is after the change. Mutable and reusable: lives inside a ring slot's batch and
 * is journaled, so {@code replay --verify} covers the order lifecycle.
 */
public final class OrderUpdate {
    public long orderId;
    public int instrumentId;
    /** Exchange time of the change, epoch nanoseconds. */
    public long timestampNs;
    /** An {@link OrderState}. */
    public byte state;
    /** An {@link OrderType}. */
    public byte orderType;
    /** A {@link Side}. */
    public byte side;
    /** A {@link TimeInForce} (limit orders), 0 otherwise. */
    public byte timeInForce;
    /** An {@link ExitReason}: what the order is for. */
    public byte exitReason;
    public long quantityE8;
    public long filledE8;
    /** Limit price (limit orders), 0 otherwise. */
    public long limitPriceE8;
    /** Stop price (stop and trailing-stop orders; the current trail), 0 otherwise. */
    public long stopPriceE8;
    /** Why it was rejected or cancelled, a {@code RiskReason} bit set; 0 otherwise. */
    public int reasonCode;

    /** Copies every field of {@code other} into this update. */
    public void copyFrom(OrderUpdate other) {
        orderId = other.orderId;
        instrumentId = other.instrumentId;
        timestampNs = other.timestampNs;
        state = other.state;
        orderType = other.orderType;
        side = other.side;
        timeInForce = other.timeInForce;
        exitReason = other.exitReason;
        quantityE8 = other.quantityE8;
        filledE8 = other.filledE8;
        limitPriceE8 = other.limitPriceE8;
        stopPriceE8 = other.stopPriceE8;
        reasonCode = other.reasonCode;
    }
}

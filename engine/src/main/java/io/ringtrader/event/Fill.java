package io.ringtrader.event;

/** One paper fill, with the accounting after it. Mutable and reusable: lives inside a ring slot's batch. */
public final class Fill {
    public int instrumentId;
    /** Exchange time of the fill, epoch nanoseconds. */
    public long timestampNs;
    /** {@link Side#BUY} or {@link Side#SELL}. */
    public byte side;
    public long priceE8;
    public long quantityE8;
    public long notionalE8;
    public long feeE8;
    public double confidence;
    public int strategyId;
    public byte regime;
    /** Realized P&amp;L of a sell (net of its fee, minus cost basis); 0 on buys. */
    public long realizedPnlE8;
    /** Position in base units after the fill. */
    public long positionAfterE8;
    public long cashAfterE8;
    /** Why the order was sized as it was; a {@code RiskReason} bit set. */
    public int reasonCode;
    /** The order this fill belongs to. */
    public long orderId;
    /** The order's {@link OrderType}. */
    public byte orderType;
    /** {@link Liquidity#MAKER} or {@link Liquidity#TAKER}: which fee applied. */
    public byte liquidity;
    /** {@link ExitReason} of the order: {@link ExitReason#NONE} for entries. */
    public byte exitReason;

    /** Copies every field of {@code other} into this fill. */
    public void copyFrom(Fill other) {
        instrumentId = other.instrumentId;
        timestampNs = other.timestampNs;
        side = other.side;
        priceE8 = other.priceE8;
        quantityE8 = other.quantityE8;
        notionalE8 = other.notionalE8;
        feeE8 = other.feeE8;
        confidence = other.confidence;
        strategyId = other.strategyId;
        regime = other.regime;
        realizedPnlE8 = other.realizedPnlE8;
        positionAfterE8 = other.positionAfterE8;
        cashAfterE8 = other.cashAfterE8;
        reasonCode = other.reasonCode;
        orderId = other.orderId;
        orderType = other.orderType;
        liquidity = other.liquidity;
        exitReason = other.exitReason;
    }
}

package io.ringtrader.exchange;

import io.ringtrader.event.EventType;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Side;

/**
 * One market event produced by a {@link MarketSource}: a trade or a heartbeat (exchange time advanced). A mutable,
 * reusable holder filled by {@link MarketSource#next}; owned by the thread that drives the source.
 */
public final class SimEvent {
    /** {@link EventType#TRADE} or {@link EventType#HEARTBEAT}. */
    public byte type;
    /** Instrument id of a trade; -1 for a heartbeat. */
    public int instrumentId;
    /** Exchange time, epoch nanoseconds. */
    public long timestampNs;
    public long priceE8;
    public long sizeE8;
    /** Per-product trade id, increasing. */
    public long tradeId;
    /** {@link Side} as the exchange reports it (maker side). */
    public byte side;
    /** The simulator's market regime when the event was made ({@link Regime}); UNKNOWN for tapes. */
    public byte regime;

    /** Fills this holder with a trade. */
    public SimEvent trade(int instrumentId, long timestampNs, long priceE8, long sizeE8, long tradeId, byte side) {
        this.type = EventType.TRADE;
        this.instrumentId = instrumentId;
        this.timestampNs = timestampNs;
        this.priceE8 = priceE8;
        this.sizeE8 = sizeE8;
        this.tradeId = tradeId;
        this.side = side;
        return this;
    }

    /** Fills this holder with a heartbeat at {@code timestampNs}. */
    public SimEvent heartbeat(long timestampNs) {
        this.type = EventType.HEARTBEAT;
        this.instrumentId = -1;
        this.timestampNs = timestampNs;
        this.priceE8 = 0;
        this.sizeE8 = 0;
        this.tradeId = 0;
        this.side = Side.UNKNOWN;
        return this;
    }

    /** Copies every field of {@code other}. */
    public SimEvent copyFrom(SimEvent other) {
        type = other.type;
        instrumentId = other.instrumentId;
        timestampNs = other.timestampNs;
        priceE8 = other.priceE8;
        sizeE8 = other.sizeE8;
        tradeId = other.tradeId;
        side = other.side;
        regime = other.regime;
        return this;
    }

    /** True for a trade. */
    public boolean isTrade() {
        return type == EventType.TRADE;
    }

    @Override
    public String toString() {
        return EventType.name(type) + "{instrument=" + instrumentId + ", timestampNs=" + timestampNs
            + ", priceE8=" + priceE8 + ", sizeE8=" + sizeE8 + ", tradeId=" + tradeId + ", side=" + Side.name(side)
            + ", regime=" + Regime.name(regime) + '}';
    }
}

package io.ringtrader.exchange;

import io.ringtrader.event.EventType;
import io.ringtrader.event.Regime;
import io.ringtrader.event.Side;

/**
 * One market event produced by a {@link MarketSource}: a trade, a heartbeat (exchange time advanced) or a tape's
 * level2 change. A mutable, reusable holder filled by {@link MarketSource#next}; owned by the thread that drives the
 * source.
 */
public final class SimEvent {
    /** The type of a tape's level2 snapshot or update of one product (its levels are in {@link TapeBook}). */
    public static final byte LEVEL2 = EventType.QUOTE;

    /** {@link EventType#TRADE}, {@link EventType#HEARTBEAT} or {@link #LEVEL2}. */
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
    /** A {@link #LEVEL2} event: true for a snapshot (the book replaced), false for changes. */
    public boolean snapshot;
    /** A {@link #LEVEL2} event's levels: {@link TapeBook}'s pending changes {@code [levelsFrom, levelsTo)}. */
    public int levelsFrom;
    public int levelsTo;

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

    /** Fills this holder with a level2 snapshot or update of {@code instrumentId}, levels {@code [from, to)}. */
    public SimEvent level2(int instrumentId, long timestampNs, boolean snapshot, int from, int to) {
        heartbeat(timestampNs);
        this.type = LEVEL2;
        this.instrumentId = instrumentId;
        this.snapshot = snapshot;
        this.levelsFrom = from;
        this.levelsTo = to;
        return this;
    }

    /** True for a level2 change. */
    public boolean isLevel2() {
        return type == LEVEL2;
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
        snapshot = other.snapshot;
        levelsFrom = other.levelsFrom;
        levelsTo = other.levelsTo;
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

package io.ringtrader.event;

/**
 * One closed 1-minute OHLCV candle of one instrument, in fixed point (scale 1e-8). A mutable, reusable value:
 * ring slots and stores copy into pre-allocated instances, so no candle is allocated on the hot path.
 */
public final class Candle {
    public int instrumentId;
    /** Start of the minute, exchange time, epoch nanoseconds. */
    public long openTimeNs;
    public long openE8;
    public long highE8;
    public long lowE8;
    public long closeE8;
    /** Base-currency volume. */
    public long volumeE8;
    /** Sum of price x size over the minute's trades, quote currency; VWAP = notionalE8 / volumeE8. */
    public long notionalE8;
    public long tradeCount;
    /** False when a gap, a dropped event or a restart touched this minute. */
    public boolean complete;
    /** Where it came from: a {@link CandleSource} constant (trades unless downloaded). */
    public byte source;

    /** Copies every field of {@code other} into this candle. */
    public void copyFrom(Candle other) {
        instrumentId = other.instrumentId;
        openTimeNs = other.openTimeNs;
        openE8 = other.openE8;
        highE8 = other.highE8;
        lowE8 = other.lowE8;
        closeE8 = other.closeE8;
        volumeE8 = other.volumeE8;
        notionalE8 = other.notionalE8;
        tradeCount = other.tradeCount;
        complete = other.complete;
        source = other.source;
    }

    /** Volume-weighted average price, or the close when nothing traded. */
    public double vwap() {
        return volumeE8 == 0 ? FixedPoint.toDouble(closeE8) : (double) notionalE8 / (double) volumeE8;
    }

    @Override
    public String toString() {
        return "Candle{instrument=" + instrumentId + ", openTimeNs=" + openTimeNs
            + ", o=" + FixedPoint.format(openE8) + ", h=" + FixedPoint.format(highE8)
            + ", l=" + FixedPoint.format(lowE8) + ", c=" + FixedPoint.format(closeE8)
            + ", v=" + FixedPoint.format(volumeE8) + ", n=" + tradeCount + ", complete=" + complete
            + (source == CandleSource.TRADES ? "" : ", source=" + CandleSource.name(source)) + '}';
    }
}

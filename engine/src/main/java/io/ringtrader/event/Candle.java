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

    // ---- the level2 book over the minute (all 0 when no two-sided book was known during it) ----
    /** Best bid in force at the minute's end; 0 when none. */
    public long bestBidE8;
    /** Best ask in force at the minute's end; 0 when none. */
    public long bestAskE8;
    /** Time-weighted mean of (best ask - best bid) over the part of the minute a two-sided book was known. */
    public long meanSpreadE8;
    /** Time-weighted mean of (best bid size + best ask size), base currency, over the same part of the minute. */
    public long meanTopDepthE8;
    /** How much of the minute a two-sided book was known, ns (0: the two means are undefined). */
    public long bookCoverageNs;

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
        bestBidE8 = other.bestBidE8;
        bestAskE8 = other.bestAskE8;
        meanSpreadE8 = other.meanSpreadE8;
        meanTopDepthE8 = other.meanTopDepthE8;
        bookCoverageNs = other.bookCoverageNs;
    }

    /** Forgets the book fields (a candle built from trades alone). */
    public void clearBook() {
        bestBidE8 = 0;
        bestAskE8 = 0;
        meanSpreadE8 = 0;
        meanTopDepthE8 = 0;
        bookCoverageNs = 0;
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
            + (source == CandleSource.TRADES ? "" : ", source=" + CandleSource.name(source))
            + (bookCoverageNs == 0 && bestBidE8 == 0 && bestAskE8 == 0 ? "" : ", bid=" + FixedPoint.format(bestBidE8)
            + ", ask=" + FixedPoint.format(bestAskE8) + ", spread=" + FixedPoint.format(meanSpreadE8) + ", depth="
            + FixedPoint.format(meanTopDepthE8) + ", bookNs=" + bookCoverageNs) + '}';
    }
}

package io.ringtrader.event;

/**
 * The top {@link #DEPTH} levels of each side of one instrument's level2 book, in fixed point: best first on both
 * sides. A mutable, reusable value carried by {@link EventType#QUOTE} slots and held by the stages that need the
 * book (candles, paper matching); nothing is allocated per quote. Empty levels have price and size 0.
 */
public final class Quote {
    /** Levels carried per side: enough for a paper order to walk the book past the touch. */
    public static final int DEPTH = 5;

    /** Levels filled on the bid side (0: no bid known). */
    public int bidLevels;
    /** Levels filled on the ask side (0: no ask known). */
    public int askLevels;
    public final long[] bidPriceE8 = new long[DEPTH];
    public final long[] bidSizeE8 = new long[DEPTH];
    public final long[] askPriceE8 = new long[DEPTH];
    public final long[] askSizeE8 = new long[DEPTH];

    /** True when both sides have a best level: a two-sided market. */
    public boolean twoSided() {
        return bidLevels > 0 && askLevels > 0;
    }

    /** Best bid, 0 when none. */
    public long bestBidE8() {
        return bidLevels > 0 ? bidPriceE8[0] : 0;
    }

    /** Best ask, 0 when none. */
    public long bestAskE8() {
        return askLevels > 0 ? askPriceE8[0] : 0;
    }

    /** Forgets every level (the book is unknown). */
    public void clear() {
        for (int i = 0; i < DEPTH; i++) {
            bidPriceE8[i] = 0;
            bidSizeE8[i] = 0;
            askPriceE8[i] = 0;
            askSizeE8[i] = 0;
        }
        bidLevels = 0;
        askLevels = 0;
    }

    /** Copies every level of {@code other}. */
    public void copyFrom(Quote other) {
        bidLevels = other.bidLevels;
        askLevels = other.askLevels;
        for (int i = 0; i < DEPTH; i++) { // five elements: a plain loop beats four array-copy stub calls
            bidPriceE8[i] = other.bidPriceE8[i];
            bidSizeE8[i] = other.bidSizeE8[i];
            askPriceE8[i] = other.askPriceE8[i];
            askSizeE8[i] = other.askSizeE8[i];
        }
    }

    /** True when every level equals {@code other}'s. */
    public boolean sameAs(Quote other) {
        if (bidLevels != other.bidLevels || askLevels != other.askLevels) {
            return false;
        }
        for (int i = 0; i < DEPTH; i++) {
            if (bidPriceE8[i] != other.bidPriceE8[i] || bidSizeE8[i] != other.bidSizeE8[i]
                || askPriceE8[i] != other.askPriceE8[i] || askSizeE8[i] != other.askSizeE8[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Quote{bid=" + FixedPoint.format(bestBidE8()) + " x " + FixedPoint.format(bidLevels > 0
            ? bidSizeE8[0] : 0) + ", ask=" + FixedPoint.format(bestAskE8()) + " x "
            + FixedPoint.format(askLevels > 0 ? askSizeE8[0] : 0) + ", levels=" + bidLevels + "/" + askLevels + '}';
    }
}

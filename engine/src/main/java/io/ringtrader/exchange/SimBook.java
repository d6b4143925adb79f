package io.ringtrader.exchange;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Regime;
import java.util.SplittableRandom;

/**
 * The simulator's level2 book: {@link #LEVELS} price levels a side around the simulated mid, rebuilt every
 * simulated second. The touch sits where the simulated trades print (mid -/+ the half spread); the spread widens
 * and the depth thins with the regime (ranging: tight and deep; trending: wider; volatile: three times the spread,
 * a third of the depth). Seeded from its own random stream, so the trades of a seed are the same with or without
 * it. Keeps the previous second's book too, so the loopback exchange can send what changed as absolute-size
 * updates (0 for a level that went). Single-threaded (the exchange's event loop).
 */
public final class SimBook {
    /** Levels per side. */
    public static final int LEVELS = 5;
    private static final double MEDIAN_LEVEL_USD = 5_000;

    private final int count;
    private final long[] tickE8;
    private final long[] lotE8;
    private final SplittableRandom random;
    final long[] bidPriceE8;
    final long[] bidSizeE8;
    final long[] askPriceE8;
    final long[] askSizeE8;
    final long[] prevBidPriceE8;
    final long[] prevBidSizeE8;
    final long[] prevAskPriceE8;
    final long[] prevAskSizeE8;
    private boolean built;

    SimBook(int count, long[] tickE8, long[] lotE8, long seed) {
        this.count = count;
        this.tickE8 = tickE8;
        this.lotE8 = lotE8;
        this.random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        final int n = count * LEVELS;
        bidPriceE8 = new long[n];
        bidSizeE8 = new long[n];
        askPriceE8 = new long[n];
        askSizeE8 = new long[n];
        prevBidPriceE8 = new long[n];
        prevBidSizeE8 = new long[n];
        prevAskPriceE8 = new long[n];
        prevAskSizeE8 = new long[n];
    }

    /** Instruments in the book. */
    public int instruments() {
        return count;
    }

    /** True once the first second was built. */
    public boolean built() {
        return built;
    }

    /** Best bid of {@code id} (tests). */
    public long bestBidE8(int id) {
        return bidPriceE8[id * LEVELS];
    }

    /** Best ask of {@code id} (tests). */
    public long bestAskE8(int id) {
        return askPriceE8[id * LEVELS];
    }

    /** Rebuilds instrument {@code id}'s book around {@code mid} with half spread {@code halfSpread} (fraction). */
    void rebuild(int id, double mid, double halfSpread, byte regime) {
        final int base = id * LEVELS;
        System.arraycopy(bidPriceE8, base, prevBidPriceE8, base, LEVELS);
        System.arraycopy(bidSizeE8, base, prevBidSizeE8, base, LEVELS);
        System.arraycopy(askPriceE8, base, prevAskPriceE8, base, LEVELS);
        System.arraycopy(askSizeE8, base, prevAskSizeE8, base, LEVELS);
        final double spreadScale = switch (regime) {
            case Regime.TRENDING_UP, Regime.TRENDING_DOWN -> 1.5;
            case Regime.HIGH_VOLATILITY -> 3.0;
            default -> 1.0;
        };
        final double depthScale = switch (regime) {
            case Regime.RANGING -> 1.5;
            case Regime.HIGH_VOLATILITY -> 0.33;
            default -> 1.0;
        };
        final long tick = tickE8[id];
        final long bestBid = Math.max(tick, (long) Math.floor(mid * (1 - halfSpread * spreadScale) * FixedPoint.ONE
            / tick) * tick);
        long bestAsk = (long) Math.ceil(mid * (1 + halfSpread * spreadScale) * FixedPoint.ONE / tick) * tick;
        if (bestAsk <= bestBid) {
            bestAsk = bestBid + tick;
        }
        final long step = Math.max(tick, Math.round(mid * halfSpread * FixedPoint.ONE / tick) * tick);
        for (int k = 0; k < LEVELS; k++) {
            bidPriceE8[base + k] = Math.max(tick, bestBid - k * step);
            askPriceE8[base + k] = bestAsk + k * step;
            bidSizeE8[base + k] = size(mid, depthScale * (1 + 0.5 * k), id);
            askSizeE8[base + k] = size(mid, depthScale * (1 + 0.5 * k), id);
        }
        if (id == count - 1) {
            built = true;
        }
    }

    private long size(double mid, double scale, int id) {
        final double usd = MEDIAN_LEVEL_USD * scale * Math.exp(0.5 * random.nextGaussian());
        final long lot = lotE8[id];
        return Math.max(lot, (long) (usd / mid * FixedPoint.ONE / lot) * lot);
    }
}

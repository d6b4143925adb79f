package io.ringtrader.order;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.Quote;
import io.ringtrader.event.Side;
import io.ringtrader.event.TimeInForce;

/**
 * The fill model of the paper matching engine, one trade at a time, in exchange time. An order matches only trades
 * after it was placed ({@link Order#fresh} orders never match: they were placed on this very trade) and not before
 * its {@link Order#activeFromNs} (placement plus latency). Then:
 * <ul>
 *   <li>market: fills in full at the trade price moved against us by the slippage; taker;</li>
 *   <li>resting limit: fills only when the trade goes through its price (a buy: strictly below), at its price,
 *       capped by the trade's size (the rest stays open: partial fills); maker;</li>
 *   <li>marketable limit (through the last price when placed): fills in full at the first trade at or better than
 *       its price, at that trade's price moved by the slippage but never worse than the limit; taker;</li>
 *   <li>stop and trailing stop: trigger when a trade reaches the stop price, then fill in full at that trade's price
 *       moved by the slippage; taker. A trailing stop's price follows the best trade since it was armed.</li>
 * </ul>
 * Without a book, market-style fills are not capped by the trade's size (the book is assumed deep enough for paper
 * sizes). With a usable quote ({@link #matchBook}) a market order, a triggered stop and a marketable limit cross the
 * spread instead: a buy takes the asks, a sell the bids, level by level for its size, at the volume-weighted price
 * of what it took (a marketable limit only the levels at or better than its limit); what the quoted depth cannot
 * fill goes at the deepest quoted level moved by the slippage. Stateless apart from the result fields;
 * single-threaded.
 */
public final class PaperMatcher {
    private final long slippageE8;
    /** Result of the last successful {@link #match}: quantity, price and liquidity of the fill. */
    public long fillQuantityE8;
    public long fillPriceE8;
    public byte liquidity;
    /** True when the last {@link #match} triggered a stop (it then also filled). */
    public boolean triggered;

    /** A matcher applying {@code slippageE8} (E8 fraction) to taker fills. */
    public PaperMatcher(long slippageE8) {
        this.slippageE8 = slippageE8;
    }

    /** The price a taker order on {@code side} gets against a trade at {@code tradePriceE8}. */
    public static long takerPriceE8(byte side, long tradePriceE8, long slippageE8) {
        final long slip = FixedPoint.multiply(tradePriceE8, slippageE8);
        return side == Side.BUY ? tradePriceE8 + slip : tradePriceE8 - slip;
    }

    /** True when {@code order} may be matched against a trade at {@code tradeNs}. */
    public static boolean eligible(Order order, long tradeNs) {
        return order.id != 0 && order.open() && !order.fresh && tradeNs >= order.activeFromNs;
    }

    /**
     * Matches an eligible {@code order} against one trade with {@code sizeLeftE8} of its size not yet used by other
     * resting orders.
     *
     * @return true when it fills (see the result fields); false when it does not fill on this trade
     */
    public boolean match(Order order, long tradePriceE8, long sizeLeftE8) {
        triggered = false;
        final boolean buy = order.side == Side.BUY;
        final long remaining = order.remainingE8();
        if (remaining <= 0) {
            return false;
        }
        switch (order.type) {
            case OrderType.MARKET -> {
                return taker(order.side, tradePriceE8, remaining);
            }
            case OrderType.LIMIT -> {
                if (order.marketable) {
                    if (buy ? tradePriceE8 > order.limitPriceE8 : tradePriceE8 < order.limitPriceE8) {
                        return false;
                    }
                    taker(order.side, tradePriceE8, remaining);
                    fillPriceE8 = buy ? Math.min(fillPriceE8, order.limitPriceE8)
                        : Math.max(fillPriceE8, order.limitPriceE8);
                    return true;
                }
                final boolean through = buy ? tradePriceE8 < order.limitPriceE8 : tradePriceE8 > order.limitPriceE8;
                if (!through || sizeLeftE8 <= 0) {
                    return false;
                }
                fillQuantityE8 = Math.min(remaining, sizeLeftE8);
                fillPriceE8 = order.limitPriceE8;
                liquidity = Liquidity.MAKER;
                return true;
            }
            case OrderType.STOP, OrderType.TRAILING_STOP -> {
                final boolean hit = buy ? tradePriceE8 >= order.stopPriceE8 : tradePriceE8 <= order.stopPriceE8;
                if (!hit) {
                    return false;
                }
                triggered = true;
                return taker(order.side, tradePriceE8, remaining);
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Matches an eligible market, triggered-stop or marketable-limit {@code order} against the book {@code quote}
     * (two-sided). A stop must have been triggered by a trade first ({@code stopTriggered}).
     *
     * @return true when it fills (see the result fields)
     */
    public boolean matchBook(Order order, Quote quote, boolean stopTriggered) {
        triggered = false;
        final long remaining = order.remainingE8();
        if (remaining <= 0) {
            return false;
        }
        switch (order.type) {
            case OrderType.MARKET -> {
                return walk(order.side, quote, remaining, 0);
            }
            case OrderType.LIMIT -> {
                return order.marketable && walk(order.side, quote, remaining, order.limitPriceE8);
            }
            case OrderType.STOP, OrderType.TRAILING_STOP -> {
                if (!stopTriggered) {
                    return false;
                }
                triggered = true;
                return walk(order.side, quote, remaining, 0);
            }
            default -> {
                return false;
            }
        }
    }

    /** True when a trade at {@code tradePriceE8} triggers the stop {@code order}. */
    public static boolean stopHit(Order order, long tradePriceE8) {
        return (order.type == OrderType.STOP || order.type == OrderType.TRAILING_STOP)
            && (order.side == Side.BUY ? tradePriceE8 >= order.stopPriceE8 : tradePriceE8 <= order.stopPriceE8);
    }

    /** Takes {@code quantityE8} from the opposite side of {@code quote}, no worse than {@code limitE8} (0: none). */
    private boolean walk(byte side, Quote quote, long quantityE8, long limitE8) {
        final boolean buy = side == Side.BUY;
        final int levels = buy ? quote.askLevels : quote.bidLevels;
        final long[] prices = buy ? quote.askPriceE8 : quote.bidPriceE8;
        final long[] sizes = buy ? quote.askSizeE8 : quote.bidSizeE8;
        long left = quantityE8;
        // the exact notional, sum of price x size in E16, as a 128-bit number: the average below is exact
        long hi = 0;
        long lo = 0;
        long deepest = 0;
        for (int i = 0; i < levels && left > 0; i++) {
            final long p = prices[i];
            if (limitE8 > 0 && (buy ? p > limitE8 : p < limitE8)) {
                break;
            }
            final long take = Math.min(left, sizes[i]);
            final long productLo = p * take;
            final long sum = lo + productLo;
            hi += Math.multiplyHigh(p, take) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
            lo = sum;
            left -= take;
            deepest = p;
        }
        if (left > 0 && limitE8 == 0 && deepest > 0) {
            // past the quoted depth: the rest at the deepest quoted level moved by the slippage
            final long p = takerPriceE8(side, deepest, slippageE8);
            final long sum = lo + p * left;
            hi += Math.multiplyHigh(p, left) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
            lo = sum;
            left = 0;
        }
        final long filled = quantityE8 - left;
        if (filled <= 0 || (hi == 0 && lo == 0)) {
            return false;
        }
        fillQuantityE8 = filled;
        fillPriceE8 = divide(hi, lo, filled, buy); // a buy's average rounds up, a sell's down: against us
        liquidity = Liquidity.TAKER;
        return true;
    }

    /** The price a limit on {@code side} would take against: the best opposite level, or 0. */
    public static long touchE8(byte side, Quote quote) {
        return side == Side.BUY ? quote.bestAskE8() : quote.bestBidE8();
    }

    /** The unsigned 128-bit {@code (hi, lo)} divided by {@code c > 0}, rounded up or down (no allocation). */
    static long divide(long hi, long lo, long c, boolean roundUp) {
        if (Long.compareUnsigned(hi, c) >= 0) {
            throw new ArithmeticException("fill price overflow");
        }
        long rem = hi;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--) {
            final boolean carry = rem < 0; // rem's top bit: the shifted remainder exceeds 64 bits, so it is >= c
            rem = (rem << 1) | ((lo >>> bit) & 1L);
            quotient <<= 1;
            if (carry || Long.compareUnsigned(rem, c) >= 0) {
                rem -= c;
                quotient |= 1L;
            }
        }
        if (quotient < 0) {
            throw new ArithmeticException("fill price overflow");
        }
        return roundUp && rem != 0 ? quotient + 1 : quotient;
    }

    /** Moves a trailing sell stop up behind a new best trade price; true when the stop price changed. */
    public static boolean trail(Order order, long tradePriceE8) {
        if (order.type != OrderType.TRAILING_STOP || tradePriceE8 <= order.highWaterE8) {
            return false;
        }
        order.highWaterE8 = tradePriceE8;
        final long stop = tradePriceE8 - order.trailDistanceE8;
        if (stop > order.stopPriceE8) {
            order.stopPriceE8 = stop;
            return true;
        }
        return false;
    }

    /** True when a limit at {@code limitPriceE8} on {@code side} would take liquidity against {@code lastE8}. */
    public static boolean wouldTake(byte side, long limitPriceE8, long lastE8) {
        return side == Side.BUY ? limitPriceE8 > lastE8 : limitPriceE8 < lastE8;
    }

    /** True for orders matched against one trade only. */
    public static boolean immediateOrCancel(Order order) {
        return order.type == OrderType.LIMIT && order.timeInForce == TimeInForce.IOC;
    }

    private boolean taker(byte side, long tradePriceE8, long quantityE8) {
        fillQuantityE8 = quantityE8;
        fillPriceE8 = takerPriceE8(side, tradePriceE8, slippageE8);
        liquidity = Liquidity.TAKER;
        return fillPriceE8 > 0;
    }
}

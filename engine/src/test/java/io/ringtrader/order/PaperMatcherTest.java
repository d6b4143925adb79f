package io.ringtrader.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.Side;
import io.ringtrader.event.TimeInForce;
import org.junit.jupiter.api.Test;

class PaperMatcherTest {
    private static final long ONE = FixedPoint.ONE;
    /** 10 bps slippage. */
    private final PaperMatcher matcher = new PaperMatcher(100_000L);
    private final OrderBook book = new OrderBook(1, 4);

    private Order order(byte side, byte type, long quantity, long limit, long stop) {
        final Order o = book.allocate(0, 0);
        o.side = side;
        o.type = type;
        o.timeInForce = type == OrderType.LIMIT ? TimeInForce.GTC : 0;
        o.quantityE8 = quantity;
        o.limitPriceE8 = limit;
        o.stopPriceE8 = stop;
        o.state = OrderState.ACCEPTED;
        o.activeFromNs = 100;
        o.fresh = false;
        return o;
    }

    @Test
    void shouldNeverMatchAFreshOrderOrBeforeItsLatency() {
        final Order o = order(Side.BUY, OrderType.MARKET, ONE, 0, 0);
        o.fresh = true;
        assertThat(PaperMatcher.eligible(o, 1_000)).as("placed on this very trade").isFalse();
        o.fresh = false;
        assertThat(PaperMatcher.eligible(o, 99)).as("inside the latency").isFalse();
        assertThat(PaperMatcher.eligible(o, 100)).isTrue();
    }

    @Test
    void shouldFillAMarketOrderInFullAtTheTradeMovedByTheSlippage() {
        final Order buy = order(Side.BUY, OrderType.MARKET, 5 * ONE, 0, 0);
        assertThat(matcher.match(buy, 1_000 * ONE, ONE / 100)).isTrue();
        assertThat(matcher.fillQuantityE8).as("not capped by the trade's size").isEqualTo(5 * ONE);
        assertThat(matcher.fillPriceE8).isEqualTo(1_001 * ONE);
        assertThat(matcher.liquidity).isEqualTo(Liquidity.TAKER);
        final Order sell = order(Side.SELL, OrderType.MARKET, ONE, 0, 0);
        assertThat(matcher.match(sell, 1_000 * ONE, ONE)).isTrue();
        assertThat(matcher.fillPriceE8).isEqualTo(999 * ONE);
    }

    @Test
    void shouldFillARestingLimitOnlyWhenTheTapeTradesThroughItAtItsPriceCappedBySize() {
        final Order buy = order(Side.BUY, OrderType.LIMIT, 3 * ONE, 100 * ONE, 0);
        assertThat(matcher.match(buy, 101 * ONE, 10 * ONE)).as("above the limit").isFalse();
        assertThat(matcher.match(buy, 100 * ONE, 10 * ONE)).as("at the limit: queue position unknown, no fill")
            .isFalse();
        assertThat(matcher.match(buy, 9_999 * ONE / 100, 2 * ONE)).as("through the limit").isTrue();
        assertThat(matcher.fillQuantityE8).as("capped by the traded size: a partial fill").isEqualTo(2 * ONE);
        assertThat(matcher.fillPriceE8).as("at its own price").isEqualTo(100 * ONE);
        assertThat(matcher.liquidity).isEqualTo(Liquidity.MAKER);
        final Order sell = order(Side.SELL, OrderType.LIMIT, ONE, 110 * ONE, 0);
        assertThat(matcher.match(sell, 110 * ONE, ONE)).isFalse();
        assertThat(matcher.match(sell, 111 * ONE, ONE)).isTrue();
        assertThat(matcher.fillPriceE8).isEqualTo(110 * ONE);
        assertThat(matcher.match(sell, 111 * ONE, 0)).as("no size left on the trade").isFalse();
    }

    @Test
    void shouldFillAMarketableLimitAsATakerNeverWorseThanItsPrice() {
        final Order buy = order(Side.BUY, OrderType.LIMIT, ONE, 100 * ONE, 0);
        buy.marketable = true;
        assertThat(matcher.match(buy, 101 * ONE, ONE)).isFalse();
        assertThat(matcher.match(buy, 9_995 * ONE / 100, ONE)).isTrue();
        assertThat(matcher.liquidity).isEqualTo(Liquidity.TAKER);
        assertThat(matcher.fillPriceE8).as("99.95 + 10 bps, capped at the limit").isEqualTo(100 * ONE);
    }

    @Test
    void shouldTriggerAStopOnTheTradePriceAndTrailBehindNewHighs() {
        final Order stop = order(Side.SELL, OrderType.STOP, ONE, 0, 95 * ONE);
        assertThat(matcher.match(stop, 96 * ONE, ONE)).isFalse();
        assertThat(matcher.match(stop, 95 * ONE, ONE)).isTrue();
        assertThat(matcher.triggered).isTrue();
        assertThat(matcher.fillPriceE8).isEqualTo(95 * ONE - 95 * ONE / 1_000);
        final Order trail = order(Side.SELL, OrderType.TRAILING_STOP, ONE, 0, 97 * ONE);
        trail.trailDistanceE8 = 3 * ONE;
        trail.highWaterE8 = 100 * ONE;
        assertThat(PaperMatcher.trail(trail, 99 * ONE)).isFalse();
        assertThat(PaperMatcher.trail(trail, 110 * ONE)).isTrue();
        assertThat(trail.stopPriceE8).isEqualTo(107 * ONE);
        assertThat(PaperMatcher.trail(trail, 105 * ONE)).as("never moves down").isFalse();
        assertThat(matcher.match(trail, 10_701 * ONE / 100, ONE)).isFalse();
        assertThat(matcher.match(trail, 107 * ONE, ONE)).isTrue();
    }

    @Test
    void shouldTellWhenALimitWouldTakeLiquidity() {
        assertThat(PaperMatcher.wouldTake(Side.BUY, 101 * ONE, 100 * ONE)).isTrue();
        assertThat(PaperMatcher.wouldTake(Side.BUY, 100 * ONE, 100 * ONE)).isFalse();
        assertThat(PaperMatcher.wouldTake(Side.SELL, 99 * ONE, 100 * ONE)).isTrue();
    }

    private static io.ringtrader.event.Quote quote() {
        final io.ringtrader.event.Quote q = new io.ringtrader.event.Quote();
        q.bidLevels = 2;
        q.askLevels = 2;
        q.bidPriceE8[0] = 999 * ONE;
        q.bidSizeE8[0] = ONE;
        q.bidPriceE8[1] = 998 * ONE;
        q.bidSizeE8[1] = 2 * ONE;
        q.askPriceE8[0] = 1_001 * ONE;
        q.askSizeE8[0] = ONE;
        q.askPriceE8[1] = 1_003 * ONE;
        q.askSizeE8[1] = ONE;
        return q;
    }

    @Test
    void shouldCrossTheSpreadAndWalkTheQuotedBookForAMarketOrder() {
        final Order buy = order(Side.BUY, OrderType.MARKET, ONE / 2, 0, 0);
        assertThat(matcher.matchBook(buy, quote(), false)).isTrue();
        assertThat(matcher.fillPriceE8).as("a small buy pays the ask").isEqualTo(1_001 * ONE);
        assertThat(matcher.liquidity).isEqualTo(Liquidity.TAKER);
        final Order bigBuy = order(Side.BUY, OrderType.MARKET, 2 * ONE, 0, 0);
        assertThat(matcher.matchBook(bigBuy, quote(), false)).isTrue();
        assertThat(matcher.fillQuantityE8).isEqualTo(2 * ONE);
        assertThat(matcher.fillPriceE8).as("one at 1001, one at 1003").isEqualTo(1_002 * ONE);
        final Order sell = order(Side.SELL, OrderType.MARKET, 3 * ONE, 0, 0);
        assertThat(matcher.matchBook(sell, quote(), false)).isTrue();
        assertThat(matcher.fillPriceE8).as("999 x 1 + 998 x 2 over 3, rounded down for a sell")
            .isEqualTo(FixedPoint.parse("998.33333333"));
        final Order hugeBuy = order(Side.BUY, OrderType.MARKET, 4 * ONE, 0, 0);
        assertThat(matcher.matchBook(hugeBuy, quote(), false)).isTrue();
        // 1001 + 1003 + 2 x (1003 + 10 bps = 1004.003) = 4012.006 over 4 = 1003.0015
        assertThat(matcher.fillPriceE8).as("past the quoted depth: the deepest level plus slippage")
            .isEqualTo(FixedPoint.parse("1003.0015"));
    }

    @Test
    void shouldRoundABuysAveragePriceUp() {
        final io.ringtrader.event.Quote q = quote();
        q.askPriceE8[1] = 1_002 * ONE;
        q.askSizeE8[1] = 2 * ONE;
        final Order buy = order(Side.BUY, OrderType.MARKET, 3 * ONE, 0, 0);
        assertThat(matcher.matchBook(buy, q, false)).isTrue();
        assertThat(matcher.fillPriceE8).isEqualTo(FixedPoint.parse("1001.66666667"));
    }

    @Test
    void shouldFillAMarketableLimitOnlyFromLevelsWithinItsLimitAndAStopOnlyOnceTriggered() {
        final Order limit = order(Side.BUY, OrderType.LIMIT, 3 * ONE, 1_002 * ONE, 0);
        limit.marketable = true;
        assertThat(matcher.matchBook(limit, quote(), false)).isTrue();
        assertThat(matcher.fillQuantityE8).as("only the 1001 level is within the limit").isEqualTo(ONE);
        assertThat(matcher.fillPriceE8).isEqualTo(1_001 * ONE);
        limit.marketable = false;
        assertThat(matcher.matchBook(limit, quote(), false)).as("a resting limit does not take").isFalse();
        final Order stop = order(Side.SELL, OrderType.STOP, ONE, 0, 990 * ONE);
        assertThat(matcher.matchBook(stop, quote(), false)).isFalse();
        assertThat(PaperMatcher.stopHit(stop, 995 * ONE)).isFalse();
        assertThat(PaperMatcher.stopHit(stop, 990 * ONE)).isTrue();
        assertThat(matcher.matchBook(stop, quote(), true)).isTrue();
        assertThat(matcher.triggered).isTrue();
        assertThat(matcher.fillPriceE8).as("a triggered stop sells into the bid").isEqualTo(999 * ONE);
    }
}

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
}

package io.ringtrader.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrader.config.OrderConfig;
import io.ringtrader.event.Action;
import io.ringtrader.event.EventType;
import io.ringtrader.event.ExitReason;
import io.ringtrader.event.FixedPoint;
import io.ringtrader.event.Liquidity;
import io.ringtrader.event.MarketEvent;
import io.ringtrader.event.OrderState;
import io.ringtrader.event.OrderType;
import io.ringtrader.event.OrderUpdate;
import io.ringtrader.event.Signal;
import io.ringtrader.risk.RiskReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order lifecycle through the risk/portfolio stage, one hand-made trade at a time. */
class OrderManagerTest {
    private static final long ONE = FixedPoint.ONE;
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = SyntheticFeed.START_NS;
    private static final int BTC = 0;

    private final MarketEvent e = new MarketEvent(16);
    private long index;

    private RiskPortfolioHandler handler(OrderConfig orders) {
        final int n = SyntheticFeed.INSTRUMENTS.size();
        return new RiskPortfolioHandler(TestFiles.RISK, TestFiles.PORTFOLIO, orders, SyntheticFeed.INSTRUMENTS,
            new Portfolio(n, TestFiles.PORTFOLIO.startingCashE8()), RiskPortfolioHandler.freshBook(orders, n), null,
            null);
    }

    /** One trade of BTC at {@code price} (whole dollars) of {@code size} tenths of a BTC, maybe with a signal. */
    private MarketEvent trade(RiskPortfolioHandler h, long atNs, long price, long size, byte signal) {
        e.clear();
        e.type = EventType.TRADE;
        e.instrumentId = BTC;
        e.timestampNs = atNs;
        e.priceE8 = price * ONE;
        e.sizeE8 = size * ONE / 10;
        e.journalIndex = index++;
        if (signal != Action.HOLD) {
            final Signal s = e.signals.add();
            s.reset();
            s.instrumentId = BTC;
            s.timestampNs = atNs;
            s.action = signal;
            s.confidence = 1.0;
            s.leadStrategyId = 1;
        }
        h.onEvent(e, index, true);
        return e;
    }

    private static List<String> states(MarketEvent e) {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < e.orders.size(); i++) {
            final OrderUpdate u = e.orders.get(i);
            out.add(OrderType.name(u.orderType) + ":" + ExitReason.name(u.exitReason) + ":"
                + OrderState.name(u.state));
        }
        return out;
    }

    @Test
    void anEntryFillsOnALaterTradeThroughItsLimitArmsItsExitsAndATrailingStopClosesIt() {
        final RiskPortfolioHandler h = handler(TestFiles.ORDERS);
        trade(h, T0, 60_000, 1, Action.BUY);
        assertThat(states(e)).containsExactly("limit::accepted");
        assertThat(e.fills.size()).as("never on the trade that caused the decision").isZero();
        trade(h, T0 + SECOND, 60_000, 1, Action.HOLD);
        assertThat(e.fills.size()).as("a trade at the limit does not go through it").isZero();
        trade(h, T0 + 2 * SECOND, 59_990, 1, Action.HOLD);
        assertThat(e.fills.size()).isEqualTo(1);
        assertThat(e.fills.get(0).quantityE8).as("capped by the traded size").isEqualTo(ONE / 10);
        assertThat(states(e)).containsExactly("limit::partially_filled", "stop:stop_loss:accepted",
            "limit:take_profit:accepted", "trailing_stop:trailing_stop:accepted");
        trade(h, T0 + 3 * SECOND, 59_980, 100, Action.HOLD);
        assertThat(e.fills.get(0).liquidity).isEqualTo(Liquidity.MAKER);
        assertThat(e.fills.get(0).priceE8).isEqualTo(60_000 * ONE);
        final long held = h.portfolio().quantityE8(BTC);
        assertThat(FixedPoint.multiply(held, 60_000 * ONE)).as("10% of equity x confidence 1")
            .isBetween(9_900 * ONE, 10_000 * ONE);
        assertThat(states(e)).contains("limit::filled", "stop:stop_loss:replaced");

        trade(h, T0 + 60 * SECOND, 60_050, 1, Action.BUY);
        assertThat(e.decisions.get(0).reasonCode & RiskReason.AT_TARGET).as("a persisting BUY never buys again")
            .isNotZero();
        assertThat(e.orders.size()).isZero();

        trade(h, T0 + 120 * SECOND, 61_000, 1, Action.HOLD);
        trade(h, T0 + 180 * SECOND, 60_200, 1, Action.HOLD);
        assertThat(e.fills.size()).as("61,000 - 1.5% of ~60,036 = ~60,099: not yet").isZero();
        trade(h, T0 + 181 * SECOND, 60_090, 1, Action.HOLD);
        assertThat(e.fills.size()).isEqualTo(1);
        assertThat(e.fills.get(0).exitReason).isEqualTo(ExitReason.TRAILING_STOP);
        assertThat(e.fills.get(0).liquidity).isEqualTo(Liquidity.TAKER);
        assertThat(e.fills.get(0).priceE8).as("the trigger trade less 5 bps").isEqualTo(60_090 * ONE
            - FixedPoint.multiply(60_090 * ONE, 50_000L));
        assertThat(e.fills.get(0).strategyId).as("credited to the entry's strategy").isEqualTo(1);
        assertThat(states(e)).containsExactly("trailing_stop:trailing_stop:triggered",
            "trailing_stop:trailing_stop:filled", "stop:stop_loss:cancelled", "limit:take_profit:cancelled");
        assertThat(h.portfolio().quantityE8(BTC)).isZero();
        assertThat(h.orders().book().openCount()).as("one cancels the others").isZero();
        assertThat(h.orders().exits(ExitReason.TRAILING_STOP)).isEqualTo(1);

        trade(h, T0 + 240 * SECOND, 60_000, 1, Action.BUY);
        assertThat(e.decisions.get(0).reasonCode).as("cooling down after the exit").isEqualTo(RiskReason.COOLDOWN);
        trade(h, T0 + 182 * SECOND + 5 * 60 * SECOND, 60_000, 1, Action.BUY);
        assertThat(states(e)).as("after the 5-minute cooldown").containsExactly("limit::accepted");
    }

    @Test
    void aStopLossSellsAtTheTriggerTradeAndASellSignalWaitsForTheMinimumHold() {
        final RiskPortfolioHandler h = handler(TestFiles.MARKET_ORDERS);
        trade(h, T0, 60_000, 1, Action.BUY);
        assertThat(states(e)).containsExactly("market::accepted");
        trade(h, T0 + 10_000_000L, 60_100, 1, Action.HOLD);
        assertThat(e.fills.size()).as("inside the 50 ms latency").isZero();
        trade(h, T0 + SECOND, 60_100, 1, Action.HOLD);
        assertThat(e.fills.get(0).priceE8).as("next trade + 5 bps").isEqualTo(60_100 * ONE
            + FixedPoint.multiply(60_100 * ONE, 50_000L));
        assertThat(e.fills.get(0).liquidity).isEqualTo(Liquidity.TAKER);
        trade(h, T0 + 60 * SECOND, 60_000, 1, Action.SELL);
        assertThat(e.decisions.get(0).reasonCode).as("held one minute of five").isEqualTo(RiskReason.MIN_HOLD);
        trade(h, T0 + 61 * SECOND, 59_400, 1, Action.HOLD);
        assertThat(e.fills.get(0).exitReason).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(h.portfolio().quantityE8(BTC)).isZero();
    }

    @Test
    void aSellSignalAfterTheMinimumHoldFlattensAtTheNextTrade() {
        final RiskPortfolioHandler h = handler(TestFiles.MARKET_ORDERS);
        trade(h, T0, 60_000, 1, Action.BUY);
        trade(h, T0 + SECOND, 60_000, 1, Action.HOLD);
        trade(h, T0 + 400 * SECOND, 60_300, 1, Action.SELL);
        assertThat(states(e)).containsExactly("stop:stop_loss:cancelled", "limit:take_profit:cancelled",
            "trailing_stop:trailing_stop:cancelled", "market:signal:accepted");
        assertThat(e.fills.size()).isZero();
        trade(h, T0 + 401 * SECOND, 60_310, 1, Action.HOLD);
        assertThat(e.fills.get(0).exitReason).isEqualTo(ExitReason.SIGNAL);
        assertThat(e.fills.get(0).strategyId).isEqualTo(1);
        assertThat(h.portfolio().quantityE8(BTC)).isZero();
    }

    @Test
    void anUnfilledLimitEntryExpires() {
        final RiskPortfolioHandler h = handler(TestFiles.ORDERS);
        trade(h, T0, 60_000, 1, Action.BUY);
        trade(h, T0 + 119 * SECOND, 60_010, 1, Action.HOLD);
        assertThat(e.orders.size()).isZero();
        trade(h, T0 + 120 * SECOND, 60_010, 1, Action.HOLD);
        assertThat(states(e)).containsExactly("limit::expired");
        assertThat(h.orders().book().openCount()).isZero();
    }

    @Test
    void anEntryWhoseTakeProfitDoesNotPayTheCostsIsNotSent() {
        // take-profit 1 % < 2 x (0.40 % maker in + 0.40 % maker out)
        final OrderConfig thin = new OrderConfig("limit", 0, 120, 50, 0.25, 10, 0, 0.01, 0, 0.01, 0, 0.015, 0, 14,
            1, 2.0, 5, 8, 5, true);
        final RiskPortfolioHandler h = handler(thin);
        trade(h, T0, 60_000, 1, Action.BUY);
        assertThat(e.decisions.get(0).reasonCode).isEqualTo(RiskReason.COSTS);
        assertThat(e.orders.size()).isZero();
        final OrderConfig wide = new OrderConfig("limit", 0, 120, 50, 0.25, 10, 0, 0.01, 0, 0.02, 0, 0.015, 0, 14,
            1, 2.0, 5, 8, 5, true);
        trade(handler(wide), T0, 60_000, 1, Action.BUY);
        assertThat(states(e)).as("2 % >= 2 x 0.80 %").containsExactly("limit::accepted");
    }

    @Test
    void aPositionHeldForTheMaximumTimeIsSoldAtMarket() {
        final RiskPortfolioHandler h = handler(TestFiles.MARKET_ORDERS);
        trade(h, T0, 60_000, 1, Action.BUY);
        trade(h, T0 + SECOND, 60_000, 1, Action.HOLD);
        trade(h, T0 + SECOND + 3_600 * SECOND, 60_100, 1, Action.HOLD);
        assertThat(states(e)).contains("market:max_hold:accepted");
        trade(h, T0 + 3_602 * SECOND, 60_100, 1, Action.HOLD);
        assertThat(e.fills.get(0).exitReason).isEqualTo(ExitReason.MAX_HOLD);
        assertThat(h.portfolio().quantityE8(BTC)).isZero();
    }

    @Test
    void standingAsideRefusesEntriesAndAResetReleasesDrawdownProtection() {
        final RiskPortfolioHandler h = handler(TestFiles.ORDERS);
        e.clear();
        e.type = EventType.FEED_STATUS;
        e.value = io.ringtrader.event.FeedStatus.STAND_ASIDE;
        e.timestampNs = T0;
        e.journalIndex = index++;
        h.onEvent(e, index, true);
        trade(h, T0 + SECOND, 60_000, 1, Action.BUY);
        assertThat(e.decisions.get(0).reasonCode).isEqualTo(RiskReason.STAND_ASIDE);
        assertThat(h.standingAside()).isTrue();
        final int asideBit = Integer.numberOfTrailingZeros(RiskReason.STAND_ASIDE);
        assertThat(RiskReason.name(asideBit)).isEqualTo("STAND_ASIDE");
        assertThat(h.rejectedSignals(asideBit)).as("a refusal by design is counted under its reason").isEqualTo(1);
        assertThat(h.rejectedSignals(Integer.numberOfTrailingZeros(RiskReason.DRAWDOWN))).isZero();
        e.clear();
        e.type = EventType.HEARTBEAT;
        e.timestampNs = T0 + 2 * SECOND;
        e.journalIndex = index++;
        e.edgeChange = MarketEvent.EDGE;
        h.onEvent(e, index, true);
        assertThat(h.standingAside()).as("a re-selection found an edge again").isFalse();
        trade(h, T0 + 3 * SECOND, 60_000, 1, Action.BUY);
        assertThat(states(e)).containsExactly("limit::accepted");
        assertThat(h.rejectedSignals()).isEqualTo(1);
        assertThat(h.rejectedSignals(asideBit)).isEqualTo(1);
        e.clear();
        e.type = EventType.HEARTBEAT;
        e.timestampNs = T0 + 4 * SECOND;
        e.journalIndex = index++;
        e.edgeChange = MarketEvent.NO_EDGE;
        h.onEvent(e, index, true);
        assertThat(h.standingAside()).isTrue();
    }
}
